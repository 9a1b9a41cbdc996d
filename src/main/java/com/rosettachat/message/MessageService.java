package com.rosettachat.message;

import com.rosettachat.file.FileService;
import com.rosettachat.file.StoredFile;
import com.rosettachat.message.internal.AttachmentRow;
import com.rosettachat.message.internal.MessageRenderer;
import com.rosettachat.message.internal.MessageRow;
import com.rosettachat.message.internal.MessageStore;
import com.rosettachat.message.internal.ReadStore;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message module's API. Callers authorize first (channel, conversation or room access); this
 * service checks what needs the messages themselves — the parent of a reply, the attachments —
 * stores the message once in the sender's words and announces it with {@link MessagePosted}.
 */
@Service
public class MessageService {

    private final MessageStore store;
    private final ReadStore reads;
    private final MessageRenderer renderer;
    private final FileService files;
    private final ObjectProvider<TranslationSupport> translation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageService(MessageStore store, ReadStore reads, MessageRenderer renderer, FileService files,
                   ObjectProvider<TranslationSupport> translation, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.reads = reads;
        this.renderer = renderer;
        this.files = files;
        this.translation = translation;
        this.events = events;
        this.clock = clock;
    }

    /** Posts and returns the message as its sender sees it. */
    @Transactional
    public Message post(NewMessage message) {
        String parent = message.scope() instanceof MessageScope.Channel channel && message.parentMessageId() != null
                ? requireThreadParent(channel, message.parentMessageId(), false) : null;
        List<StoredFile> attached = attachable(message);
        String content = message.content() == null ? "" : message.content();
        TranslationSupport support = translation.getIfAvailable();
        String language = support == null || content.isBlank()
                ? message.sender().language() : support.detect(content, message.sender().language());
        boolean translate = !message.skipTranslation() && support != null && support.enabled() && !content.isBlank();
        String id = Ids.next();
        Instant now = clock.instant();
        Sender sender = message.sender();
        String workspace = message.scope() instanceof MessageScope.Channel c ? c.workspaceId() : null;
        String channel = message.scope() instanceof MessageScope.Channel c ? c.channelId() : null;
        String conversation = message.scope() instanceof MessageScope.Conversation c ? c.conversationId() : null;
        MessageRow row = new MessageRow(id, workspace, channel, conversation, parent, message.type(), sender.type(),
                sender.userId(), sender.ref(), sender.name(), content, language,
                translate ? Message.PENDING : Message.SKIPPED, message.skipTranslation(), 0, null, null, now, null, null,
                !translate, null);
        store.insert(row);
        List<AttachmentRow> rows = new ArrayList<>();
        for (int i = 0; i < attached.size(); i++) {
            StoredFile f = attached.get(i);
            rows.add(new AttachmentRow(Ids.next(), id, f.id(), i, f.clientName(), f.mimeType(), f.size()));
        }
        store.insertAttachments(rows);
        files.claim(attached.stream().map(StoredFile::id).toList());
        Set<Long> mentioned = Message.SYSTEM.equals(message.type()) ? Set.of() : Mentions.userIds(content);
        if (parent != null) {
            store.incrementReplies(parent);
        } else {
            reads.addMentions(id, channel != null ? channel : conversation, mentioned, sender.userId());
        }
        events.publishEvent(new MessagePosted(id, workspace, channel, conversation, parent, sender.type(),
                sender.userId(), Sender.GUEST.equals(sender.type()) ? sender.ref() : null, mentioned));
        Viewer author = sender.userId() != null ? Viewer.user(sender.userId(), sender.language())
                : Viewer.guest(sender.ref(), sender.language());
        return renderer.renderPosted(row, rows, author);
    }

    /** A top-level message of the channel; a deleted one still anchors its thread for reading, not for new replies. */
    private String requireThreadParent(MessageScope.Channel channel, String parentId, boolean deletedToo) {
        Optional<MessageRow> parent = Ids.isValid(parentId) ? store.find(parentId, null) : Optional.empty();
        if (parent.isEmpty() || !channel.channelId().equals(parent.get().channelId())
                || parent.get().parentMessageId() != null || (parent.get().deleted() && !deletedToo)) {
            throw ValidationException.of("parent_message_id", "The selected parent message id is invalid.");
        }
        return parentId;
    }

    /**
     * The files to attach, in the client's order: each must be the sender's own upload, live and
     * not attached before; each failure is reported on its own index, as clients sent them.
     */
    private List<StoredFile> attachable(NewMessage message) {
        if (message.attachmentIds().isEmpty()) {
            return List.of();
        }
        Map<String, StoredFile> found = files.findAll(message.attachmentIds()).stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        NewMessage.AttachmentOwner owner = message.attachmentOwner();
        FileService.Uploader uploader = new FileService.Uploader(owner.userId(), owner.roomId());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<StoredFile> attached = new ArrayList<>();
        for (int i = 0; i < message.attachmentIds().size(); i++) {
            StoredFile file = found.get(message.attachmentIds().get(i));
            if (file == null || !files.attachable(file, uploader)) {
                errors.put("attachment_ids." + i, List.of("The selected attachment ids." + i + " is invalid."));
            } else {
                attached.add(file);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return attached;
    }

    /** A page of history as {@code viewer} reads it, in chronological order. */
    public MessagePage history(MessageScope scope, HistoryQuery query, Viewer viewer) {
        if (query.parentMessageId() != null && scope instanceof MessageScope.Channel channel) {
            requireThreadParent(channel, query.parentMessageId(), true);
        }
        boolean backwards = query.before() != null || query.after() == null;
        List<MessageRow> rows = new ArrayList<>(store.page(scope, query, viewer.language(), backwards));
        boolean hasMore = rows.size() > query.limit();
        if (hasMore) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        List<Message> page = renderer.render(rows, viewer);
        String first = page.isEmpty() ? null : page.get(0).id();
        String last = page.isEmpty() ? null : page.get(page.size() - 1).id();
        return new MessagePage(page, new MessagePage.Meta(hasMore, first, last));
    }

    public Optional<Message> render(String messageId, Viewer viewer) {
        if (!Ids.isValid(messageId)) {
            return Optional.empty();
        }
        return store.find(messageId, viewer.language()).map(row -> renderer.render(List.of(row), viewer).get(0));
    }

    public Optional<AttachmentLocation> attachment(String attachmentId) {
        if (!Ids.isValid(attachmentId)) {
            return Optional.empty();
        }
        return store.findAttachment(attachmentId.toLowerCase()).flatMap(a -> store.find(a.messageId(), null)
                .map(m -> new AttachmentLocation(a.id(), a.fileId(), m.workspaceId(), m.channelId(), m.conversationId(),
                        a.clientName(), a.mimeType(), a.size())));
    }

    /** The newest message of each conversation as {@code viewer} reads it, by conversation id. */
    public Map<String, Message> latestPerConversation(List<String> conversationIds, Viewer viewer) {
        return renderer.render(store.latestPerConversation(conversationIds, viewer.language()), viewer).stream()
                .collect(Collectors.toMap(Message::conversationId, Function.identity()));
    }

    /** Several messages for one viewer, in id order; unknown ids are left out. */
    public List<Message> renderAll(List<String> messageIds, Viewer viewer) {
        return renderer.render(store.findAll(messageIds.stream().filter(Ids::isValid).toList(), viewer.language()), viewer);
    }
}
