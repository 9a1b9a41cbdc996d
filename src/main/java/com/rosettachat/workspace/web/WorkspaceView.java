package com.rosettachat.workspace.web;

import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.MyWorkspace;
import com.rosettachat.workspace.Workspace;

/** The workspace shape of CONTRACT §4. */
record WorkspaceView(String id, String name, String slug, String visibility, boolean hasPassword, String kind,
                     long ownerId, String myRole, long memberCount, String defaultChannelId, String createdAt,
                     String updatedAt) {

    static WorkspaceView of(MyWorkspace mine) {
        Workspace w = mine.workspace();
        return new WorkspaceView(w.id(), w.name(), w.slug(), w.visibility(), w.hasPassword(), w.kind(), w.ownerId(),
                mine.myRole().value(), w.memberCount(), w.defaultChannelId(), Timestamps.resource(w.createdAt()),
                Timestamps.resource(w.updatedAt()));
    }
}
