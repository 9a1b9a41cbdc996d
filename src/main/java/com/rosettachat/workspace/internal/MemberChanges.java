package com.rosettachat.workspace.internal;

import com.rosettachat.workspace.Role;

/** A member update: {@code role} null leaves it; {@code languageSent} with a null language clears the override. */
public record MemberChanges(Role role, boolean languageSent, String language) {
}
