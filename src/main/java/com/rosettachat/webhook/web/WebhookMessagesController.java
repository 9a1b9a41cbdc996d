package com.rosettachat.webhook.web;

import com.rosettachat.message.Message;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.RawBody;
import com.rosettachat.webhook.internal.Webhook;
import com.rosettachat.webhook.internal.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posting through a webhook: no bearer token, the webhook's secret instead. The body is read as
 * raw bytes and authenticated before a single field of it is parsed, since a signature covers
 * the bytes exactly as sent.
 */
@RestController
@Tag(name = "Webhooks")
class WebhookMessagesController {

    private final WebhookService webhooks;
    private final RateLimiter limiter;
    private final RateLimit limit;

    WebhookMessagesController(WebhookService webhooks, RateLimiter limiter, RateLimitProperties limits) {
        this.webhooks = webhooks;
        this.limiter = limiter;
        this.limit = RateLimit.perMinute("webhook", limits.webhookPerMinute());
    }

    @PublicEndpoint
    @SecurityRequirements
    @PostMapping("/api/v1/webhooks/{webhook_id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message through a webhook", description = "Authenticate with X-Webhook-Secret: {secret} "
            + "or X-Rosetta-Signature: sha256={hex HMAC-SHA256 of the raw body under the secret}. Body: content "
            + "(required, at most 10,000 characters), channel_id (a channel of the webhook's workspace; default: the "
            + "webhook's default channel), skip_translation. 401 Invalid webhook secret. (also for unknown ids), "
            + "403 Webhook is inactive., 60 posts per minute per webhook.")
    Map<String, Message> post(@PathVariable("webhook_id") String webhookId, RawBody body,
                              @Parameter(in = ParameterIn.HEADER, description = "The webhook's secret")
                              @RequestHeader(name = "X-Webhook-Secret", required = false) String secret,
                              @Parameter(in = ParameterIn.HEADER, description = "sha256={hex HMAC-SHA256 of the body}")
                              @RequestHeader(name = "X-Rosetta-Signature", required = false) String signature,
                              HttpServletResponse response) {
        Webhook webhook = webhooks.authenticate(webhookId, body.bytes(), secret, signature);
        RateLimitHeaders.enforce(response, limiter.hit("webhook:" + webhook.id(), limit));
        Input input = body.json();
        String content = input.field("content").required().string().max(MessageRequest.MAX_CONTENT).asString();
        String channelId = input.field("channel_id").string().asString();
        Boolean skip = input.field("skip_translation").bool().asBoolean();
        input.validate();
        return Map.of("data", webhooks.post(webhook, content, channelId, Boolean.TRUE.equals(skip)));
    }
}
