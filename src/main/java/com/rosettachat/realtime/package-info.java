/**
 * Live delivery to clients: a Pusher-protocol WebSocket server at {@code /app/{key}}, channel
 * authorization at {@code /broadcasting/auth}, per-language fan-out with a replay window, and
 * cross-node delivery through Redis.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Realtime")
package com.rosettachat.realtime;
