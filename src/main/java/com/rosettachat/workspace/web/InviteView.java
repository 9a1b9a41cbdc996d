package com.rosettachat.workspace.web;

import com.rosettachat.shared.AppProperties;
import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.internal.Invite;
import com.rosettachat.workspace.internal.InviteService;

/** The invite shape of CONTRACT §4, and the public preview. */
record InviteView(String id, String token, String url, String expiresAt, Long createdBy, String createdAt) {

    /**
     * The link people are sent: the single-page app's join screen when a frontend is configured,
     * else the API's own preview, which any client can open.
     */
    static InviteView of(Invite invite, AppProperties app) {
        String url = app.hasFrontend()
                ? stripSlash(app.frontendUrl()) + "/invites/" + invite.token()
                : app.baseUrl() + "/api/v1/invites/" + invite.token();
        return new InviteView(invite.id(), invite.token(), url, Timestamps.resource(invite.expiresAt()),
                invite.createdBy(), Timestamps.resource(invite.createdAt()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    record PreviewView(PreviewWorkspace workspace, Inviter inviter, String expiresAt) {

        record PreviewWorkspace(String id, String name, long memberCount, boolean hasPassword) {
        }

        record Inviter(String name) {
        }

        static PreviewView of(InviteService.Preview p) {
            return new PreviewView(
                    new PreviewWorkspace(p.workspace().id(), p.workspace().name(), p.workspace().memberCount(),
                            p.workspace().hasPassword()),
                    p.inviterName() == null ? null : new Inviter(p.inviterName()),
                    Timestamps.resource(p.expiresAt()));
        }
    }
}
