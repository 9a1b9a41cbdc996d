package com.rosettachat.translation;

import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CONTRACT §3 end to end: an English sender and a Japanese reader in one channel. */
class TranslationFlowTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private record Pair(Account sender, Account reader, Space space, String messages) {
    }

    private Pair pair() {
        Account sender = register();
        Account reader = register();
        http.patch("/api/v1/me").token(reader.token()).json(Map.of("preferred_language", "ja")).send();
        Space space = Workspaces.create(http, sender);
        Workspaces.join(http, sender, space, reader);
        return new Pair(sender, reader, space, "/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId() + "/messages");
    }

    private String post(Pair p, Map<String, ?> body) {
        Http.Response r = http.post(p.messages()).token(p.sender().token()).json(body).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private JsonNode readerSees(Pair p, String id, String status) {
        return Messages.await(http.get(p.messages()).token(p.reader().token()), id, Messages.status(status));
    }

    private static String unique(String text) {
        return text + " #" + System.nanoTime();
    }

    @Test
    void theReaderReadsJapaneseAndTheSenderTheOriginal() {
        Pair p = pair();
        String text = unique("The release is ready for review");
        Http.Response posted = http.post(p.messages()).token(p.sender().token()).json(Map.of("content", text)).send();
        assertThat(posted.text("/data/translation_status")).isEqualTo("pending");
        assertThat(posted.text("/data/original_language")).isEqualTo("en");
        String id = posted.text("/data/id");

        JsonNode forReader = readerSees(p, id, "completed");
        assertThat(forReader.at("/display_content").asString()).isEqualTo(translated("ja", text));
        assertThat(forReader.at("/display_language").asString()).isEqualTo("ja");
        assertThat(forReader.at("/display_source").asString()).isEqualTo("translated");
        assertThat(forReader.at("/original_content").asString()).isEqualTo(text);

        JsonNode forSender = Messages.await(http.get(p.messages()).token(p.sender().token()), id, Messages.status("completed"));
        assertThat(forSender.at("/display_content").asString()).isEqualTo(text);
        assertThat(forSender.at("/display_source").asString()).isEqualTo("original");
        assertThat(TestTranslationServer.requestsContaining(text)).hasSize(1);
    }

    @Test
    void skipTranslationNeverCallsTheProvider() throws Exception {
        Pair p = pair();
        String text = unique("Do not translate this one");
        String id = post(p, Map.of("content", text, "skip_translation", true));
        JsonNode forReader = readerSees(p, id, "skipped");
        assertThat(forReader.at("/display_content").asString()).isEqualTo(text);
        // A later message that is translated proves the worker ran meanwhile.
        readerSees(p, post(p, Map.of("content", unique("Translate this one"))), "completed");
        assertThat(TestTranslationServer.requestsContaining(text)).isEmpty();
    }

    @Test
    void theSameTextInTheSamePairIsTranslatedOnce() {
        Pair p = pair();
        String text = unique("Standup moved to ten thirty");
        readerSees(p, post(p, Map.of("content", text)), "completed");
        JsonNode second = readerSees(p, post(p, Map.of("content", text)), "completed");
        assertThat(second.at("/display_content").asString()).isEqualTo(translated("ja", text));
        assertThat(TestTranslationServer.requestsContaining(text)).hasSize(1);
    }

    @Test
    void linksCodeAndMentionsComeBackByteForByte() {
        Pair p = pair();
        String text = "Please review https://git.example.com/pr/42?tab=files&x=1 and run `mvn -q verify` "
                + "before <@" + p.reader().id() + "> merges 🚀 ask ops@example.com " + System.nanoTime();
        JsonNode forReader = readerSees(p, post(p, Map.of("content", text)), "completed");
        String shown = forReader.at("/display_content").asString();
        assertThat(shown).startsWith("[ja] ").isNotEqualTo(text);
        assertThat(shown).contains("https://git.example.com/pr/42?tab=files&x=1", "`mvn -q verify`",
                "<@" + p.reader().id() + ">", "🚀", "ops@example.com");
    }

    @Test
    void aFailingProviderLeavesTheMessageFailedAndReadableAndALaterSuccessHealsIt() {
        Pair p = pair();
        String text = unique("This will fail at first");
        TestTranslationServer.failFor(text);
        String id;
        try {
            id = post(p, Map.of("content", text));
            JsonNode failed = readerSees(p, id, "failed");
            assertThat(failed.at("/display_content").asString()).isEqualTo(text);
            assertThat(failed.at("/display_source").asString()).isEqualTo("original");
            assertThat(TestTranslationServer.requestsContaining(text)).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            TestTranslationServer.recover(text);
            // Past the circuit breaker's open time, so the next request probes the provider.
            clock.advance(Duration.ofMinutes(1));
        }
        // Reading it again asks for the missing translation, which now succeeds.
        JsonNode healed = readerSees(p, id, "completed");
        assertThat(healed.at("/display_content").asString()).isEqualTo(translated("ja", text));
    }

    @Test
    void aLateJoinerAndALanguageChangeAreHealedOnReading() {
        Pair p = pair();
        String text = unique("Welcome to the project");
        String id = post(p, Map.of("content", text));
        readerSees(p, id, "completed");

        Account thai = register();
        http.patch("/api/v1/me").token(thai.token()).json(Map.of("preferred_language", "th")).send();
        Workspaces.join(http, p.sender(), p.space(), thai);
        JsonNode forThai = Messages.await(http.get(p.messages()).token(thai.token()), id,
                m -> "translated".equals(m.at("/display_source").asString()));
        assertThat(forThai.at("/display_content").asString()).isEqualTo(translated("th", text));

        http.patch("/api/v1/me").token(p.reader().token()).json(Map.of("preferred_language", "id")).send();
        JsonNode inIndonesian = Messages.await(http.get(p.messages()).token(p.reader().token()), id,
                m -> "id".equals(m.at("/display_language").asString()));
        assertThat(inIndonesian.at("/display_content").asString()).isEqualTo(translated("id", text));
    }

    @Test
    void workADeadNodeLeftUnfinishedIsPickedUpAgain() {
        Pair p = pair();
        String text = unique("Finish me after a crash");
        String id = post(p, Map.of("content", text));
        readerSees(p, id, "completed");
        // What a node killed mid-way leaves behind: the message pending, its translations not stored.
        jdbc.sql("delete from message_translations where message_id = :id").param("id", id).update();
        jdbc.sql("update messages set translation_status = 'pending' where id = :id").param("id", id).update();
        clock.advance(Duration.ofMinutes(3));
        JsonNode resumed = readerSees(p, id, "completed");
        assertThat(resumed.at("/display_content").asString()).isEqualTo(translated("ja", text));
    }
}
