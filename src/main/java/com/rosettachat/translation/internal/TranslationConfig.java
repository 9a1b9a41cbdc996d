package com.rosettachat.translation.internal;

import com.rosettachat.translation.LanguageDetector;
import com.rosettachat.translation.TranslationBacklog;
import com.rosettachat.translation.TranslationEngine;
import com.rosettachat.translation.internal.provider.Sleeper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine and the detector, one of each per node. */
@Configuration(proxyBeanMethods = false)
class TranslationConfig {

    private static final Logger log = LoggerFactory.getLogger(TranslationConfig.class);

    @Bean
    TranslationEngine translationEngine(TranslationProperties properties, JdbcClient jdbc,
                                        ObjectProvider<MeterRegistry> registry, Clock clock,
                                        ObjectProvider<TranslationBacklog> backlogs) {
        DefaultTranslationEngine engine = TranslationEngines.create(properties, jdbc,
                registry.getIfAvailable(SimpleMeterRegistry::new), clock, Sleeper.REAL,
                () -> backlogs.orderedStream().mapToLong(TranslationBacklog::depth).sum());
        if (engine.enabled() && (properties.apiKey() == null || properties.apiKey().isBlank())
                && (engine.provider().equals("deepl") || engine.provider().equals("google"))) {
            log.warn("ROSETTA_TRANSLATION_PROVIDER={} needs ROSETTA_TRANSLATION_API_KEY; translations will fail until it is set",
                    engine.provider());
        }
        log.info("translation provider: {}", engine.provider());
        return engine;
    }

    @Bean
    LanguageDetector languageDetector(TranslationProperties properties) {
        return new LinguaLanguageDetector(properties.detection().lowAccuracy());
    }
}
