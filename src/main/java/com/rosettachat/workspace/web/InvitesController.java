package com.rosettachat.workspace.web;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.error.TooManyRequestsException;
import com.rosettachat.shared.ratelimit.RateLimit;
import com.rosettachat.shared.ratelimit.RateLimitHeaders;
import com.rosettachat.shared.ratelimit.RateLimitProperties;
import com.rosettachat.shared.ratelimit.RateLimiter;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.ClientIp;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import com.rosettachat.workspace.internal.InviteService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invites", description = "Invite links: creating, listing and revoking them, the public preview and accepting")
class InvitesController {

    /** The key of the preview budget of one client address; tests reset it through the limiter. */
    static final String PREVIEW_LIMIT = "invite-preview";

    private final WorkspaceAccess access;
    private final InviteService invites;
    private final AppProperties app;
    private final RateLimiter limiter;
    private final RateLimit previewLimit;

    InvitesController(WorkspaceAccess access, InviteService invites, AppProperties app, RateLimiter limiter,
                      RateLimitProperties limits) {
        this.access = access;
        this.invites = invites;
        this.app = app;
        this.limiter = limiter;
        this.previewLimit = RateLimit.perMinute(PREVIEW_LIMIT, limits.invitePreviewPerMinute());
    }

    @GetMapping("/api/v1/workspaces/{workspace_id}/invites")
    @Operation(summary = "List invites", description = "Owners and admins; the links that have not expired, newest first.")
    Map<String, List<InviteView>> list(CurrentUser caller, @PathVariable("workspace_id") String workspaceId) {
        Membership manager = access.requireManager(caller.id(), workspaceId);
        return Map.of("data", invites.list(manager).stream().map(i -> InviteView.of(i, app)).toList());
    }

    @PostMapping("/api/v1/workspaces/{workspace_id}/invites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an invite", description = "Owners and admins. `expires_in_days` 1–365, default 7; "
            + "the link may be used by any number of people until it expires or is revoked.")
    Map<String, InviteView> create(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, Input input) {
        Membership manager = access.requireManager(caller.id(), workspaceId);
        Integer days = input.field("expires_in_days").integer().min(1).max(365).asInt();
        input.validate();
        return Map.of("data", InviteView.of(invites.create(manager, days == null ? 7 : days), app));
    }

    @DeleteMapping("/api/v1/workspaces/{workspace_id}/invites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an invite", description = "Owners and admins; the link stops working at once.")
    void revoke(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, @PathVariable String id) {
        invites.revoke(access.requireManager(caller.id(), workspaceId), id);
    }

    @PublicEndpoint
    @GetMapping("/api/v1/invites/{token}")
    @Operation(summary = "Preview an invite", description = "No sign-in needed: what the join screen shows. "
            + "30 requests per minute per IP. Unknown, expired or revoked links are 404.")
    Map<String, InviteView.PreviewView> preview(@PathVariable String token, HttpServletRequest request,
                                                HttpServletResponse response) {
        RateLimit.Decision decision = limiter.hit(PREVIEW_LIMIT + ":" + ClientIp.of(request), previewLimit);
        RateLimitHeaders.apply(response, decision);
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision);
        }
        return Map.of("data", InviteView.PreviewView.of(invites.preview(token)));
    }

    @PostMapping("/api/v1/invites/{token}/accept")
    @Operation(summary = "Accept an invite", description = "Adds the caller as a member and returns the workspace; "
            + "members get it back unchanged. A password-protected workspace needs `password`.")
    Map<String, WorkspaceView> accept(CurrentUser caller, @PathVariable String token, Input input) {
        String password = input.field("password").string().max(120).asString();
        input.validate();
        return Map.of("data", WorkspaceView.of(invites.accept(caller.id(), token, password)));
    }
}
