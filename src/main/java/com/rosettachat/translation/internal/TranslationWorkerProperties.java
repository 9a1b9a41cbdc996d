package com.rosettachat.translation.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ROSETTA_TRANSLATION_WORKER_*}: at most {@code concurrency} provider requests at once per
 * node; {@code attempts} rounds per message, {@code backoff} doubling between them; messages still
 * {@code pending} after {@code resumeAfter} (a node died mid-way) are picked up again.
 */
@ConfigurationProperties("rosetta.translation.worker")
record TranslationWorkerProperties(@DefaultValue("4") int concurrency, @DefaultValue("3") int attempts,
                                   @DefaultValue("2s") Duration backoff, @DefaultValue("2m") Duration resumeAfter) {
}
