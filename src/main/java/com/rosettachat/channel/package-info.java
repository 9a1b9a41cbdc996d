/** Channels of a workspace, their members, and who may read and post in each. */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.rosettachat.channel;
