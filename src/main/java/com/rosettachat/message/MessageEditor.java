package com.rosettachat.message;

import com.rosettachat.file.FileService;
import com.rosettachat.message.internal.MessageChangeStore;
import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.ReadStore;
import com.rosettachat.message.internal.ScopedMessages;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.validation.Input;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing and deleting messages. Callers have checked that the caller may read the channel or
 * conversation; this service checks who may change the message itself. Each change locks the
 * message row, so it never interleaves with a translation being stored for the old text.
 */
@Service
public class MessageEditor {

    public static final String DELETED = "This message has been deleted.";

    private final ScopedMessages messages;
    private final MessageChangeStore changes;
    private final ReadStore reads;
    private final MessageService service;
    private final FileService files;
    private final ObjectProvider<TranslationSupport> translation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageEditor(ScopedMessages messages, MessageChangeStore changes, ReadStore reads, MessageService service,
                  FileService files, ObjectProvider<TranslationSupport> translation, ApplicationEventPublisher events,
                  Clock clock) {
        this.messages = messages;
        this.changes = changes;
        this.reads = reads;
        this.service = service;
        this.files = files;
        this.translation = translation;
        this.events = events;
        this.clock = clock;
    }

    /** The body of an edit: {@code content}, 1–10,000 characters after trimming, as when posting. */
    public static String parseContent(Input input) {
        String content = input.field("content").required().string().max(MessageRequest.MAX_CONTENT).asString();
        input.validate();
        return content;
    }

    /**
     * The sender replaces the text (attachments stay). The old translations go in this transaction,
     * the language is detected again and translation starts over; the same text again changes nothing.
     */
    @Transactional
    public Message edit(MessageScope scope, String messageId, Viewer editor, String content) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (editor.userId() == null || !row.sentBy(editor.userId())) {
            throw ApiException.forbidden();
        }
        if (row.deleted()) {
            throw ApiException.unprocessable(DELETED);
        }
        if (!content.equals(row.content())) {
            TranslationSupport support = translation.getIfAvailable();
            String language = support == null ? row.originalLanguage() : support.detect(content, editor.language());
            boolean translate = !row.skipTranslation() && support != null && support.enabled();
            changes.edit(row.id(), content, language, translate ? Message.PENDING : Message.SKIPPED, clock.instant());
            if (row.parentMessageId() == null) {
                reads.replaceMentions(row.id(), scopeId(row), content, row.senderUserId());
            }
            events.publishEvent(new MessageEdited(row.id(), row.workspaceId(), row.channelId(), row.conversationId(),
                    row.parentMessageId(), editor.userId()));
        }
        return service.render(row.id(), editor).orElseThrow();
    }

    /**
     * Turns the message into a tombstone. {@code moderator} (a workspace owner or admin) may delete
     * anyone's message; everyone else only their own. Deleting a tombstone again changes nothing.
     * The files it had attached are deleted with it.
     */
    @Transactional
    public void delete(MessageScope scope, String messageId, long userId, boolean moderator) {
        MessageRow row = messages.requireLocked(scope, messageId);
        if (!row.sentBy(userId) && !moderator) {
            throw ApiException.forbidden();
        }
        if (row.deleted()) {
            return;
        }
        Instant now = clock.instant();
        List<String> attached = changes.tombstone(row.id(), now);
        if (row.parentMessageId() != null) {
            changes.decrementReplies(row.parentMessageId());
        }
        files.discard(attached);
        events.publishEvent(new MessageDeleted(row.id(), row.workspaceId(), row.channelId(), row.conversationId(),
                row.parentMessageId(), userId));
    }

    static String scopeId(MessageRow row) {
        return row.channelId() != null ? row.channelId() : row.conversationId();
    }
}
