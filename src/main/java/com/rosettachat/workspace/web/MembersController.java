package com.rosettachat.workspace.web;

import com.rosettachat.shared.Language;
import com.rosettachat.shared.paging.PageRequest;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.shared.web.PagedResponse;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.Role;
import com.rosettachat.workspace.WorkspaceAccess;
import com.rosettachat.workspace.internal.MemberChanges;
import com.rosettachat.workspace.internal.MemberService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/members")
@Tag(name = "Workspace members", description = "Members, their roles and their language in a workspace")
class MembersController {

    private final WorkspaceAccess access;
    private final MemberService members;

    MembersController(WorkspaceAccess access, MemberService members) {
        this.access = access;
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "List members", description = "Paged (page, per_page 1–100, default 15), in the order they joined.")
    PagedResponse<MemberView> list(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, Input input,
                                   HttpServletRequest request) {
        Membership membership = access.requireMember(caller.id(), workspaceId);
        PageRequest page = PageRequest.from(input);
        input.validate();
        return PagedResponse.of(members.page(membership, page).map(MemberView::of), request);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Update a member", description = "`role` (owner only; `owner` transfers ownership and makes the "
            + "old owner an admin) and/or `preferred_language` (one's own only; null clears the override). `role` is "
            + "required unless `preferred_language` is sent.")
    Map<String, MemberView> update(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                   @PathVariable String id, Input input) {
        Membership membership = access.requireMember(caller.id(), workspaceId);
        Field roleField = input.field("role");
        boolean languageSent = input.has("preferred_language");
        if (!languageSent) {
            roleField.required();
        }
        String role = roleField.string().in(Role.VALUES).asString();
        String language = input.field("preferred_language").string().in(Language.CODES).asString();
        input.validate();
        MemberChanges changes = new MemberChanges(role == null ? null : Role.of(role), languageSent, language);
        return Map.of("data", MemberView.of(members.update(membership, id, changes)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member, or leave", description = "Owners and admins remove members (only the owner "
            + "removes admins); removing oneself is leaving. The owner transfers ownership before leaving (422).")
    void remove(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, @PathVariable String id) {
        members.remove(access.requireMember(caller.id(), workspaceId), id);
    }
}
