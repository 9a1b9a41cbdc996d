package com.rosettachat.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.translation.internal.MaskedText;
import com.rosettachat.translation.internal.PreparedText;
import com.rosettachat.translation.internal.ProtectedSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a protected span, and that masking and restoring gives back the exact bytes. */
class ProtectedSpansTest {

    private static List<String> spans(String text) {
        return ProtectedSpans.mask(text).spans();
    }

    @Test
    void codeBlocksAndInlineCodeKeepEveryCharacter() {
        String block = "```java\nif (a  <  b) {\n\treturn `x`;\n}\n```";
        assertThat(spans("Try this:\n" + block + "\nthanks")).containsExactly(block);
        assertThat(spans("run `git  status` and ``a`b`` now")).containsExactly("`git  status`", "``a`b``");
        // An unclosed fence runs to the end, as Markdown renders it.
        assertThat(spans("see ```\nnot closed\n  still code")).containsExactly("```\nnot closed\n  still code");
        assertThat(spans("a lone ` backtick")).isEmpty();
    }

    @Test
    void urlsStopAtSentencePunctuationAndCjkText() {
        assertThat(spans("Docs: https://example.com/a?b=1&c=%20x#frag.")).containsExactly("https://example.com/a?b=1&c=%20x#frag");
        assertThat(spans("(see https://en.wikipedia.org/wiki/Rosetta_(disambiguation)), ok"))
                .containsExactly("https://en.wikipedia.org/wiki/Rosetta_(disambiguation)");
        assertThat(spans("看这个https://x.io/a很好")).containsExactly("https://x.io/a");
        assertThat(spans("www.example.org, ftp://files.example.org/x.zip!")).containsExactly("www.example.org",
                "ftp://files.example.org/x.zip");
        assertThat(spans("awww.nothing and 3.5 and e.g. this")).isEmpty();
    }

    @Test
    void mentionsAndEmails() {
        assertThat(spans("<@42> and <@01ktvxyqmbcm7abv91483q1hfd>, mail bob.smith+tag@example.co.uk."))
                .containsExactly("<@42>", "<@01ktvxyqmbcm7abv91483q1hfd>", "bob.smith+tag@example.co.uk");
        assertThat(spans("a@b is not an address, <@> is not a mention")).isEmpty();
    }

    @Test
    void emojiSequencesAreOneSpanEach() {
        assertThat(spans("ok 👍🏽 family 👨‍👩‍👧‍👦 pride 🏳️‍🌈 flag 🇯🇵 key 1️⃣ love ❤️ scot 🏴󠁧󠁢󠁳󠁣󠁴󠁿 fire ❤️‍🔥"))
                .containsExactly("👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "1️⃣", "❤️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️‍🔥");
        // Adjacent emoji travel as one span: fewer tokens for a provider to lose.
        assertThat(spans("yay🎉🎉🥳!")).containsExactly("🎉🎉🥳");
        assertThat(spans("#1 and 10 people")).isEmpty();
    }

    @Test
    void textThatLooksLikeOurTokenIsProtectedToo() {
        MaskedText masked = ProtectedSpans.mask("literal ⟦1⟧ and <@7>");
        assertThat(masked.template()).isEqualTo("literal ⟦1⟧ and ⟦2⟧");
        assertThat(masked.spans()).containsExactly("⟦1⟧", "<@7>");
    }

    @Test
    void restoringGivesBackTheExactBytesInTheTranslatedOrder() {
        String text = "Ping <@42> 👩🏽‍💻: see https://x.io/p?q=1 or mail a@b.io, run `make  all`";
        MaskedText masked = ProtectedSpans.mask(text);
        assertThat(masked.template()).isEqualTo("Ping ⟦1⟧ ⟦2⟧: see ⟦3⟧ or mail ⟦4⟧, run ⟦5⟧");
        assertThat(masked.restore(masked.template())).contains(text);
        assertThat(masked.restore("⟦5⟧ を実行、⟦ 3 ⟧ か ⟦4⟧、⟦2⟧ ⟦1⟧"))
                .contains("`make  all` を実行、https://x.io/p?q=1 か a@b.io、👩🏽‍💻 <@42>");
    }

    @Test
    void aLostDuplicatedOrInventedTokenRestoresNothing() {
        MaskedText masked = ProtectedSpans.mask("see https://x.io and <@1>");
        assertThat(masked.restore("voir ⟦1⟧")).isEmpty();
        assertThat(masked.restore("voir ⟦1⟧ ⟦1⟧ ⟦2⟧")).isEmpty();
        assertThat(masked.restore("voir ⟦1⟧ ⟦2⟧ ⟦3⟧")).isEmpty();
        assertThat(masked.restore("voir ⟦2⟧ et ⟦1⟧")).contains("voir <@1> et https://x.io");
    }

    @Test
    void detectionReadsTheTextWithoutItsSpans() {
        assertThat(ProtectedSpans.strip("see https://x.io/abc now 👍")).isEqualTo("see   now  ");
    }

    @Test
    void normalisationTouchesTheWordsButNeverTheSpans() {
        PreparedText a = PreparedText.of("  Hello \t  world\r\n\r\nagain  \n```\n  keep   this\n```  ");
        assertThat(a.template()).isEqualTo("Hello world\n\nagain\n⟦1⟧");
        assertThat(a.masked().spans()).containsExactly("```\n  keep   this\n```");
        assertThat(a.segments()).containsExactly("Hello world", "", "again", "⟦1⟧");
        // NFC: a decomposed é is the same text as a composed one.
        assertThat(PreparedText.of("caf\u0065\u0301 time").hash()).isEqualTo(PreparedText.of("café  time").hash());
        assertThat(PreparedText.of("café time").hash()).hasSize(64).isNotEqualTo(PreparedText.of("cafe time").hash());
    }

    @Test
    void aTextOfOnlySpansHasNothingToTranslate() {
        assertThat(PreparedText.of("https://x.io 👍 <@4> `x` 12:30!").nothingToTranslate()).isTrue();
        assertThat(PreparedText.of("ok https://x.io").nothingToTranslate()).isFalse();
    }
}
