package com.rosettachat.device.internal;

import com.rosettachat.device.PushNotification;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Expo's push service ({@code POST /--/api/v2/push/send}): one request carries up to 100
 * messages and answers one ticket per message, in order.
 */
final class ExpoProvider implements PushProvider {

    /** Expo's limit on messages per request. */
    static final int BATCH = 100;

    private final PushProperties.Expo settings;
    private final String sendUrl;
    private final PushHttp http;
    private final Clock clock;

    ExpoProvider(PushProperties.Expo settings, PushHttp http, Clock clock) {
        this.settings = settings;
        this.sendUrl = PushHttp.base(settings.url()) + "/--/api/v2/push/send";
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "expo";
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public List<Outcome> deliver(List<Target> targets, PushNotification notification) {
        List<Outcome> outcomes = new ArrayList<>(targets.size());
        for (int from = 0; from < targets.size(); from += BATCH) {
            outcomes.addAll(deliverBatch(targets.subList(from, Math.min(targets.size(), from + BATCH)), notification));
        }
        return outcomes;
    }

    private List<Outcome> deliverBatch(List<Target> batch, PushNotification notification) {
        List<Map<String, Object>> messages = batch.stream().map(t -> message(t, notification)).toList();
        HttpRequest.Builder request = http.request(sendUrl)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PushHttp.JSON.writeValueAsBytes(messages)));
        if (PushProperties.present(settings.accessToken())) {
            request.header("Authorization", "Bearer " + settings.accessToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build());
        } catch (IOException e) {
            return Outcome.all(batch.size(), Outcome.retry(null, e.toString()));
        }
        JsonNode body = PushHttp.json(response.body());
        if (PushHttp.isTransient(response.statusCode())) {
            return Outcome.all(batch.size(), Outcome.retry(PushHttp.retryAfter(response, clock), "HTTP " + response.statusCode()));
        }
        JsonNode tickets = body.path("data");
        if (response.statusCode() != 200 || !tickets.isArray() || tickets.size() != batch.size()) {
            String why = "HTTP " + response.statusCode() + " " + body.path("errors").path(0).path("code").asString("");
            return Outcome.all(batch.size(), Outcome.failed(why.strip()));
        }
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (JsonNode ticket : tickets) {
            outcomes.add(classify(ticket));
        }
        return outcomes;
    }

    static Map<String, Object> message(Target target, PushNotification n) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("to", target.token());
        message.put("title", n.title());
        message.put("body", n.body());
        if (!n.data().isEmpty()) {
            message.put("data", n.data());
        }
        message.put("sound", "default");
        message.put("priority", "high");
        return message;
    }

    private static Outcome classify(JsonNode ticket) {
        if ("ok".equals(ticket.path("status").asString(""))) {
            return Outcome.DELIVERED;
        }
        String error = ticket.path("details").path("error").asString("");
        return switch (error) {
            case "DeviceNotRegistered" -> Outcome.invalidToken(error);
            case "MessageRateExceeded" -> Outcome.retry(null, error);
            default -> Outcome.failed((error + " " + ticket.path("message").asString("")).strip());
        };
    }
}
