package com.rosettachat.workspace;

/** A workspace together with the caller's role in it ({@code my_role}). */
public record MyWorkspace(Workspace workspace, Role myRole) {
}
