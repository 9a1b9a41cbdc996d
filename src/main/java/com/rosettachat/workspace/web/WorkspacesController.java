package com.rosettachat.workspace.web;

import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.CreatedWorkspace;
import com.rosettachat.workspace.NewWorkspace;
import com.rosettachat.workspace.Workspace;
import com.rosettachat.workspace.WorkspaceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces", description = "Workspaces the caller belongs to, creating them and joining public ones")
class WorkspacesController {

    static final List<String> VISIBILITIES = List.of(Workspace.PRIVATE, Workspace.PUBLIC);

    private final WorkspaceService workspaces;

    WorkspacesController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    @Operation(summary = "List my workspaces", description = "The caller's standard workspaces, in the order they joined them.")
    Map<String, List<WorkspaceView>> list(CurrentUser caller) {
        return Map.of("data", workspaces.listStandard(caller.id()).stream().map(WorkspaceView::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workspace", description = "The caller becomes its owner; a public `general` channel "
            + "is created. `slug` is made from the name when absent; `visibility` defaults to private.")
    Map<String, WorkspaceView> create(CurrentUser caller, Input input) {
        String name = input.field("name").required().string().max(120).asString();
        String slug = input.field("slug").string().slug().max(WorkspaceService.SLUG_MAX).asString();
        String visibility = input.field("visibility").string().in(VISIBILITIES).asString();
        String password = input.field("password").string().min(8).max(120).asString();
        input.validate();
        CreatedWorkspace created = workspaces.create(
                new NewWorkspace(caller.id(), name, slug, visibility, password, Workspace.STANDARD));
        return Map.of("data", WorkspaceView.of(workspaces.require(caller.id(), created.workspaceId())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show a workspace", description = "Members only; anyone else gets 404.")
    Map<String, WorkspaceView> show(CurrentUser caller, @PathVariable String id) {
        return Map.of("data", WorkspaceView.of(workspaces.require(caller.id(), id)));
    }

    @PostMapping("/{id}/join")
    @Operation(summary = "Join a public workspace", description = "Give `password` when the workspace has one. "
            + "Members get the workspace back; private workspaces are 404.")
    Map<String, WorkspaceView> join(CurrentUser caller, @PathVariable String id, Input input) {
        String password = input.field("password").string().max(120).asString();
        input.validate();
        return Map.of("data", WorkspaceView.of(workspaces.join(caller.id(), id, password)));
    }
}
