package com.rosettachat.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.translation.internal.LinguaLanguageDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chat-length sentences per language, and the short or mixed texts that fall back to the sender's language. */
class LanguageDetectionTest {

    private static final LanguageDetector DETECTOR = new LinguaLanguageDetector(true);

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Can you review my pull request before lunch?                  | en
            The deploy failed again, I'm looking into it now              | en
            I will send the report tomorrow morning                       | en
            Hi team, good morning! Standup moves to 10 today              | en
            Nanti sore kita rapat di ruang meeting lantai tiga ya         | id
            Saya sudah kirim laporannya ke email kamu kemarin             | id
            Tolong cek lagi datanya sebelum dikirim ke klien              | id
            Apakah kamu bisa datang besok pagi?                           | id
            Selamat pagi semua, jangan lupa makan siang                   | id
            今日の会議は三時からです                                          | ja
            明日までに資料を送ってください                                     | ja
            了解しました、確認します                                          | ja
            今日のmeetingは中止です                                          | ja
            カレンダーを更新しました                                          | ja
            我们明天下午三点开会                                              | zh-CN
            这个问题我已经修好了，请再测试一下                                   | zh-CN
            我已经把文件发给你了                                              | zh-CN
            พรุ่งนี้เราจะประชุมกันตอนบ่ายสามโมง                                    | th
            ขอบคุณมากครับสำหรับความช่วยเหลือ                                    | th
            ช่วยส่งไฟล์ให้หน่อยนะคะ                                               | th
            """)
    void chatSentences(String text, String language) {
        // The fallback is deliberately another language: the detector, not the fallback, must decide.
        String fallback = language.equals("ja") ? "zh-CN" : "ja";
        assertThat(DETECTOR.detect(text, fallback)).isEqualTo(language);
    }

    @Test
    void plainHanIsChineseEvenFromAJapaneseSender() {
        assertThat(DETECTOR.detect("我们明天下午三点开会", "ja")).isEqualTo("zh-CN");
        // With kana it is Japanese whatever the sender's language.
        assertThat(DETECTOR.detect("会議は明日です", "zh-CN")).isEqualTo("ja");
    }

    @Test
    void shortHanIsTheSendersWhenTheyWriteJapanese() {
        assertThat(DETECTOR.detect("了解", "ja")).isEqualTo("ja");
        assertThat(DETECTOR.detect("会議室", "ja")).isEqualTo("ja");
        assertThat(DETECTOR.detect("好的", "en")).isEqualTo("zh-CN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ok
            lol
            thanks!
            +1
            12:30
            https://example.com/some/long/english/looking/path
            <@42> `npm install --save-dev typescript`
            👍🏽🎉
            Meeting at 3pm, 会議室で
            안녕하세요 여러분
            Привет, как дела?
            """)
    void shortMixedOrForeignTextsAreTheSendersLanguage(String text) {
        assertThat(DETECTOR.detect(text, "th")).isEqualTo("th");
        assertThat(DETECTOR.detect(text, "id")).isEqualTo("id");
    }

    @Test
    void protectedSpansDoNotCountAsWords() {
        // Without its link and code this is a short Indonesian sentence, not English.
        assertThat(DETECTOR.detect("Tolong cek https://github.com/acme/pull/12 dan `mvn verify` sebelum dikirim", "en"))
                .isEqualTo("id");
    }

    @Test
    void anUnsupportedFallbackBecomesEnglish() {
        assertThat(DETECTOR.detect("ok", "fr")).isEqualTo("en");
        assertThat(DETECTOR.detect(null, null)).isEqualTo("en");
    }
}
