import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chat-like text in the five languages, drawn from small vocabularies with a Zipf-like skew (a few
 * words are everywhere, most are rare), written as each language is: spaces in English and
 * Indonesian, none in Chinese, Japanese and Thai. Queries pick words the same way a person types
 * them: mostly content words, sometimes two or three.
 */
final class Corpus {

    static final List<String> LANGUAGES = List.of("en", "zh-CN", "ja", "th", "id");

    private static final String[] EN = ("the to and a of in is it you that for on we this be with are have not at "
            + "can will do so but if all about please review release deploy build test fix bug issue meeting "
            + "tomorrow today morning afternoon report customer server database login password account invoice "
            + "payment team project plan design update change feature branch merge commit pipeline docker cluster "
            + "node memory latency error warning crash restart backup restore migration schema index query cache "
            + "queue worker thread socket network proxy certificate domain email calendar schedule agenda notes "
            + "budget forecast revenue sales marketing launch campaign survey feedback roadmap sprint backlog "
            + "ticket estimate priority deadline holiday vacation office remote lunch coffee weekend monday friday "
            + "quarter board hiring interview offer contract legal privacy security audit policy compliance vendor "
            + "license upgrade version mobile android iphone browser tablet screen button layout color font logo "
            + "image video upload download share folder file document slide spreadsheet chart metric dashboard "
            + "alert incident outage postmortem oncall pager rollback hotfix staging production sandbox token").split(" ");
    private static final String[] ID = ("yang dan di ini itu untuk dengan tidak saya kamu kita ada akan sudah bisa "
            + "ke dari juga tolong besok hari pagi siang sore malam rapat laporan klien server basis data masuk kata "
            + "sandi akun tagihan pembayaran tim proyek rencana desain perubahan fitur cabang gabung uji perbaiki "
            + "masalah kirim email jadwal agenda catatan anggaran penjualan pemasaran peluncuran survei masukan "
            + "tiket perkiraan prioritas tenggat libur kantor makan siang kopi akhir pekan senin jumat dokumen "
            + "berkas folder unggah unduh bagikan layar tombol warna gambar video nasi goreng sate bakso teh "
            + "terima kasih selamat maaf cepat lambat penting segera nanti kemarin minggu bulan tahun").split(" ");
    private static final String[] TH = ("ประชุม พรุ่งนี้ วันนี้ ตอนเช้า ตอนบ่าย รายงาน ลูกค้า เซิร์ฟเวอร์ ฐานข้อมูล "
            + "รหัสผ่าน บัญชี ใบแจ้งหนี้ การชำระเงิน ทีม โครงการ แผน ออกแบบ อัปเดต เปลี่ยน ทดสอบ แก้ไข ปัญหา ส่ง "
            + "อีเมล ตาราง วาระ บันทึก งบประมาณ ยอดขาย การตลาด เปิดตัว แบบสำรวจ ความคิดเห็น ตั๋ว ลำดับ กำหนดส่ง "
            + "วันหยุด สำนักงาน อาหาร กาแฟ สุดสัปดาห์ เอกสาร ไฟล์ โฟลเดอร์ อัปโหลด ดาวน์โหลด หน้าจอ ปุ่ม สี รูปภาพ "
            + "วิดีโอ ขอบคุณ ครับ ค่ะ กรุณา ช่วย ด่วน สำคัญ เมื่อวาน สัปดาห์ เดือน ปี เรา คุณ ผม ฉัน ที่ และ ของ "
            + "ใน จะ ได้ ไม่ มี เป็น ให้ กับ แล้ว ภาษา ไทย โรงเรียน มหาวิทยาลัย").split(" ");
    /** Common Chinese characters; words are fixed pairs of them, as most Chinese words are. */
    private static final String ZH_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
            + "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
            + "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明"
            + "看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位"
            + "入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被"
            + "干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权";
    private static final String[] JA_PARTICLES = "は が を に で と の も から まで です ます でした ました ください".split(" ");
    private static final String[] JA_KATAKANA = ("プロジェクト ミーティング リリース レビュー サーバー データベース "
            + "パスワード アカウント チーム デザイン テスト バグ メール スケジュール レポート カスタマー ファイル "
            + "アップロード ダウンロード ボタン カラー ビデオ コーヒー ランチ オフィス スプリント チケット").split(" ");

    private final Random random;
    private final List<String> zhWords = new ArrayList<>();
    private final List<String> jaWords = new ArrayList<>();
    private final java.util.Map<Integer, double[]> zipf = new java.util.HashMap<>();

    Corpus(long seed) {
        random = new Random(seed);
        Random words = new Random(7);
        for (int i = 0; i < 600; i++) {
            zhWords.add("" + ZH_CHARS.charAt(words.nextInt(ZH_CHARS.length())) + ZH_CHARS.charAt(words.nextInt(ZH_CHARS.length())));
        }
        for (int i = 0; i < 300; i++) {
            jaWords.add(i % 3 == 0 ? JA_KATAKANA[words.nextInt(JA_KATAKANA.length)] : zhWords.get(words.nextInt(zhWords.size())));
        }
    }

    String message(String language) {
        int words = 4 + random.nextInt(17);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = word(language, true);
            switch (language) {
                case "en", "id" -> text.append(i == 0 ? "" : " ").append(word);
                case "ja" -> text.append(word).append(JA_PARTICLES[skewed(JA_PARTICLES.length)]);
                default -> text.append(word);
            }
            if (i % 7 == 6) {
                text.append(language.equals("en") || language.equals("id") ? "," : "、");
            }
        }
        return text.toString();
    }

    /** A query of one to three words in {@code language}, each a word a person would look for. */
    String query(String language) {
        int words = random.nextInt(10) < 6 ? 1 : random.nextInt(3) < 2 ? 2 : 3;
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < words; i++) {
            q.append(i == 0 ? "" : " ").append(word(language, false));
        }
        return q.toString();
    }

    /** The most frequent word of a language: the worst case, matching most of its texts. */
    String commonest(String language) {
        return vocabulary(language).get(0);
    }

    private String word(String language, boolean skew) {
        List<String> vocabulary = vocabulary(language);
        return vocabulary.get(skew ? skewed(vocabulary.size()) : random.nextInt(vocabulary.size()));
    }

    private List<String> vocabulary(String language) {
        return switch (language) {
            case "en" -> List.of(EN);
            case "id" -> List.of(ID);
            case "th" -> List.of(TH);
            case "zh-CN" -> zhWords;
            default -> jaWords;
        };
    }

    /** A Zipf-distributed index below {@code n} (exponent 1, as word frequencies in text roughly are). */
    private int skewed(int n) {
        double[] cdf = zipf.computeIfAbsent(n, size -> {
            double[] c = new double[size];
            double sum = 0;
            for (int k = 0; k < size; k++) {
                sum += 1.0 / (k + 1);
                c[k] = sum;
            }
            for (int k = 0; k < size; k++) {
                c[k] /= sum;
            }
            return c;
        });
        int at = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(n - 1, at < 0 ? -at - 1 : at);
    }

    String language() {
        return LANGUAGES.get(random.nextInt(LANGUAGES.size()));
    }

    Random random() {
        return random;
    }
}
