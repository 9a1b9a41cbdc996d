package com.rosettachat.workspace.web;

import com.rosettachat.shared.time.Timestamps;
import com.rosettachat.workspace.internal.Member;

/** The member shape of CONTRACT §4. */
record MemberView(String id, UserSummary user, String role, String preferredLanguage, String effectiveLanguage,
                  String joinedAt) {

    record UserSummary(long id, String name, String email, String avatarUrl) {
    }

    static MemberView of(Member m) {
        return new MemberView(m.id(), new UserSummary(m.userId(), m.userName(), m.userEmail(), m.userAvatarUrl()),
                m.role().value(), m.preferredLanguage(), m.effectiveLanguage(), Timestamps.resource(m.joinedAt()));
    }
}
