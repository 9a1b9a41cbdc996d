/** Incoming webhooks: per-workspace posting URLs with a secret or signed bodies, and their management by owners and admins. */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package com.rosettachat.webhook;
