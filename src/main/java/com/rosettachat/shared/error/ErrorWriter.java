package com.rosettachat.shared.error;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error body straight to the servlet response, so filters, the security entry
 * point, the MVC advice and the container's /error page all answer the same JSON, whatever the
 * client put in Accept.
 */
public final class ErrorWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorWriter() {
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, message, null);
    }

    public static void write(HttpServletResponse response, int status, String message,
                             Map<String, List<String>> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-cache, private");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The contract's sentence for a status the application itself did not word. */
    public static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Bad request.";
            case 401 -> "Unauthenticated.";
            case 403 -> "This action is unauthorized.";
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 406 -> "Not acceptable.";
            case 408 -> "Request timeout.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type.";
            case 419 -> "CSRF token mismatch.";
            case 429 -> TooManyRequestsException.MESSAGE;
            default -> status >= 500 ? "Server Error." : "Bad request.";
        };
    }
}
