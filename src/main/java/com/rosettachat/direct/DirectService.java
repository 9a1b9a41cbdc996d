package com.rosettachat.direct;

import com.rosettachat.direct.internal.ConversationRow;
import com.rosettachat.direct.internal.ConversationStore;
import com.rosettachat.message.ConversationDirectory;
import com.rosettachat.message.HistoryQuery;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessagePage;
import com.rosettachat.message.MessageRequest;
import com.rosettachat.message.MessageScope;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.NewMessage;
import com.rosettachat.message.ReadMarkers;
import com.rosettachat.message.ReadState;
import com.rosettachat.message.Sender;
import com.rosettachat.message.Viewer;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct chat (CONTRACT §7): one conversation per pair of users, only those two read or post. It
 * also tells the message module who reads a conversation.
 */
@Service
public class DirectService implements ConversationDirectory {

    public static final String NOT_YOURSELF = "You cannot start a conversation with yourself.";

    private final ConversationStore store;
    private final UserService users;
    private final MessageService messages;
    private final ReadMarkers reads;
    private final Clock clock;

    DirectService(ConversationStore store, UserService users, MessageService messages, ReadMarkers reads, Clock clock) {
        this.store = store;
        this.users = users;
        this.messages = messages;
        this.reads = reads;
        this.clock = clock;
    }

    /** The caller as a participant: the conversation's messages and how the caller reads them. */
    public record Participation(MessageScope.Conversation scope, Viewer viewer) {
    }

    /** 404 unless the caller takes part in the conversation. */
    public Participation participation(long callerId, String conversationId) {
        ConversationRow row = requireParticipant(callerId, conversationId);
        return new Participation(new MessageScope.Conversation(row.id()), viewer(callerId));
    }

    /** An active user by email, to start a conversation with; 404 for anyone else. */
    public Participant resolve(long callerId, String email) {
        User user = users.findByEmail(email).filter(User::active).orElseThrow(ApiException::notFound);
        if (user.id() == callerId) {
            throw ValidationException.of("email", NOT_YOURSELF);
        }
        return Participant.of(user);
    }

    public record Opened(Conversation conversation, boolean created) {
    }

    /**
     * The pair's conversation, created on first use; two racing first opens still make one. No
     * surrounding transaction: on PostgreSQL a failed insert would poison it for the re-read.
     */
    public Opened open(long callerId, long participantId) {
        if (participantId == callerId) {
            throw ValidationException.of("participant_user_id", NOT_YOURSELF);
        }
        User other = users.findById(participantId).filter(User::active)
                .orElseThrow(() -> ValidationException.of("participant_user_id", "The selected participant user id is invalid."));
        long low = Math.min(callerId, participantId);
        long high = Math.max(callerId, participantId);
        Optional<ConversationRow> existing = store.findPair(low, high);
        if (existing.isPresent()) {
            return new Opened(view(existing.get(), other, callerId), false);
        }
        ConversationRow row = new ConversationRow(Ids.next(), low, high, null, clock.instant());
        try {
            store.insert(row);
        } catch (DuplicateKeyException raced) {
            return new Opened(view(store.findPair(low, high).orElseThrow(), other, callerId), false);
        }
        return new Opened(view(row, other, callerId), true);
    }

    public List<Conversation> list(long callerId) {
        List<ConversationRow> rows = store.forUser(callerId);
        Map<Long, User> others = users.findAll(rows.stream().map(r -> r.other(callerId)).toList());
        List<String> ids = rows.stream().map(ConversationRow::id).toList();
        Map<String, Message> latest = messages.latestPerConversation(ids, viewer(callerId));
        Map<String, ReadState> unread = reads.conversations(callerId, ids);
        return rows.stream().filter(r -> others.containsKey(r.other(callerId)))
                .map(r -> conversation(r, others.get(r.other(callerId)), latest.get(r.id()), unread.get(r.id())))
                .toList();
    }

    public MessagePage history(long callerId, String conversationId, HistoryQuery query) {
        ConversationRow row = requireParticipant(callerId, conversationId);
        return messages.history(MessageScope.conversation(row.id()), query, viewer(callerId));
    }

    @Transactional
    public Message post(long callerId, String conversationId, MessageRequest request) {
        ConversationRow row = requireParticipant(callerId, conversationId);
        User caller = users.require(callerId);
        Message message = messages.post(new NewMessage(MessageScope.conversation(row.id()),
                Sender.user(callerId, caller.preferredLanguage()), request.content(), Message.TEXT,
                request.attachmentIds(), null, request.skipTranslation(), NewMessage.AttachmentOwner.user(callerId)));
        store.touch(row.id(), clock.instant());
        return message;
    }

    @Override
    public boolean isParticipant(long userId, String conversationId) {
        return Ids.isValid(conversationId) && store.find(conversationId.toLowerCase()).map(r -> r.includes(userId)).orElse(false);
    }

    @Override
    public List<Viewer> readers(String conversationId) {
        return store.find(conversationId).map(r -> users.findAll(List.of(r.userLow(), r.userHigh())).values().stream()
                .map(u -> Viewer.user(u.id(), u.preferredLanguage())).toList()).orElse(List.of());
    }

    /** 404 unless the caller is one of the two participants; checked before anything else is read. */
    public void requireAccess(long callerId, String conversationId) {
        requireParticipant(callerId, conversationId);
    }

    private ConversationRow requireParticipant(long callerId, String conversationId) {
        return (Ids.isValid(conversationId) ? store.find(conversationId.toLowerCase()) : Optional.<ConversationRow>empty())
                .filter(r -> r.includes(callerId)).orElseThrow(ApiException::notFound);
    }

    private Viewer viewer(long userId) {
        return Viewer.user(userId, users.require(userId).preferredLanguage());
    }

    private Conversation view(ConversationRow row, User other, long callerId) {
        Message latest = messages.latestPerConversation(List.of(row.id()), viewer(callerId)).get(row.id());
        return conversation(row, other, latest, reads.conversations(callerId, List.of(row.id())).get(row.id()));
    }

    private static Conversation conversation(ConversationRow row, User other, Message latest, ReadState unread) {
        return new Conversation(row.id(), Participant.of(other), latest, Timestamps.resource(row.lastMessageAt()),
                unread.unreadCount(), unread.mentionCount(), unread.lastReadMessageId(),
                Timestamps.resource(row.createdAt()));
    }
}
