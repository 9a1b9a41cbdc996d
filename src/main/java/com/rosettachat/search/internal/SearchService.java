package com.rosettachat.search.internal;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.message.Message;
import com.rosettachat.message.MessageService;
import com.rosettachat.message.MessageTexts;
import com.rosettachat.message.Viewer;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Searches a workspace for one member: the original texts and the stored translations into the
 * member's reading language, only in channels the member may read at this moment (asked afresh
 * on every request, so joining or leaving a channel shows at once).
 */
@Service
public class SearchService {

    public static final String INVALID_CHANNEL = "The selected channel id is invalid.";
    public static final String INVALID_CURSOR = "The cursor field is invalid.";

    private final WorkspaceAccess workspaces;
    private final ChannelAccess channels;
    private final MessageService messages;
    private final MessageTexts texts;
    private final SearchIndex index;
    private final SearchProperties properties;

    SearchService(WorkspaceAccess workspaces, ChannelAccess channels, MessageService messages, MessageTexts texts,
                  SearchIndex index, SearchProperties properties) {
        this.workspaces = workspaces;
        this.channels = channels;
        this.messages = messages;
        this.texts = texts;
        this.index = index;
        this.properties = properties;
    }

    /** 404 for a non-member; 422 for a channel the caller cannot read or a cursor that is not ours. */
    public SearchPage search(long userId, String workspaceId, SearchRequest request) {
        Membership member = workspaces.requireMember(userId, workspaceId);
        List<String> readable = channels.readableChannelIds(userId, member.workspaceId());
        if (request.channelId() != null) {
            // One answer for unknown, foreign and private-to-others channels: nothing leaks.
            if (!readable.contains(request.channelId())) {
                throw ValidationException.of("channel_id", INVALID_CHANNEL);
            }
            readable = List.of(request.channelId());
        }
        SearchRanking.After after = request.cursor() == null ? null : cursor(request.cursor());
        List<String> terms = Segmenter.query(request.query());
        if (terms.isEmpty() || readable.isEmpty()) {
            return SearchPage.empty();
        }
        String language = member.effectiveLanguage();
        SearchRequest.Bound before = request.before();
        SearchRequest.Bound since = request.after();
        SearchIndex.Query query = new SearchIndex.Query(member.workspaceId(), readable, language, terms,
                request.senderUserId(), before == null ? null : before.messageId(),
                since == null ? null : since.messageId(), before == null ? null : before.time(),
                since == null ? null : since.time());
        List<SearchIndex.Hit> hits = new ArrayList<>(SearchRanking.page(index.newest(query, properties.rankWindow()),
                after, request.limit() + 1));
        boolean hasMore = hits.size() > request.limit();
        if (hasMore) {
            hits.remove(hits.size() - 1);
        }
        String next = hasMore ? SearchCursor.encode(hits.get(hits.size() - 1)) : null;
        return new SearchPage(results(hits, terms, Viewer.user(userId, language)), new SearchPage.Meta(next, hasMore));
    }

    private SearchRanking.After cursor(String cursor) {
        try {
            return SearchCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("cursor", INVALID_CURSOR);
        }
    }

    /**
     * Renders the hits for the reader and highlights the text each matched in. The stored texts are
     * read too: they hold a translation the reader does not see (their own message is shown as
     * written), and they tell a message deleted since it was indexed, which is left out.
     */
    private List<SearchPage.Result> results(List<SearchIndex.Hit> hits, List<String> terms, Viewer viewer) {
        List<String> ids = hits.stream().map(SearchIndex.Hit::messageId).toList();
        Map<String, Message> rendered = messages.renderAll(ids, viewer).stream()
                .collect(Collectors.toMap(Message::id, Function.identity()));
        Map<String, MessageTexts.Texts> stored = texts.findAll(ids).stream()
                .collect(Collectors.toMap(MessageTexts.Texts::messageId, Function.identity()));
        List<SearchPage.Result> results = new ArrayList<>(hits.size());
        for (SearchIndex.Hit hit : hits) {
            Message m = rendered.get(hit.messageId());
            MessageTexts.Texts t = stored.get(hit.messageId());
            if (m == null || t == null || t.deleted()) {
                continue;
            }
            String translation = SearchIndex.ORIGINAL.equals(hit.variant()) ? null : t.translations().get(hit.variant());
            results.add(translation == null
                    ? new SearchPage.Result(m, Highlighter.mark(t.content(), terms), Message.ORIGINAL, t.originalLanguage())
                    : new SearchPage.Result(m, Highlighter.mark(translation, terms), Message.TRANSLATED, hit.variant()));
        }
        return results;
    }
}
