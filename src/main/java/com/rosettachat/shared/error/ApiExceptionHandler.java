package com.rosettachat.shared.error;

import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The one place where failures become the contract's JSON (CONTRACT §1). Spring's own
 * exceptions are mapped here too, so no client ever sees HTML, a stack trace or a SQL message.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletResponse response) throws IOException {
        if (e instanceof TooManyRequestsException tooMany && tooMany.decision() != null) {
            RateLimitHeaders.apply(response, tooMany.decision());
        }
        ErrorWriter.write(response, e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 400, "Malformed JSON.");
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    void notFound(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 404, "Not found.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletResponse response) throws IOException {
        if (e.getSupportedMethods() != null) {
            response.setHeader("Allow", String.join(", ", e.getSupportedMethods()));
        }
        ErrorWriter.write(response, 405, "Method not allowed.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void unsupportedMediaType(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 415, "Unsupported media type.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 406, "Not acceptable.");
    }

    /** A path id of the wrong shape names nothing the caller can see; a bad query value is a validation failure. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        boolean pathVariable = e.getParameter().hasParameterAnnotation(
                org.springframework.web.bind.annotation.PathVariable.class);
        if (pathVariable) {
            ErrorWriter.write(response, 404, "Not found.");
        } else {
            String field = e.getName();
            ErrorWriter.write(response, 422, ValidationException.MESSAGE,
                    Map.of(field, List.of("The " + field.replace('_', ' ') + " field is invalid.")));
        }
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletResponse response) throws IOException {
        String field = e.getParameterName();
        ErrorWriter.write(response, 422, ValidationException.MESSAGE,
                Map.of(field, List.of("The " + field.replace('_', ' ') + " field is required.")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    void missingPart(MissingServletRequestPartException e, HttpServletResponse response) throws IOException {
        String field = e.getRequestPartName();
        ErrorWriter.write(response, 422, ValidationException.MESSAGE,
                Map.of(field, List.of("The " + field.replace('_', ' ') + " field is required.")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 413, "The file is too large.");
    }

    /** A multipart body that cannot be parsed, or that was cut off mid-way. */
    @ExceptionHandler(MultipartException.class)
    void badMultipart(MultipartException e, HttpServletResponse response) throws IOException {
        if (causedBySizeLimit(e)) {
            ErrorWriter.write(response, 413, "The file is too large.");
        } else {
            ErrorWriter.write(response, 400, "Malformed multipart body.");
        }
    }

    @ExceptionHandler(AuthenticationException.class)
    void unauthenticated(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 401, "Unauthenticated.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(HttpServletResponse response) throws IOException {
        ErrorWriter.write(response, 403, "This action is unauthorized.");
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlationId = UUID.randomUUID().toString();
        log.error("Unhandled error {} on {} {}", correlationId, request.getMethod(), request.getRequestURI(), e);
        response.setHeader("X-Correlation-Id", correlationId);
        ErrorWriter.write(response, 500, "Server Error.");
    }

    private static boolean causedBySizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException")) {
                return true;
            }
        }
        return false;
    }
}
