/** Workspaces, their members and roles, invite links, and the workspace-level authorization every other module asks. */
@org.springframework.modulith.ApplicationModule(displayName = "Workspaces")
package com.rosettachat.workspace;
