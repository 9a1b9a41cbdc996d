package com.rosettachat.translation;

import static com.rosettachat.support.TestTranslationServer.translated;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Messages;
import com.rosettachat.support.RecordedEvents;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** An edited message is translated again: the reader sees the new text in their language, never the old translation. */
class EditTranslationTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    private record Pair(Account sender, Account reader, String messages) {
    }

    private Pair pair() {
        Account sender = register();
        Account reader = register();
        http.patch("/api/v1/me").token(reader.token()).json(Map.of("preferred_language", "ja")).send();
        Space space = Workspaces.create(http, sender);
        Workspaces.join(http, sender, space, reader);
        return new Pair(sender, reader, "/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId() + "/messages");
    }

    private String post(Pair p, String text) {
        Http.Response r = http.post(p.messages()).token(p.sender().token()).json(Map.of("content", text)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private Http.Response edit(Pair p, String id, String text) {
        Http.Response r = http.patch(p.messages() + "/" + id).token(p.sender().token()).json(Map.of("content", text)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    /** What the reader sees once it shows {@code text} translated. */
    private JsonNode readerSeesTranslated(Pair p, String id, String text) {
        return Messages.await(http.get(p.messages()).token(p.reader().token()), id,
                m -> translated("ja", text).equals(m.at("/display_content").asString())
                        && "completed".equals(m.at("/translation_status").asString()));
    }

    private static String unique(String text) {
        return text + " #" + System.nanoTime();
    }

    @Test
    void theReaderSeesTheNewTextTranslatedAndTheMemoryServesATextSeenBefore() {
        Pair p = pair();
        String first = unique("The meeting starts at nine");
        String second = unique("The meeting starts at ten");
        String id = post(p, first);
        readerSeesTranslated(p, id, first);

        Http.Response edited;
        try (RecordedEvents events = new RecordedEvents(context)) {
            edited = edit(p, id, second);
            assertThat(edited.text("/data/translation_status")).isEqualTo("pending");
            // Until the new translation lands the reader sees the new original, never the old translation.
            JsonNode meanwhile = Messages.await(http.get(p.messages()).token(p.reader().token()), id,
                    m -> second.equals(m.at("/original_content").asString()));
            assertThat(meanwhile.at("/display_content").asString()).isIn(second, translated("ja", second));
            JsonNode after = readerSeesTranslated(p, id, second);
            assertThat(after.at("/display_language").asString()).isEqualTo("ja");
            assertThat(after.at("/edited_at").isNull()).isFalse();
            // The pass after an edit is not the pass after posting: push does not go out again.
            assertThat(events.of(MessageTranslated.class)).filteredOn(t -> t.messageId().equals(id))
                    .isNotEmpty().allMatch(t -> !t.firstPass());
        }

        // Back to the first text: the translation memory answers, the provider is not asked again.
        edit(p, id, first);
        readerSeesTranslated(p, id, first);
        assertThat(TestTranslationServer.requestsContaining(first)).hasSize(1);
        assertThat(TestTranslationServer.requestsContaining(second)).hasSize(1);
        // The sender reads their own words.
        JsonNode forSender = Messages.await(http.get(p.messages()).token(p.sender().token()), id, Messages.status("completed"));
        assertThat(forSender.at("/display_content").asString()).isEqualTo(first);
    }

    @Test
    void aTranslationOfTheOldTextArrivingAfterTheEditIsNeverShown() throws Exception {
        Pair p = pair();
        String slow = unique("This first draft is translated slowly");
        String fixed = unique("This is the final text");
        TestTranslationServer.delayFor(slow, 1500);
        try (RecordedEvents events = new RecordedEvents(context)) {
            String id = post(p, slow);
            // Edited while the provider is still working on the first text.
            while (TestTranslationServer.requestsContaining(slow).isEmpty()) {
                Thread.sleep(20);
            }
            edit(p, id, fixed);
            long until = System.currentTimeMillis() + 2500;
            while (System.currentTimeMillis() < until) {
                for (JsonNode m : http.get(p.messages()).token(p.reader().token()).send().json().at("/data")) {
                    if (m.at("/id").asString().equals(id)) {
                        assertThat(m.at("/display_content").asString()).isNotEqualTo(translated("ja", slow));
                    }
                }
                Thread.sleep(50);
            }
            JsonNode shown = readerSeesTranslated(p, id, fixed);
            assertThat(shown.at("/original_content").asString()).isEqualTo(fixed);
            // The pass that ended was still the first after posting (the first text's never settled), so
            // recipients waiting for their language are told once.
            assertThat(events.of(MessageTranslated.class)).filteredOn(t -> t.messageId().equals(id))
                    .filteredOn(MessageTranslated::firstPass).hasSize(1);
        } finally {
            TestTranslationServer.recover(slow);
        }
    }
}
