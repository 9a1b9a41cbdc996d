/**
 * Messages of channels and direct conversations: posting, threads, attachments, history pages and
 * the per-reader message shape; translation, push and realtime react to its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messages")
package com.rosettachat.message;
