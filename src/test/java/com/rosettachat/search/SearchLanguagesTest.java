package com.rosettachat.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestTranslationServer;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Words found in every supported language — inside Chinese, Japanese and Thai sentences, which
 * have no spaces for a whitespace tokenizer to split on — and across languages through the
 * reader's stored translation; ranking and highlighting.
 */
class SearchLanguagesTest extends ApiTest {

    private Searching search;
    private Account owner;
    private Space space;

    @BeforeEach
    void workspace() {
        search = new Searching(http);
        owner = register();
        space = Workspaces.create(http, owner);
    }

    private String post(Account who, String text) {
        return search.post(who, space.id(), space.generalChannelId(), text);
    }

    private Account member(String language) {
        Account member = register();
        search.speaks(member, language);
        Workspaces.join(http, owner, space, member);
        return member;
    }

    @Test
    void aChineseWordInsideASentenceIsFoundAndTheResultIsTheMessageShapeWithAHighlight() {
        Account writer = member("zh-CN");
        String id = post(writer, "明天的会议很重要，请大家准时参加");

        JsonNode hit = search.awaitHit(writer, space.id(), id, "q", "会议");
        assertThat(hit.propertyNames()).containsExactlyInAnyOrder("id", "workspace_id", "channel_id", "conversation_id",
                "parent_message_id", "type", "sender", "original_content", "original_language", "display_content",
                "display_language", "display_source", "translation_status", "attachments", "reactions", "reply_count",
                "pinned_at", "pinned_by", "edited_at", "deleted_at", "created_at", "highlight", "highlight_source", "highlight_language");
        assertThat(hit.at("/workspace_id").asString()).isEqualTo(space.id());
        assertThat(hit.at("/channel_id").asString()).isEqualTo(space.generalChannelId());
        assertThat(hit.at("/sender/id").asLong()).isEqualTo(writer.id());
        assertThat(hit.at("/original_content").asString()).isEqualTo("明天的会议很重要，请大家准时参加");
        assertThat(hit.at("/original_language").asString()).isEqualTo("zh-CN");
        assertThat(hit.at("/highlight").asString()).isEqualTo("明天的<mark>会议</mark>很重要，请大家准时参加");
        assertThat(hit.at("/highlight_source").asString()).isEqualTo("original");
        assertThat(hit.at("/highlight_language").asString()).isEqualTo("zh-CN");

        Http.Response page = search.search(writer, space.id(), "q", "会议");
        assertThat(page.json().at("/meta").propertyNames()).containsExactlyInAnyOrder("next_cursor", "has_more");
        assertThat(page.json().at("/meta/has_more").asBoolean()).isFalse();
        assertThat(page.json().at("/meta/next_cursor").isNull()).isTrue();
        // Two characters that never stand together in the sentence, and a word it does not hold.
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "会要"))).isEmpty();
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "会谈"))).isEmpty();
        // A single character is a word too.
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "议"))).containsExactly(id);
    }

    @Test
    void aJapaneseWordInsideKanaAndKanjiTextIsFound() {
        Account writer = member("ja");
        String id = post(writer, "東京で新しいプロジェクトの会議があります。よろしくお願いします");

        JsonNode katakana = search.awaitHit(writer, space.id(), id, "q", "プロジェクト");
        assertThat(katakana.at("/original_language").asString()).isEqualTo("ja");
        assertThat(katakana.at("/highlight").asString())
                .isEqualTo("東京で新しい<mark>プロジェクト</mark>の会議があります。よろしくお願いします");
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "会議"))).containsExactly(id);
        // Half-width katakana is folded to full-width.
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "ﾌﾟﾛｼﾞｪｸﾄ"))).containsExactly(id);
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "大阪"))).isEmpty();
    }

    @Test
    void aThaiWordInsideAThaiSentenceIsFound() {
        Account writer = member("th");
        String id = post(writer, "พรุ่งนี้เราจะประชุมเรื่องงบประมาณตอนเช้า");

        JsonNode hit = search.awaitHit(writer, space.id(), id, "q", "ประชุม");
        assertThat(hit.at("/original_language").asString()).isEqualTo("th");
        assertThat(hit.at("/highlight").asString()).isEqualTo("พรุ่งนี้เราจะ<mark>ประชุม</mark>เรื่องงบประมาณตอนเช้า");
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "งบประมาณ"))).containsExactly(id);
        assertThat(Searching.ids(search.search(writer, space.id(), "q", "โรงเรียน"))).isEmpty();
    }

    @Test
    void englishAndIndonesianWordsMatchInAnyOrderAndCaseAndEveryWordMustMatch() {
        Account writer = member("id");
        String indonesian = post(writer, "Saya suka makan nasi goreng setiap pagi");
        String english = post(owner, "Deploying the NEW release today");

        assertThat(search.awaitHit(writer, space.id(), indonesian, "q", "GORENG nasi").at("/highlight").asString())
                .isEqualTo("Saya suka makan <mark>nasi</mark> <mark>goreng</mark> setiap pagi");
        assertThat(search.awaitHit(owner, space.id(), english, "q", "Release").at("/highlight").asString())
                .isEqualTo("Deploying the NEW <mark>release</mark> today");
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "release tomorrow"))).isEmpty();
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "releases"))).isEmpty();
    }

    @Test
    void aJapaneseReaderFindsAnEnglishMessageByTheJapaneseWordsOfItsTranslation() {
        Account reader = member("ja");
        String text = "The release is ready for review " + System.nanoTime();
        String japanese = "リリースのレビューの準備ができました";
        TestTranslationServer.answer(text, "ja", japanese);
        String id = post(owner, text);

        JsonNode hit = search.awaitHit(reader, space.id(), id, "q", "準備");
        assertThat(hit.at("/display_content").asString()).isEqualTo(japanese);
        assertThat(hit.at("/display_source").asString()).isEqualTo("translated");
        assertThat(hit.at("/original_content").asString()).isEqualTo(text);
        assertThat(hit.at("/highlight").asString()).isEqualTo("リリースのレビューの<mark>準備</mark>ができました");
        assertThat(hit.at("/highlight_source").asString()).isEqualTo("translated");
        assertThat(hit.at("/highlight_language").asString()).isEqualTo("ja");
        // The reader also finds it by its original words; the English writer does not search Japanese.
        assertThat(search.awaitHit(reader, space.id(), id, "q", "review").at("/highlight_source").asString())
                .isEqualTo("original");
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "準備"))).isEmpty();
        // Words of the original and of the translation never combine into one match.
        assertThat(Searching.ids(search.search(reader, space.id(), "q", "準備 review"))).isEmpty();
    }

    @Test
    void moreOccurrencesRankHigherAndTiesGoToTheNewest() {
        String once = post(owner, "deploy the service");
        String thrice = post(owner, "deploy, deploy and deploy again");
        String twice = post(owner, "deploy now and deploy later");
        String onceNewer = post(owner, "please deploy");
        post(owner, "nothing to see here");

        Http.Response page = search.await(owner, space.id(), r -> Searching.ids(r).size() == 4, "q", "deploy");
        assertThat(Searching.ids(page)).containsExactly(thrice, twice, onceNewer, once);
        assertThat(page.json().at("/data/0/highlight").asString())
                .isEqualTo("<mark>deploy</mark>, <mark>deploy</mark> and <mark>deploy</mark> again");
    }

    @Test
    void theHighlightEscapesEverythingButTheMarks() {
        String id = post(owner, "<b>launch</b> & \"launch\" isn't 'late'");
        assertThat(search.awaitHit(owner, space.id(), id, "q", "launch").at("/highlight").asString())
                .isEqualTo("&lt;b&gt;<mark>launch</mark>&lt;/b&gt; &amp; &quot;<mark>launch</mark>&quot; isn&#39;t &#39;late&#39;");
        assertThat(search.awaitHit(owner, space.id(), id, "q", "isn't").at("/highlight").asString())
                .contains("<mark>isn&#39;t</mark>");
    }

    @Test
    void aQueryOfOnlyPunctuationOrSyntaxFindsNothingAndNeverFails() {
        String id = post(owner, "quotes ' and backslashes \\ and colons: it's (fine) | ok & done!");
        search.awaitHit(owner, space.id(), id, "q", "fine");
        for (String q : List.of("& | ! ( ) : * '", "'", "\\", "!!!", "fine & ok", "fine | nope", "!fine", "(fine)",
                "fine:*", "fine:A", "it's", "'fine'", "fine\\", "''''", "\\'", "<->", "fine <-> ok", "%_", "fine\u0000")) {
            Http.Response r = search.search(owner, space.id(), "q", q);
            assertThat(r.status()).as(q + " -> " + r).isEqualTo(200);
        }
        // NUL characters are dropped from every input: nothing but NULs is no query at all.
        assertThat(search.search(owner, space.id(), "q", "\u0000").status()).isEqualTo(422);
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "& | ! ( ) : * '"))).isEmpty();
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "fine & ok"))).containsExactly(id);
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "(fine)"))).containsExactly(id);
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "it's"))).containsExactly(id);
        assertThat(Searching.ids(search.search(owner, space.id(), "q", "fine | nope"))).isEmpty();
    }
}
