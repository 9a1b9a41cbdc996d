package com.rosettachat.shared.web;

import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.validation.Input;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a request into an {@link Input}, as Laravel's {@code $request->input()} does: the query
 * string, overlaid by a JSON object body or by form fields. A body that is not JSON at all is 400
 * {@code Malformed JSON.}; a body above {@code rosetta.http.max-body-bytes} is 413 and is not read
 * past the limit.
 */
public class InputArgumentResolver implements HandlerMethodArgumentResolver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final long maxBodyBytes;

    public InputArgumentResolver(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Input.class || parameter.getParameterType() == RawBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (parameter.getParameterType() == RawBody.class) {
            return new RawBody(readBody(request));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        // For JSON requests this holds the query string only; form and multipart fields arrive here too.
        request.getParameterMap().forEach((name, array) -> put(values, name, array));
        String contentType = request.getContentType();
        boolean hasBody = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (hasBody && (contentType == null || isJson(contentType))) {
            values.putAll(readJson(request));
        }
        return Input.of(values);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (Exception e) {
            return false;
        }
    }

    private static void put(Map<String, Object> values, String name, String[] array) {
        if (name.endsWith("[]")) {
            values.put(name.substring(0, name.length() - 2), List.of(array));
        } else {
            values.put(name, array.length == 0 ? null : array[array.length - 1]);
        }
    }

    private Map<String, Object> readJson(HttpServletRequest request) throws IOException {
        return parseObject(readBody(request));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new ApiException(413, "The request body is too large.");
        }
        return readAtMost(request.getInputStream(), maxBodyBytes);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] body) {
        if (isBlank(body)) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new ApiException(400, "Malformed JSON.");
        }
        if (parsed instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ApiException(400, "The request body must be a JSON object.");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                throw new ApiException(413, "The request body is too large.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
