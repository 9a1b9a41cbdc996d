package com.rosettachat.translation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.translation.TranslationResult.Translated;
import com.rosettachat.translation.internal.PreparedText;
import com.rosettachat.translation.internal.TranslationMemory;
import com.rosettachat.translation.internal.TranslationProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The translation memory on the suite's database (H2, then PostgreSQL), with engines built
 * against a LibreTranslate stub of this class so its requests can be counted.
 */
class TranslationMemoryTest extends ApiTest {

    @RegisterExtension
    static WireMockExtension libre = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(TestTranslationServer.echo())).build();

    @Autowired
    JdbcClient jdbc;

    private String nonce;

    @BeforeEach
    void stub() {
        TestTranslationServer.stubLibreTranslate(libre);
        nonce = "run" + System.nanoTime();
    }

    private TranslationEngine engine() {
        return TestEngines.engine(TranslationProperties.of("libretranslate", libre.baseUrl(), "", null), jdbc).engine();
    }

    private static int translateCalls() {
        return libre.findAll(postRequestedFor(urlEqualTo("/translate"))).size();
    }

    @Test
    void theSameTextInTheSamePairIsTranslatedOnceEvenAcrossNodes() {
        String text = "Good morning team " + nonce;
        TranslationEngine engine = engine();
        assertThat(engine.translate(text, "en", Set.of("ja")).get("ja"))
                .isEqualTo(new Translated(translated("ja", text), "libretranslate", false));
        assertThat(engine.translate(text, "en", Set.of("ja")).get("ja"))
                .isEqualTo(new Translated(translated("ja", text), "libretranslate", true));
        // Another node (another engine on the same database) finds it too.
        assertThat(engine().translate(text, "en", Set.of("ja")).get("ja")).isInstanceOf(Translated.class);
        assertThat(translateCalls()).isEqualTo(1);
        assertThat(engine.stats().memoryHits()).isEqualTo(1);
        assertThat(engine.stats().memoryMisses()).isEqualTo(1);
        assertThat(engine.stats().memoryHitRate()).isEqualTo(0.5);
    }

    @Test
    void anotherPairOrAnotherTextIsTranslatedAgain() {
        String text = "Good morning team " + nonce;
        TranslationEngine engine = engine();
        engine.translate(text, "en", Set.of("ja"));
        engine.translate(text, "en", Set.of("th"));
        engine.translate(text, "id", Set.of("ja"));
        engine.translate("Good evening team " + nonce, "en", Set.of("ja"));
        assertThat(translateCalls()).isEqualTo(4);
    }

    @Test
    void onlyTheTargetsTheMemoryLacksReachTheProvider() {
        String text = "Release notes are ready " + nonce;
        TranslationEngine engine = engine();
        engine.translate(text, "en", Set.of("ja"));
        Map<String, TranslationResult> both = engine.translate(text, "en", Set.of("ja", "th"));
        assertThat(((Translated) both.get("ja")).fromMemory()).isTrue();
        assertThat(((Translated) both.get("th")).fromMemory()).isFalse();
        libre.verify(1, postRequestedFor(urlEqualTo("/translate")).withRequestBody(matchingJsonPath("$.target", equalTo("th"))));
    }

    @Test
    void textsThatNormaliseAlikeOrDifferOnlyInProtectedSpansShareOneEntry() {
        TranslationEngine engine = engine();
        engine.translate("Please   review " + nonce + "\r\n", "en", Set.of("ja"));
        assertThat(((Translated) engine.translate("Please review " + nonce, "en", Set.of("ja")).get("ja")).fromMemory()).isTrue();

        engine.translate("Merged https://git.example/pr/1 thanks <@3> " + nonce, "en", Set.of("ja"));
        Translated other = (Translated) engine.translate("Merged https://git.example/pr/2 thanks <@4> " + nonce, "en",
                Set.of("ja")).get("ja");
        assertThat(other.fromMemory()).isTrue();
        assertThat(other.text()).isEqualTo(translated("ja", "Merged https://git.example/pr/2 thanks <@4> " + nonce));
        assertThat(translateCalls()).isEqualTo(2);
    }

    @Test
    void anEntryKeepsTheHashOfTheNormalisedTextTheProviderAndItsCreationTime() {
        Instant before = clock.instant().minusSeconds(1);
        String text = "Ship it  on Friday " + nonce;
        engine().translate(text, "en", Set.of("ja"));
        Map<String, Object> row = jdbc.sql("""
                select text_hash, translated_text, provider, created_at from translation_memory
                where source_language = 'en' and target_language = 'ja' and text_hash = :hash""")
                .param("hash", PreparedText.of(text).hash()).query().singleRow();
        assertThat((String) row.get("text_hash")).matches("[0-9a-f]{64}");
        assertThat(row.get("translated_text")).isEqualTo(translated("ja", "Ship it on Friday " + nonce));
        assertThat(row.get("provider")).isEqualTo("libretranslate");
        Instant created = row.get("created_at") instanceof OffsetDateTime odt ? odt.toInstant()
                : ((java.sql.Timestamp) row.get("created_at")).toInstant();
        assertThat(created).isBetween(before, Instant.now().plusSeconds(5));
    }

    @Test
    void concurrentInsertsOfTheSameKeyNeitherFailNorDuplicate() throws Exception {
        TranslationMemory memory = new TranslationMemory(jdbc);
        String hash = PreparedText.of("race " + nonce).hash();
        int threads = 12;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> inserts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                inserts.add(pool.submit(() -> {
                    start.await();
                    memory.save("en", "ja", hash, new TranslationMemory.Entry("訳 " + n, "libretranslate"), Instant.now());
                    return null;
                }));
            }
            for (Future<?> insert : inserts) {
                insert.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from translation_memory where text_hash = :hash").param("hash", hash)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void concurrentTranslationsOfOneNewTextAllSucceed() throws Exception {
        TranslationEngine engine = engine();
        String text = "Everyone at once " + nonce;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<TranslationResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> engine.translate(text, "en", Set.of("th")).get("th")));
            }
            for (Future<TranslationResult> result : results) {
                assertThat(result.get()).isInstanceOf(Translated.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
