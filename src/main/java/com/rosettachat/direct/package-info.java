/** Direct conversations between two users: one per pair, readable and writable by those two only. */
@org.springframework.modulith.ApplicationModule(displayName = "Direct chat")
package com.rosettachat.direct;
