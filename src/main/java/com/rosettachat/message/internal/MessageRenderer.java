package com.rosettachat.message.internal;

import com.rosettachat.message.Message;
import com.rosettachat.message.Sender;
import com.rosettachat.message.TranslationSupport;
import com.rosettachat.message.Viewer;
import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns stored rows into the message shape for one viewer: senders, attachments and reactions are
 * fetched in bulk (one query each per page), the viewer's translation arrived with the rows, and
 * translations still missing for the viewer's language are requested (healing late joiners and
 * language changes). A tombstone renders with empty text and no attachments or reactions.
 */
@Component
public class MessageRenderer {

    private final MessageStore store;
    private final ReactionStore reactions;
    private final UserService users;
    private final AppProperties app;
    private final ObjectProvider<TranslationSupport> translation;

    MessageRenderer(MessageStore store, ReactionStore reactions, UserService users, AppProperties app,
                    ObjectProvider<TranslationSupport> translation) {
        this.store = store;
        this.reactions = reactions;
        this.users = users;
        this.app = app;
        this.translation = translation;
    }

    public List<Message> render(List<MessageRow> rows, Viewer viewer) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(MessageRow::id).toList();
        Map<String, List<AttachmentRow>> attachments = store.attachments(ids);
        Map<String, List<Message.Reaction>> reactionsById = reactions.forMessages(ids, viewer.userId());
        Map<Long, User> senders = users.findAll(rows.stream().map(MessageRow::senderUserId).filter(Objects::nonNull).toList());
        List<Message> messages = new ArrayList<>(rows.size());
        List<String> missing = new ArrayList<>();
        for (MessageRow row : rows) {
            User user = row.senderUserId() == null ? null : senders.get(row.senderUserId());
            Message message = render(row, attachments.getOrDefault(row.id(), List.of()),
                    row.deleted() ? List.of() : reactionsById.getOrDefault(row.id(), List.of()), user, viewer);
            if (needsTranslation(row, message, viewer)) {
                missing.add(row.id());
            }
            messages.add(message);
        }
        if (!missing.isEmpty()) {
            translation.ifAvailable(t -> t.requestMissing(missing, viewer.language()));
        }
        return messages;
    }

    /**
     * A message just inserted, as its sender sees it, from what was written rather than read
     * back: it has no reactions or translations yet.
     */
    public Message renderPosted(MessageRow row, List<AttachmentRow> attachments, Viewer viewer) {
        User user = row.senderUserId() == null ? null : users.findById(row.senderUserId()).orElse(null);
        return render(row, attachments, List.of(), user, viewer);
    }

    /**
     * Only a real reader's read heals a missing translation: a rendering for a language as such
     * (realtime renders every language when nodes share Redis) would otherwise translate into
     * languages nobody reads.
     */
    private static boolean needsTranslation(MessageRow row, Message message, Viewer viewer) {
        return (viewer.userId() != null || viewer.guestId() != null) && !row.skipTranslation() && row.deletedAt() == null && viewer.language() != null
                && Message.ORIGINAL.equals(message.displaySource())
                && !viewer.language().equals(row.originalLanguage()) && !viewer.wrote(message.sender());
    }

    private Message render(MessageRow row, List<AttachmentRow> attachments, List<Message.Reaction> reactions, User user,
                           Viewer viewer) {
        Message.SenderView sender = sender(row, user);
        boolean translated = row.translatedContent() != null && viewer.language() != null
                && !viewer.language().equals(row.originalLanguage()) && !viewer.wrote(sender);
        String downloadBase = app.baseUrl() + (row.channelId() != null
                ? "/api/v1/message-attachments/" : "/api/v1/direct-message-attachments/");
        List<Message.Attachment> files = attachments.stream()
                .map(a -> new Message.Attachment(a.id(), a.fileId(), a.clientName(), a.mimeType(), a.size(),
                        downloadBase + a.id() + "/download"))
                .toList();
        return new Message(row.id(), row.workspaceId(), row.channelId(), row.conversationId(), row.parentMessageId(),
                row.type(), sender, row.content(), row.originalLanguage(),
                translated ? row.translatedContent() : row.content(),
                translated ? viewer.language() : row.originalLanguage(),
                translated ? Message.TRANSLATED : Message.ORIGINAL,
                row.translationStatus(), files, reactions, row.replyCount(), Timestamps.resource(row.pinnedAt()),
                row.pinnedBy(), Timestamps.resource(row.editedAt()), Timestamps.resource(row.deletedAt()),
                Timestamps.resource(row.createdAt()));
    }

    private static Message.SenderView sender(MessageRow row, User user) {
        return switch (row.senderType()) {
            case Sender.USER, Sender.AUTOMATION -> new Message.SenderView(row.senderType(), row.senderUserId(),
                    user != null ? user.name() : row.senderName(), user != null ? user.avatarUrl() : null);
            default -> new Message.SenderView(row.senderType(), row.senderRef(), row.senderName(), null);
        };
    }
}
