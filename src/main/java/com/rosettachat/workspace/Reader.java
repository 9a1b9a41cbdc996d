package com.rosettachat.workspace;

/** Someone who reads a workspace or channel, and the language they read it in. */
public record Reader(long userId, String language) {
}
