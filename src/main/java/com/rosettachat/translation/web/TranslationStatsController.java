package com.rosettachat.translation.web;

import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.translation.TranslationEngine;
import com.rosettachat.translation.TranslationStats;
import com.rosettachat.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the translation engine has done since this node started, for administrators. */
@RestController
@Tag(name = "Administration", description = "Account administration for configured administrators")
class TranslationStatsController {

    private final TranslationEngine engine;
    private final UserService users;

    TranslationStatsController(TranslationEngine engine, UserService users) {
        this.engine = engine;
        this.users = users;
    }

    @GetMapping("/api/v1/admin/translation/stats")
    @Operation(summary = "Translation statistics", description = "Provider calls and failures, translation memory hits "
            + "and misses, circuit breaker state and queue depth, counted since this node started.")
    Map<String, TranslationStats> stats(CurrentUser caller) {
        users.requireAdmin(caller.id());
        return Map.of("data", engine.stats());
    }
}
