package com.rosettachat.device.internal;

import com.rosettachat.device.PushNotification;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Firebase Cloud Messaging over its HTTP v1 API ({@code POST /v1/projects/{id}/messages:send}),
 * one request per device, with plain HTTP rather than the Admin SDK and its gRPC stack.
 */
final class FcmProvider implements PushProvider {

    private static final Logger log = LoggerFactory.getLogger(FcmProvider.class);

    private final String sendUrl;
    private final FcmAccessTokens tokens;
    private final PushHttp http;
    private final Clock clock;

    private FcmProvider(String sendUrl, FcmAccessTokens tokens, PushHttp http, Clock clock) {
        this.sendUrl = sendUrl;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    /** A provider for these settings; disabled (null tokens) when credentials are absent or unreadable. */
    static FcmProvider create(PushProperties.Fcm settings, PushHttp http, Clock clock) {
        if (!PushProperties.present(settings.credentials())) {
            return new FcmProvider(null, null, http, clock);
        }
        try {
            FcmAccessTokens.ServiceAccount account =
                    FcmAccessTokens.ServiceAccount.parse(PushHttp.inlineOrFile(settings.credentials()));
            String project = PushProperties.present(settings.projectId()) ? settings.projectId() : account.projectId();
            if (!PushProperties.present(project)) {
                log.error("FCM is off: no project id (set ROSETTA_PUSH_FCM_PROJECT_ID or project_id in the service account)");
                return new FcmProvider(null, null, http, clock);
            }
            return new FcmProvider(PushHttp.base(settings.url()) + "/v1/projects/" + project + "/messages:send",
                    new FcmAccessTokens(account, http, clock), http, clock);
        } catch (IOException | RuntimeException e) {
            log.error("FCM is off: cannot read the service-account credentials: {}", e.getMessage());
            return new FcmProvider(null, null, http, clock);
        }
    }

    @Override
    public String name() {
        return "fcm";
    }

    @Override
    public boolean enabled() {
        return tokens != null;
    }

    @Override
    public List<Outcome> deliver(List<Target> targets, PushNotification notification) {
        String access;
        try {
            access = tokens.get();
        } catch (FcmAccessTokens.TokenFailure e) {
            log.warn("FCM sign-in failed: {}", e.getMessage());
            return Outcome.all(targets.size(), e.transientFailure ? Outcome.retry(e.retryAfter, e.getMessage())
                    : Outcome.failed(e.getMessage()));
        }
        List<Outcome> outcomes = new ArrayList<>(targets.size());
        for (Target target : targets) {
            outcomes.add(deliverOne(target, notification, access));
        }
        return outcomes;
    }

    private Outcome deliverOne(Target target, PushNotification notification, String access) {
        HttpResponse<String> response;
        try {
            response = http.send(http.request(sendUrl)
                    .header("Authorization", "Bearer " + access)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PushHttp.JSON.writeValueAsBytes(message(target, notification))))
                    .build());
        } catch (IOException e) {
            return Outcome.retry(null, e.toString());
        }
        return classify(response, access);
    }

    static Map<String, Object> message(Target target, PushNotification n) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("token", target.token());
        message.put("notification", Map.of("title", n.title(), "body", n.body()));
        if (!n.data().isEmpty()) {
            message.put("data", n.data());
        }
        message.put("android", Map.of("priority", "high"));
        message.put("apns", Map.of("headers", Map.of("apns-priority", "10"),
                "payload", Map.of("aps", Map.of("sound", "default"))));
        return Map.of("message", message);
    }

    private Outcome classify(HttpResponse<String> response, String access) {
        int status = response.statusCode();
        if (status == 200) {
            return Outcome.DELIVERED;
        }
        JsonNode error = PushHttp.json(response.body()).path("error");
        String code = errorCode(error);
        String reason = status + " " + (code != null ? code : error.path("status").asString(""));
        if (status == 401) {
            tokens.invalidate(access);
            return Outcome.retry(null, reason);
        }
        if (PushHttp.isTransient(status)) {
            return Outcome.retry(PushHttp.retryAfter(response, clock), reason);
        }
        if ("UNREGISTERED".equals(code)) {
            return Outcome.invalidToken(reason);
        }
        if (status == 400 && "INVALID_ARGUMENT".equals(error.path("status").asString("")) && blamesToken(error)) {
            return Outcome.invalidToken(reason);
        }
        return Outcome.failed(reason + " " + error.path("message").asString(""));
    }

    /** The FcmError detail's {@code errorCode} (UNREGISTERED, INVALID_ARGUMENT, QUOTA_EXCEEDED, ...). */
    private static String errorCode(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asString("").endsWith("google.firebase.fcm.v1.FcmError") && detail.path("errorCode").isString()) {
                return detail.path("errorCode").asString();
            }
        }
        return null;
    }

    /**
     * An INVALID_ARGUMENT about the token itself, not the payload: a bad payload must not cost
     * the user their device. FCM names the field ({@code message.token}) or says so in words.
     */
    private static boolean blamesToken(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode violation : detail.path("fieldViolations")) {
                if ("message.token".equals(violation.path("field").asString(""))) {
                    return true;
                }
            }
        }
        return error.path("message").asString("").toLowerCase(Locale.ROOT).contains("registration token");
    }
}
