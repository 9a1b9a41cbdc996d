package com.rosettachat.user.web;

import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.PagedResponse;
import com.rosettachat.user.Plan;
import com.rosettachat.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administration of accounts, open to the users listed in {@code ROSETTA_ADMIN_EMAILS}. */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Administration", description = "Account administration for configured administrators")
class AdminUsersController {

    private final UserService users;

    AdminUsersController(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Search users", description = "q matches name or email; paginated.")
    PagedResponse<UserView> list(CurrentUser caller, Input input, HttpServletRequest request) {
        users.requireAdmin(caller.id());
        String q = input.field("q").string().max(255).asString();
        PageRequest page = PageRequest.from(input);
        input.validate();
        return PagedResponse.of(users.search(q, page).map(UserView::of), request);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Activate, deactivate or change a user's plan")
    Map<String, UserView> update(CurrentUser caller, @PathVariable long id, Input input) {
        users.requireAdmin(caller.id());
        Boolean active = input.field("is_active").bool().asBoolean();
        String plan = input.field("plan").string().in(Plan.ALL).asString();
        input.validate();
        return Map.of("data", UserView.of(users.adminUpdate(caller.id(), id, active, plan)));
    }
}
