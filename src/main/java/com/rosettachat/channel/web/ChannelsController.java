package com.rosettachat.channel.web;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.channel.ChannelRef;
import com.rosettachat.channel.ChannelUnread;
import com.rosettachat.channel.internal.Channel;
import com.rosettachat.channel.internal.ChannelChanges;
import com.rosettachat.channel.internal.ChannelService;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;
import com.rosettachat.workspace.Membership;
import com.rosettachat.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/channels")
@Tag(name = "Channels", description = "Channels of a workspace, joining them and adding members to private ones")
class ChannelsController {

    private static final List<String> VISIBILITIES = List.of(ChannelRef.PUBLIC, ChannelRef.PRIVATE);

    /** A channel member as the add-member answer shows it. */
    record ChannelMemberView(String channelId, long userId, String joinedAt) {
    }

    private final WorkspaceAccess workspaces;
    private final ChannelAccess access;
    private final ChannelService channels;

    ChannelsController(WorkspaceAccess workspaces, ChannelAccess access, ChannelService channels) {
        this.workspaces = workspaces;
        this.access = access;
        this.channels = channels;
    }

    @GetMapping
    @Operation(summary = "List channels", description = "Public channels and the private ones the caller is a member "
            + "of; owners and admins see every channel. The default channel comes first, then by name. Each carries "
            + "the caller's unread_count (top-level messages after their read marker, not their own, not system "
            + "messages or tombstones), mention_count (those that mention <@caller_id>) and last_read_message_id.")
    Map<String, List<ChannelView>> list(CurrentUser caller, @PathVariable("workspace_id") String workspaceId) {
        Membership membership = workspaces.requireMember(caller.id(), workspaceId);
        List<Channel> list = channels.list(membership);
        Map<String, ChannelUnread> unread = channels.unread(membership, list);
        return Map.of("data", list.stream().map(c -> ChannelView.of(c, unread.get(c.id()))).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a channel", description = "Owners and admins; the creator is its first member. "
            + "`slug` is made from the name when absent; `visibility` defaults to public.")
    Map<String, ChannelView> create(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, Input input) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        ChannelChanges request = changes(input, true);
        return Map.of("data", view(manager, channels.create(manager, request)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show a channel", description = "404 unless the caller may read it.")
    Map<String, ChannelView> show(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                  @PathVariable String id) {
        ChannelRef ref = access.requireReadable(caller.id(), workspaceId, id);
        Membership member = workspaces.requireMember(caller.id(), workspaceId);
        return Map.of("data", view(member, channels.show(member, ref)));
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @Operation(summary = "Update a channel", description = "Owners and admins; only the fields sent change. "
            + "`password` null removes the password. The default channel stays public.")
    Map<String, ChannelView> update(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                    @PathVariable String id, Input input) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        ChannelRef ref = channel(workspaceId, id);
        ChannelChanges changes = changes(input, false);
        return Map.of("data", view(manager, channels.update(manager, ref, changes)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a channel", description = "Owners and admins; its messages go with it. "
            + "The default channel cannot be deleted (422).")
    void delete(CurrentUser caller, @PathVariable("workspace_id") String workspaceId, @PathVariable String id) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        channels.delete(manager, channel(workspaceId, id));
    }

    @PostMapping("/{id}/join")
    @Operation(summary = "Join a channel", description = "Any workspace member, giving `password` when the channel "
            + "has one; members get the channel back.")
    Map<String, ChannelView> join(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                  @PathVariable String id, Input input) {
        Membership membership = workspaces.requireMember(caller.id(), workspaceId);
        ChannelRef ref = channel(workspaceId, id);
        String password = input.field("password").string().max(120).asString();
        input.validate();
        return Map.of("data", view(membership, channels.join(membership, ref, password)));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member to a channel", description = "Owners and admins add a workspace member "
            + "(`user_id`); 201 when added, 200 when they were a member already.")
    Map<String, ChannelMemberView> addMember(CurrentUser caller, @PathVariable("workspace_id") String workspaceId,
                                             @PathVariable String id, Input input, HttpServletResponse response) {
        Membership manager = workspaces.requireManager(caller.id(), workspaceId);
        ChannelRef ref = channel(workspaceId, id);
        Long userId = input.field("user_id").required().integer().asLong();
        input.validate();
        ChannelService.Added added = channels.addMember(manager, ref, userId);
        response.setStatus(added.created() ? 201 : 200);
        return Map.of("data", new ChannelMemberView(added.channelId(), added.userId(),
                Timestamps.resource(added.joinedAt())));
    }

    private ChannelView view(Membership caller, Channel channel) {
        return ChannelView.of(channel, channels.unread(caller, List.of(channel)).get(channel.id()));
    }

    /** Any channel of the workspace: callers have checked that the caller may act on it. */
    private ChannelRef channel(String workspaceId, String id) {
        return access.find(workspaceId, id).orElseThrow(ApiException::notFound);
    }

    /** The body of a create ({@code name} required) or an update (only what is sent). */
    private static ChannelChanges changes(Input input, boolean creating) {
        Field nameField = input.field("name");
        if (creating || nameField.present()) {
            nameField.required();
        }
        String name = nameField.string().max(120).asString();
        String slug = input.field("slug").string().slug().max(ChannelService.SLUG_MAX).asString();
        String visibility = input.field("visibility").string().in(VISIBILITIES).asString();
        String password = input.field("password").string().min(8).max(120).asString();
        input.validate();
        return new ChannelChanges(name, slug, visibility, input.has("password"), password);
    }
}
