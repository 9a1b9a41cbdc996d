package com.rosettachat.webhook.web;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.webhook.internal.WebhookService;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook management, for the workspace's owners and admins (404 to outsiders, 403 to members). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/webhooks")
@Tag(name = "Webhooks", description = "Incoming webhooks of a workspace: owners and admins create, list, change and delete them")
class WebhooksController {

    private final WebhookService webhooks;
    private final WorkspaceAccess workspaces;
    private final AppProperties app;

    WebhooksController(WebhookService webhooks, WorkspaceAccess workspaces, AppProperties app) {
        this.webhooks = webhooks;
        this.workspaces = workspaces;
        this.app = app;
    }

    @GetMapping
    @Operation(summary = "List webhooks", description = "Oldest first; secrets are never listed.")
    Map<String, List<WebhookView>> list(CurrentUser caller, @PathVariable("workspace_id") String workspaceId) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        return Map.of("data", webhooks.list(manager.workspaceId()).stream()
                .map(w -> WebhookView.of(w, app.baseUrl(), null)).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a webhook", description = "name (required, at most 120 characters), default_channel_id "
            + "(a channel of this workspace). The answer carries the secret: it is shown this once.")
    Map<String, WebhookView> create(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, Input input) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        String name = input.field("name").required().string().max(120).asString();
        String channel = input.field("default_channel_id").string().asString();
        input.validate();
        WebhookService.Issued issued = webhooks.create(caller.id(), manager.workspaceId(), name, channel);
        return Map.of("data", WebhookView.of(issued.webhook(), app.baseUrl(), issued.secret()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Update a webhook", description = "name, default_channel_id (null for none), is_active; "
            + "regenerate_secret: true replaces the secret and returns the new one in this answer only.")
    Map<String, WebhookView> replace(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                     @PathVariable("id") String id, Input input) {
        return update(caller, workspaceId, id, input);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Update a webhook", description = "As PUT: only the fields sent change.")
    Map<String, WebhookView> update(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                    @PathVariable("id") String id, Input input) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        String name = input.has("name") ? input.field("name").required().string().max(120).asString() : null;
        var channelField = input.field("default_channel_id").string();
        String channel = channelField.asString();
        boolean clearChannel = input.has("default_channel_id") && channelField.isNull();
        Boolean active = input.field("is_active").bool().asBoolean();
        Boolean regenerate = input.field("regenerate_secret").bool().asBoolean();
        input.validate();
        WebhookService.Issued issued = webhooks.update(manager.workspaceId(), id, new WebhookService.Changes(
                name, channel, clearChannel, active, Boolean.TRUE.equals(regenerate)));
        return Map.of("data", WebhookView.of(issued.webhook(), app.baseUrl(), issued.secret()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook", description = "Posts to its URL then answer 401.")
    void delete(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, @PathVariable("id") String id) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        webhooks.delete(manager.workspaceId(), id);
    }
}
