package com.rosettachat.search.web;

import com.rosettachat.search.internal.SearchBackfill;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the search index, for administrators. */
@RestController
@Tag(name = "Administration", description = "Account administration for configured administrators")
class AdminSearchController {

    private final SearchBackfill backfill;
    private final UserService users;

    AdminSearchController(SearchBackfill backfill, UserService users) {
        this.backfill = backfill;
        this.users = users;
    }

    @PostMapping("/api/v1/admin/search/reindex")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reindex every channel message", description = "Starts rebuilding the search index in the "
            + "background (202), from the first message again if one is running; search keeps answering meanwhile and new "
            + "messages are indexed as usual.")
    Map<String, String> reindex(CurrentUser caller) {
        users.requireAdmin(caller.id());
        backfill.restart();
        return Map.of("message", "Search reindex started.");
    }
}
