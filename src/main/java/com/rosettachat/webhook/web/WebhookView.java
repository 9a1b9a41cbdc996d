package com.rosettachat.webhook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.webhook.internal.Webhook;
import com.rosettachat.webhook.internal.WebhookService;

/** CONTRACT §9's webhook; {@code secret} only in the answers to create and to regenerate. */
record WebhookView(String id, String workspaceId, String name, String defaultChannelId, boolean isActive, String url,
                   String lastUsedAt, String createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(Webhook w, String baseUrl, String secret) {
        return new WebhookView(w.id(), w.workspaceId(), w.name(), w.defaultChannelId(), w.active(),
                WebhookService.url(baseUrl, w.id()), Timestamps.resource(w.lastUsedAt()),
                Timestamps.resource(w.createdAt()), secret);
    }
}
