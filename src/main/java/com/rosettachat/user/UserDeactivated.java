package com.rosettachat.user;

/** Published when an administrator deactivates an account, so its tokens stop working at once. */
public record UserDeactivated(long userId) {
}
