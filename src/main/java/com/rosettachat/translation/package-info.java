/**
 * Language detection and machine translation of message text: providers, the translation memory
 * and the protected spans (code, URLs, mentions, emoji, emails) no provider may touch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Translation")
package com.rosettachat.translation;
