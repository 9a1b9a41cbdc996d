import com.rosettachat.translation.LanguageDetector;
import com.rosettachat.translation.TranslationResult;
import com.rosettachat.translation.internal.DefaultTranslationEngine;
import com.rosettachat.translation.internal.LinguaLanguageDetector;
import com.rosettachat.translation.internal.TranslationMemory;
import com.rosettachat.translation.internal.TranslationMetrics;
import com.rosettachat.translation.internal.provider.LibreTranslateProvider;
import com.rosettachat.translation.internal.provider.ProviderHttp;
import com.rosettachat.translation.internal.provider.Sleeper;
import com.rosettachat.translation.internal.provider.TranslationProvider;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Language detection latency per chat message (both Lingua modes, with their heap cost and whether
 * they agree), and the translation engine's own time per message with the provider's time taken
 * out: masking, normalising, hashing, the memory lookup and insert on the embedded H2 file
 * database, placeholder checks and restoring. The provider is a LibreTranslate stub on loopback.
 * Run by bench/translation-engine.sh.
 */
public class TranslationBench {

    /** CPU time of the measuring thread: unlike wall time, it does not count waiting for a core the machine's other work holds. */
    static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static final List<String> CHAT = List.of(
            "Can you review my pull request before lunch?",
            "The deploy failed again, I'm looking into it now",
            "I will send the report tomorrow morning, sorry for the delay",
            "Hi team, standup moves to 10 today because of the all-hands",
            "lol ok",
            "thanks!",
            "Nanti sore kita rapat di ruang meeting lantai tiga ya",
            "Saya sudah kirim laporannya ke email kamu kemarin",
            "Tolong cek lagi datanya sebelum dikirim ke klien",
            "Apakah kamu bisa datang besok pagi?",
            "今日の会議は三時からです",
            "明日までに資料を送ってください、よろしくお願いします",
            "了解しました、確認します",
            "今日のmeetingは中止です",
            "我们明天下午三点开会",
            "这个问题我已经修好了，请再测试一下",
            "好的",
            "พรุ่งนี้เราจะประชุมกันตอนบ่ายสามโมง",
            "ขอบคุณมากครับสำหรับความช่วยเหลือ",
            "ช่วยส่งไฟล์ให้หน่อยนะคะ",
            "Please review https://github.com/acme/app/pull/1234 before the release 🙏",
            "<@42> can you check `mvn verify` on main? It fails on CI since yesterday",
            "Tolong cek https://jira.example.com/browse/OPS-77 dan kabari <@17> ya 👍🏽",
            "会議のリンクはこちら https://meet.example.com/abc-defg-hij です",
            "请把日志发到 ops@example.com，谢谢",
            "Meeting at 3pm, 会議室で",
            "Here is the stack trace:\n```\njava.lang.IllegalStateException: boom\n\tat com.acme.Main.run(Main.java:42)\n```\nany idea?",
            "Good morning everyone! Today's agenda: 1) release notes 2) incident review 3) hiring update. "
                    + "Please add your items to the doc before 11, and ping me if you cannot make it.");

    public static void main(String[] args) throws Exception {
        System.out.printf("== RosettaChat translation benchmark %s, %d cores, load average %.1f, Java %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.version());
        Map<String, String> low = detection(true);
        Map<String, String> high = detection(false);
        long agree = CHAT.stream().filter(t -> low.get(t).equals(high.get(t))).count();
        System.out.printf("low vs high accuracy: same language for %d of %d messages%n", agree, CHAT.size());
        CHAT.stream().filter(t -> !low.get(t).equals(high.get(t)))
                .forEach(t -> System.out.printf("  differs: %s -> low %s, high %s%n", t, low.get(t), high.get(t)));
        engine();
    }

    /** Build cost, heap cost and per-message latency of one detector mode; returns its answers. */
    static Map<String, String> detection(boolean lowAccuracy) {
        long heapBefore = usedHeapAfterGc();
        long t0 = System.nanoTime();
        LanguageDetector detector = new LinguaLanguageDetector(lowAccuracy);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        long heapMb = (usedHeapAfterGc() - heapBefore) >> 20;
        for (int i = 0; i < 20_000; i++) {
            detector.detect(CHAT.get(i % CHAT.size()), "en");
        }
        long[] times = new long[100_000];
        long[] cpu = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            String text = CHAT.get(i % CHAT.size());
            long startCpu = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            detector.detect(text, "en");
            times[i] = System.nanoTime() - start;
            cpu[i] = CPU.getCurrentThreadCpuTime() - startCpu;
        }
        System.out.printf("detection (%s accuracy): built in %d ms, +%d MB heap; per message%n  wall %s%n  cpu  %s%n",
                lowAccuracy ? "low" : "high", buildMs, heapMb, percentiles(times), percentiles(cpu));
        Map<String, String> answers = new java.util.HashMap<>();
        CHAT.forEach(t -> answers.put(t, detector.detect(t, "en")));
        return answers;
    }

    static void engine() throws Exception {
        HttpServer stub = libreTranslateStub();
        Path dir = Files.createTempDirectory("rosetta-bench");
        try {
            // The server's embedded default: an H2 file database behind a Hikari pool.
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            dataSource.setUsername("sa");
            JdbcClient jdbc = JdbcClient.create(dataSource);
            jdbc.sql(Files.readString(Path.of("src/main/resources/db/migration/V6_1__translation_memory.sql"))).update();
            prefill(dataSource, 50_000);

            CircuitBreaker breaker = CircuitBreaker.ofDefaults("bench");
            TranslationMetrics metrics = new TranslationMetrics(new SimpleMeterRegistry(), "libretranslate", breaker, () -> 0);
            ProviderHttp http = new ProviderHttp(new ProviderHttp.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 3,
                    Duration.ofMillis(500), Duration.ofSeconds(10)), breaker, metrics, Clock.systemUTC(), Sleeper.REAL);
            TimedProvider provider = new TimedProvider(new LibreTranslateProvider(
                    "http://127.0.0.1:" + stub.getAddress().getPort(), "", http, Clock.systemUTC()));
            DefaultTranslationEngine engine = new DefaultTranslationEngine(provider, new TranslationMemory(jdbc), metrics,
                    breaker, () -> 0, Clock.systemUTC());
            Set<String> targets = Set.of("zh-CN", "ja", "th", "id");

            int n = 2_000;
            long[] missOverhead = new long[n];
            long[] missCpu = new long[n];
            long[] providerTime = new long[n];
            for (int i = -300; i < n; i++) { // the first 300 warm the JIT
                String text = CHAT.get(Math.floorMod(i, CHAT.size())) + " #" + i + "x" + System.nanoTime();
                provider.elapsed.set(0);
                provider.cpu.set(0);
                long startCpu = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                check(engine.translate(text, "en", targets));
                long total = System.nanoTime() - start;
                long totalCpu = CPU.getCurrentThreadCpuTime() - startCpu;
                if (i >= 0) {
                    providerTime[i] = provider.elapsed.get();
                    missOverhead[i] = total - provider.elapsed.get();
                    missCpu[i] = totalCpu - provider.cpu.get();
                }
            }
            long[] hitTotal = new long[n];
            long[] hitCpu = new long[n];
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = CHAT.get(i % CHAT.size()) + " seen" + i;
                engine.translate(text, "en", targets);
                seen.add(text);
            }
            for (int i = -300; i < n; i++) {
                long startCpu = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                check(engine.translate(seen.get(Math.floorMod(i, seen.size())), "en", targets));
                if (i >= 0) {
                    hitTotal[i] = System.nanoTime() - start;
                    hitCpu[i] = CPU.getCurrentThreadCpuTime() - startCpu;
                }
            }
            System.out.printf("engine, 4 targets, new text (memory miss), own time without the provider:%n  wall %s%n  cpu  %s%n",
                    percentiles(missOverhead), percentiles(missCpu));
            System.out.printf("  for reference, the loopback stub provider itself (4 HTTP calls): wall %s%n", percentiles(providerTime));
            System.out.printf("engine, 4 targets, repeated text (memory hit, no provider call):%n  wall %s%n  cpu  %s%n",
                    percentiles(hitTotal), percentiles(hitCpu));
            System.out.printf("provider calls %d, memory hit rate %.2f (over a table of %d rows)%n",
                    engine.stats().providerCalls(), engine.stats().memoryHitRate(),
                    jdbc.sql("select count(*) from translation_memory").query(Long.class).single());
            dataSource.close();
        } finally {
            stub.stop(0);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void check(Map<String, TranslationResult> results) {
        if (!results.values().stream().allMatch(TranslationResult::translated)) {
            throw new IllegalStateException("not translated: " + results);
        }
    }

    /** Memory rows of other texts, so lookups run against a table of realistic size. */
    static void prefill(javax.sql.DataSource dataSource, int rows) {
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[] {String.format("%064x", i)});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate(
                "insert into translation_memory (text_hash, source_language, target_language, translated_text, provider, created_at) values (?, 'en', 'ja', 'x', 'bench', current_timestamp)", batch);
    }

    /** A LibreTranslate that answers each q with itself, prefixed by the target. */
    static HttpServer libreTranslateStub() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/languages", exchange -> {
            byte[] body = ("[" + String.join(",", List.of("en", "zh", "ja", "th", "id").stream()
                    .map(c -> "{\"code\":\"" + c + "\",\"name\":\"" + c + "\",\"targets\":[\"en\",\"zh\",\"ja\",\"th\",\"id\"]}")
                    .toList()) + "]").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/translate", exchange -> {
            JsonNode request = ProviderHttp.JSON.readTree(exchange.getRequestBody().readAllBytes());
            String target = request.path("target").asString();
            Object out;
            if (request.path("q").isArray()) {
                List<String> texts = new ArrayList<>();
                request.path("q").forEach(q -> texts.add("[" + target + "] " + q.asString()));
                out = texts;
            } else {
                out = "[" + target + "] " + request.path("q").asString();
            }
            byte[] body = ProviderHttp.JSON.writeValueAsBytes(Map.of("translatedText", out));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Adds up the time spent inside the provider, HTTP included, so it can be taken out. */
    static final class TimedProvider implements TranslationProvider {
        final TranslationProvider delegate;
        final AtomicLong elapsed = new AtomicLong();
        final AtomicLong cpu = new AtomicLong();

        TimedProvider(TranslationProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Limits limits() {
            return delegate.limits();
        }

        @Override
        public Map<String, List<TranslationResult>> translate(List<String> texts, String source, Set<String> targets) {
            long startCpu = CPU.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try {
                return delegate.translate(texts, source, targets);
            } finally {
                elapsed.addAndGet(System.nanoTime() - start);
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - startCpu);
            }
        }
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %s, p90 %s, p99 %s, max %s", us(sorted[sorted.length / 2]),
                us(sorted[(int) (sorted.length * 0.9)]), us(sorted[(int) (sorted.length * 0.99)]), us(sorted[sorted.length - 1]));
    }

    static String us(long nanos) {
        return nanos >= 1_000_000 ? String.format("%.2f ms", nanos / 1e6) : String.format("%d µs", nanos / 1000);
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
