package com.rosettachat.auth.internal.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Turns on asynchronous execution, so {@code @ApplicationModuleListener}s (mail delivery among
 * them) run after the commit on their own thread instead of inside the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class MailConfig {
}
