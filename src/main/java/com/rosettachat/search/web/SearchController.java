package com.rosettachat.search.web;

import com.rosettachat.search.internal.SearchPage;
import com.rosettachat.search.internal.SearchService;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Find messages by their words in any language: the original or the reader's translation")
class SearchController {

    private final SearchService search;
    private final WorkspaceAccess workspaces;

    SearchController(SearchService search, WorkspaceAccess workspaces) {
        this.search = search;
        this.workspaces = workspaces;
    }

    @GetMapping("/api/v1/workspaces/{workspace_id}/search")
    @Operation(summary = "Search messages", description = "Channel messages of the workspace that the caller may read "
            + "now, matching every word of q in the original text or in its stored translation into the caller's "
            + "language (Chinese, Japanese and Thai words are found inside sentences). Ranked by how often the words "
            + "occur, newest first on ties. Each result is the message as the caller reads it plus highlight (the "
            + "matching text, HTML-escaped, words in <mark>), highlight_source (original|translated) and "
            + "highlight_language. Page with meta.next_cursor while meta.has_more. Direct messages are not searched.",
            parameters = {
                    @Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "1-200 characters"),
                    @Parameter(name = "channel_id", in = ParameterIn.QUERY,
                            description = "only this channel (one the caller may read, else 422)"),
                    @Parameter(name = "from", in = ParameterIn.QUERY, description = "sender's user id"),
                    @Parameter(name = "before", in = ParameterIn.QUERY, description = "a message id, a UTC day "
                            + "(YYYY-MM-DD, that day excluded) or an ISO-8601 instant; exclusive"),
                    @Parameter(name = "after", in = ParameterIn.QUERY, description = "a message id, a UTC day "
                            + "(YYYY-MM-DD, that day excluded) or an ISO-8601 instant; exclusive"),
                    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "meta.next_cursor of the previous page"),
                    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-50, default 20")})
    SearchPage search(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, Input input) {
        // Membership before validation, as every workspace route: outsiders get 404 whatever they send.
        workspaces.requireMember(caller.id(), workspaceId);
        return search.search(caller.id(), workspaceId, SearchParams.parse(input));
    }
}
