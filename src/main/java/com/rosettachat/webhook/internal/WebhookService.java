package com.rosettachat.webhook.internal;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.channel.ChannelRef;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.Sender;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.Language;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.security.AppKey;
import com.rosettachat.shared.security.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks of a workspace and posting through them. Callers have checked that the manager may
 * manage the workspace; this service checks channels, seals secrets and authenticates posts.
 */
@Service
public class WebhookService {

    public static final String INVALID_SECRET = "Invalid webhook secret.";
    public static final String INACTIVE = "Webhook is inactive.";
    static final String SECRET_PREFIX = "whsec_";
    static final int SECRET_LENGTH = 48;
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final WebhookStore store;
    private final ChannelAccess channels;
    private final MessageService messages;
    private final AppKey appKey;
    private final Clock clock;

    WebhookService(WebhookStore store, ChannelAccess channels, MessageService messages, AppKey appKey, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.messages = messages;
        this.appKey = appKey;
        this.clock = clock;
    }

    /** A webhook and, right after it was created or its secret regenerated, that secret (else null). */
    public record Issued(Webhook webhook, String secret) {
    }

    /** What an update changes; null leaves a field alone, {@code clearDefaultChannel} sets it to none. */
    public record Changes(String name, String defaultChannelId, boolean clearDefaultChannel, Boolean active,
                          boolean regenerateSecret) {
    }

    @Transactional
    public Issued create(long createdBy, String workspaceId, String name, String defaultChannelId) {
        String channel = defaultChannelId == null ? null : requireChannel(workspaceId, defaultChannelId, "default_channel_id");
        String secret = Secrets.random(SECRET_PREFIX, SECRET_LENGTH);
        Webhook webhook = new Webhook(Ids.next(), workspaceId, name, channel, true, appKey.encrypt(secret), null,
                clock.instant());
        store.insert(webhook, createdBy);
        return new Issued(store.find(webhook.id()).orElseThrow(), secret);
    }

    public List<Webhook> list(String workspaceId) {
        return store.list(workspaceId);
    }

    @Transactional
    public Issued update(String workspaceId, String webhookId, Changes changes) {
        Webhook current = require(workspaceId, webhookId);
        String channel = changes.clearDefaultChannel() ? null
                : changes.defaultChannelId() != null
                ? requireChannel(workspaceId, changes.defaultChannelId(), "default_channel_id")
                : current.defaultChannelId();
        String secret = changes.regenerateSecret() ? Secrets.random(SECRET_PREFIX, SECRET_LENGTH) : null;
        Webhook updated = new Webhook(current.id(), workspaceId,
                changes.name() != null ? changes.name() : current.name(), channel,
                changes.active() != null ? changes.active() : current.active(),
                secret != null ? appKey.encrypt(secret) : current.secretCiphertext(),
                current.lastUsedAt(), current.createdAt());
        store.update(updated, clock.instant());
        return new Issued(store.find(current.id()).orElseThrow(), secret);
    }

    @Transactional
    public void delete(String workspaceId, String webhookId) {
        store.delete(require(workspaceId, webhookId).id());
    }

    /**
     * The webhook a post authenticates as. {@code X-Rosetta-Signature} is checked when sent (and
     * then must be right, whatever else came along), else {@code X-Webhook-Secret}. An unknown id
     * answers exactly like a wrong secret, so ids cannot be probed; whether a webhook is inactive
     * is only told to a caller who proved the secret.
     */
    public Webhook authenticate(String webhookId, byte[] body, String secretHeader, String signatureHeader) {
        Webhook webhook = (Ids.isValid(webhookId) ? store.find(webhookId.toLowerCase()) : Optional.<Webhook>empty())
                .orElseThrow(() -> new ApiException(401, INVALID_SECRET));
        String secret;
        try {
            secret = appKey.decrypt(webhook.secretCiphertext());
        } catch (IllegalArgumentException e) {
            // Sealed under another application key: nobody can prove this secret any more.
            throw new ApiException(401, INVALID_SECRET);
        }
        boolean valid;
        if (signatureHeader != null) {
            String given = signatureHeader.strip();
            valid = given.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())
                    && Secrets.constantTimeEquals(Secrets.hmacSha256(secret, body),
                    given.substring(SIGNATURE_PREFIX.length()).toLowerCase());
        } else {
            valid = secretHeader != null && Secrets.constantTimeEquals(secret, secretHeader.strip());
        }
        if (!valid) {
            throw new ApiException(401, INVALID_SECRET);
        }
        if (!webhook.active()) {
            throw ApiException.forbidden(INACTIVE);
        }
        return webhook;
    }

    /** Posts as the webhook into {@code channelId} of its workspace, else its default channel; 422 when neither is one. */
    @Transactional
    public Message post(Webhook webhook, String content, String channelId, boolean skipTranslation) {
        String channel;
        if (channelId != null) {
            channel = requireChannel(webhook.workspaceId(), channelId, "channel_id");
        } else if (webhook.defaultChannelId() != null
                && channels.find(webhook.workspaceId(), webhook.defaultChannelId()).isPresent()) {
            channel = webhook.defaultChannelId();
        } else {
            throw ValidationException.of("channel_id", "The channel id field is required.");
        }
        Message message = messages.post(new NewMessage(MessageScope.channel(webhook.workspaceId(), channel),
                Sender.webhook(webhook.id(), webhook.name(), Language.DEFAULT), content, Message.TEXT, List.of(),
                null, skipTranslation, new NewMessage.AttachmentOwner(null, null)));
        store.touch(webhook.id(), clock.instant());
        return message;
    }

    private Webhook require(String workspaceId, String webhookId) {
        return (Ids.isValid(webhookId) ? store.find(webhookId.toLowerCase()) : Optional.<Webhook>empty())
                .filter(w -> w.workspaceId().equals(workspaceId))
                .orElseThrow(ApiException::notFound);
    }

    private String requireChannel(String workspaceId, String channelId, String field) {
        return channels.find(workspaceId, channelId.toLowerCase()).map(ChannelRef::id)
                .orElseThrow(() -> ValidationException.of(field,
                        "The selected " + field.replace('_', ' ') + " is invalid."));
    }

    /** The public URL integrations post to. */
    public static String url(String baseUrl, String webhookId) {
        return baseUrl + "/api/v1/webhooks/" + webhookId + "/messages";
    }
}
