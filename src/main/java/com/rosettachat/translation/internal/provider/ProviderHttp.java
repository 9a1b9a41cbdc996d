package com.rosettachat.translation.internal.provider;

import com.rosettachat.translation.TranslationResult;
import com.rosettachat.translation.internal.TranslationMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to a provider with the resilience every provider shares: connect and read timeouts;
 * retries of timeouts, network errors, 408, 429 and 5xx with exponential backoff or the
 * server's {@code Retry-After}; and a circuit breaker that every attempt passes, so an outage
 * fails fast until a half-open probe succeeds. A waiting time beyond {@code maxRetryWait} is not
 * slept but handed back in the failure, for the caller to schedule.
 */
public final class ProviderHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** Timeouts and the retry policy. */
    public record Settings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration backoff,
                           Duration maxRetryWait) {
    }

    /** How one exchange ended. */
    public sealed interface Outcome {
        /** A 2xx and its body. */
        record Ok(String body) implements Outcome {
        }

        /** A 4xx the service gave this request; the provider decides what it means. */
        record Rejected(int status, String message) implements Outcome {
        }

        /** Failed after the retries this call may make. */
        record Failed(TranslationResult failure) implements Outcome {
        }
    }

    private static final Duration CREDENTIALS_RETRY = Duration.ofMinutes(5);
    private static final Duration QUOTA_RETRY = Duration.ofHours(1);

    private final HttpClient client;
    private final Settings settings;
    private final CircuitBreaker breaker;
    private final TranslationMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;

    public ProviderHttp(Settings settings, CircuitBreaker breaker, TranslationMetrics metrics, Clock clock, Sleeper sleeper) {
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.settings = settings;
        this.breaker = breaker;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Outcome postJson(URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return exchange(request);
    }

    public Outcome get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return exchange(request);
    }

    private Outcome exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Accept", "application/json").timeout(settings.readTimeout()).build();
        TranslationResult.Retryable failure = null;
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquirePermission()) {
                // Mid-call, the failure that opened the circuit says more than the open circuit.
                return new Outcome.Failed(new TranslationResult.Retryable(failure != null ? failure.reason()
                        : "circuit open: the provider failed repeatedly", openFor()));
            }
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    metrics.providerCall(false);
                    return new Outcome.Ok(response.body());
                }
                metrics.providerCall(true);
                String message = "HTTP " + status + errorMessage(response.body());
                if (isRejection(status)) {
                    // The service is up and answered this particular request: no reason to open the circuit.
                    breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    return new Outcome.Rejected(status, message);
                }
                breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, new ProviderStatusException(status));
                Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                if (status == 401 || status == 403) {
                    return new Outcome.Failed(credentialsRefused(message));
                }
                if (status == 456) {
                    return new Outcome.Failed(new TranslationResult.Retryable("quota exceeded: " + message,
                            retryAfter != null ? retryAfter : QUOTA_RETRY));
                }
                failure = new TranslationResult.Retryable(message, retryAfter != null ? retryAfter : backoff(attempt));
            } catch (HttpTimeoutException e) {
                failure = networkFailure(start, e, "timed out after " + settings.readTimeout().toMillis() + " ms", attempt);
            } catch (IOException e) {
                failure = networkFailure(start, e, "unreachable: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()), attempt);
            } catch (InterruptedException e) {
                breaker.releasePermission();
                Thread.currentThread().interrupt();
                return new Outcome.Failed(new TranslationResult.Retryable("interrupted", backoff(attempt)));
            }
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                Duration wait = failure.retryAfter().compareTo(openFor()) > 0 ? failure.retryAfter() : openFor();
                return new Outcome.Failed(new TranslationResult.Retryable(failure.reason(), wait));
            }
            if (attempt >= settings.maxAttempts() || failure.retryAfter().compareTo(settings.maxRetryWait()) > 0) {
                return new Outcome.Failed(failure);
            }
            try {
                sleeper.sleep(failure.retryAfter());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed(failure);
            }
        }
    }

    private Duration openFor() {
        return Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    }

    /** A key the service refuses: an operator must fix it, so retry later rather than give up on the text. */
    static TranslationResult.Retryable credentialsRefused(String message) {
        return new TranslationResult.Retryable("credentials refused, check ROSETTA_TRANSLATION_API_KEY: " + message,
                CREDENTIALS_RETRY);
    }

    private TranslationResult.Retryable networkFailure(long start, IOException e, String message, int attempt) {
        metrics.providerCall(true);
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
        return new TranslationResult.Retryable(message, backoff(attempt));
    }

    /** A client error about this request rather than about the service or the account. */
    private static boolean isRejection(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429
                && status != 456;
    }

    private Duration backoff(int attempt) {
        return settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** The service's own explanation, from the usual JSON error shapes, shortened for logs. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String message;
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode node = json.path("error").isObject() ? json.path("error").path("message")
                    : json.has("error") ? json.path("error") : json.has("message") ? json.path("message") : json.path("detail");
            message = node.isValueNode() ? node.asString() : body;
        } catch (RuntimeException notJson) {
            message = body;
        }
        message = message.strip().replaceAll("\\s+", " ");
        return ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    /** What the circuit breaker records for a failed status; no stack trace, it is not a bug. */
    static final class ProviderStatusException extends RuntimeException {
        ProviderStatusException(int status) {
            super("HTTP " + status, null, false, false);
        }
    }
}
