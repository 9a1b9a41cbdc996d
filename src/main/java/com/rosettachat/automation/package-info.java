/** Automation posts: bots post into channels with an {@code automation:write} token of a member, shown as automation. */
@org.springframework.modulith.ApplicationModule(displayName = "Automation")
package com.rosettachat.automation;
