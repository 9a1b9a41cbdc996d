import com.github.f4b6a3.ulid.UlidCreator;
import com.rosettachat.RosettaChatApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search latency over a workspace of many messages in five languages: starts the server in this
 * JVM on an in-process PostgreSQL 17 (or an H2 file), signs up five members (one per language),
 * loads the messages and their translations straight into the message tables, lets the server's
 * own backfill index them, then times GET /workspaces/{id}/search over loopback. Run by
 * bench/search.sh; arguments: postgres|h2, number of messages, translations per message, queries.
 */
public class SearchBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    record Member(long id, String token, String language) {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "postgres";
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int translations = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        System.out.printf("== RosettaChat search benchmark %s: %s, %,d messages, %d translations each, %,d queries; "
                        + "%d cores, load average %.1f, Java %s%n", Instant.now(), database, messages, translations,
                queries, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version());
        Path data = Files.createTempDirectory("rosetta-search-bench");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (System.getenv("BENCH_EXPLAIN") != null) {
            // Plans of statements slower than BENCH_EXPLAIN milliseconds, in PostgreSQL's log (printed below).
            builder.setServerConfig("session_preload_libraries", "auto_explain")
                    .setServerConfig("auto_explain.log_min_duration", System.getenv("BENCH_EXPLAIN") + "ms")
                    .setServerConfig("auto_explain.log_analyze", "on").setServerConfig("auto_explain.log_buffers", "on")
                    .setServerConfig("logging_collector", "on").setServerConfig("log_directory", data.toString())
                    .setServerConfig("log_filename", "postgres.log");
        }
        if (System.getenv("BENCH_PG_DIR") != null) {
            // Keeps the loaded database for experiments (bench/README.md); a second run would load it twice.
            builder.setDataDirectory(System.getenv("BENCH_PG_DIR")).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = database.equals("postgres") ? builder.start() : null;
        String url = postgres != null ? postgres.getJdbcUrl("postgres", "postgres")
                : "jdbc:h2:file:" + data + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RosettaChatApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (postgres != null ? "postgres" : "sa"),
                "--spring.datasource.password=" + (postgres != null ? "postgres" : ""),
                "--rosetta.data-dir=" + data, "--rosetta.admin-emails=admin@bench.test",
                "--rosetta.translation.provider=none", "--rosetta.rate-limit.api-per-minute=100000000",
                "--rosetta.rate-limit.login-per-minute=1000", "--rosetta.security.bcrypt-rounds=4",
                "--logging.level.root=WARN", "--spring.jmx.enabled=false");
        try {
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            run(app, messages, translations, queries, postgres != null);
        } finally {
            app.close();
            if (postgres != null) {
                postgres.close();
            }
            if (Files.exists(data.resolve("postgres.log"))) {
                System.out.println(Files.readString(data.resolve("postgres.log")));
            }
        }
    }

    static void run(ConfigurableApplicationContext app, int count, int translations, int queries, boolean postgres)
            throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        List<Member> members = new ArrayList<>();
        Corpus corpus = new Corpus(42);
        if (jdbc.queryForObject("select count(*) from search_documents", Long.class) > 0) {
            // A database kept by BENCH_PG_DIR: measure again without loading.
            for (String language : Corpus.LANGUAGES) {
                JsonNode r = send("POST", "/api/v1/auth/app/login", null, Map.of("email", email(language), "password", PASSWORD));
                members.add(new Member(r.at("/user/id").asLong(), r.at("/access_token").asString(), language));
            }
            String workspace = jdbc.queryForObject("select max(workspace_id) from search_documents", String.class);
            List<String> channels = jdbc.queryForList("select id from channels where workspace_id = ? order by id",
                    String.class, workspace);
            measure(corpus, workspace, channels.subList(1, channels.size()), members, queries);
            return;
        }
        for (String language : Corpus.LANGUAGES) {
            members.add(member(language));
        }
        Member owner = members.get(0);
        String workspace = send("POST", "/api/v1/workspaces", owner.token(), Map.of("name", "Bench")).at("/data/id").asString();
        for (Member m : members.subList(1, members.size())) {
            String token = send("POST", "/api/v1/workspaces/" + workspace + "/invites", owner.token(), Map.of())
                    .at("/data/token").asString();
            send("POST", "/api/v1/invites/" + token + "/accept", m.token(), Map.of());
        }
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Two private channels: members outside them search past their messages.
            channels.add(send("POST", "/api/v1/workspaces/" + workspace + "/channels", owner.token(),
                    Map.of("name", "room-" + i, "visibility", i < 2 ? "private" : "public")).at("/data/id").asString());
        }
        long started = System.nanoTime();
        load(jdbc, corpus, workspace, channels, members, count, translations);
        System.out.printf("loaded %,d messages and %,d translations in %.1f s%n", count, (long) count * translations,
                (System.nanoTime() - started) / 1e9);

        started = System.nanoTime();
        jdbc.update("update search_backfill set completed_at = null, last_message_id = null");
        send("POST", "/api/v1/admin/search/reindex", admin(), Map.of());
        while (jdbc.queryForObject("select count(*) from search_backfill where completed_at is not null", Long.class) == 0) {
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long documents = jdbc.queryForObject("select count(*) from search_documents", Long.class);
        System.out.printf("indexed %,d documents in %.1f s (%,.0f messages/s)%n", documents, seconds, count / seconds);
        if (postgres) {
            jdbc.execute("vacuum analyze search_documents");
            System.out.println("index size: " + jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size("
                    + "'search_documents'))", String.class) + " table+indexes, GIN " + jdbc.queryForObject(
                    "select pg_size_pretty(pg_relation_size('search_documents_terms'))", String.class));
        } else {
            System.out.printf("term rows: %,d%n", jdbc.queryForObject("select count(*) from search_terms", Long.class));
        }
        measure(corpus, workspace, channels, members, queries);
    }

    static void load(JdbcTemplate jdbc, Corpus corpus, String workspace, List<String> channels, List<Member> members,
                     int count, int translations) {
        long start = Instant.now().minusSeconds(90L * 86_400).toEpochMilli();
        long step = 90L * 86_400_000 / count;
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> translated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Member sender = members.get(corpus.random().nextInt(members.size()));
            String language = corpus.random().nextInt(4) == 0 ? corpus.language() : sender.language();
            long at = start + i * step;
            String id = UlidCreator.getMonotonicUlid(at).toLowerCase();
            rows.add(new Object[] {id, workspace, channels.get(corpus.random().nextInt(channels.size())), sender.id(),
                    corpus.message(language), language, new Timestamp(at)});
            List<String> targets = new ArrayList<>(Corpus.LANGUAGES);
            targets.remove(language);
            Collections.shuffle(targets, corpus.random());
            for (String target : targets.subList(0, Math.min(translations, targets.size()))) {
                translated.add(new Object[] {id, target, corpus.message(target), new Timestamp(at)});
            }
            if (rows.size() == 1_000 || i == count - 1) {
                jdbc.batchUpdate("insert into messages (id, workspace_id, channel_id, type, sender_type, sender_user_id,"
                        + " content, original_language, translation_status, skip_translation, reply_count, created_at)"
                        + " values (?, ?, ?, 'text', 'user', ?, ?, ?, 'completed', false, 0, ?)", rows);
                jdbc.batchUpdate("insert into message_translations (message_id, language, content, created_at)"
                        + " values (?, ?, ?, ?)", translated);
                rows.clear();
                translated.clear();
            }
        }
    }

    static void measure(Corpus corpus, String workspace, List<String> channels, List<Member> members, int queries)
            throws Exception {
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        long hits = 0;
        for (int i = -300; i < queries; i++) {
            Member who = members.get(corpus.random().nextInt(members.size()));
            int kind = corpus.random().nextInt(100);
            String language = kind < 80 ? who.language() : corpus.language();
            String q = kind >= 98 ? corpus.commonest(language) : kind >= 95 ? "zzqx" + i : corpus.query(language);
            String category = kind >= 98 ? "commonest word" : kind >= 95 ? "no match" : kind >= 92 ? "GET /me"
                    : q.contains(" ") ? "2-3 words" : "1 word";
            // GET /me: the cost of any authenticated request here (token check, rate limit, JSON), for comparison.
            String path = category.equals("GET /me") ? "/api/v1/me"
                    : "/api/v1/workspaces/" + workspace + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + (corpus.random().nextInt(10) == 0 ? "&channel_id=" + channels.get(5) : "");
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + who.token()).build(), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1_000;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                latencies.computeIfAbsent(category, k -> new ArrayList<>()).add(micros);
                if (!category.equals("GET /me")) {
                    all.add(micros);
                    hits += JSON.readTree(r.body()).at("/data").size();
                }
            }
        }
        System.out.printf("%-16s %7s %8s %8s %8s %8s%n", "queries", "count", "p50 ms", "p90 ms", "p99 ms", "max ms");
        print("all searches", all);
        latencies.forEach(SearchBench::print);
        System.out.printf("average results per search: %.1f (limit 20)%n", hits / (double) all.size());
    }

    static void print(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%-16s %7d %8.1f %8.1f %8.1f %8.1f%n", name, sorted.size(), pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1)) / 1000.0;
    }

    static final String PASSWORD = "bench-password";

    static String email(String language) {
        return "bench-" + language.toLowerCase() + "@bench.test";
    }

    static Member member(String language) throws Exception {
        JsonNode r = send("POST", "/api/v1/auth/app/register", null, Map.of("name", "Bench " + language,
                "email", email(language), "password", PASSWORD, "password_confirmation", PASSWORD));
        String token = r.at("/access_token").asString();
        send("PATCH", "/api/v1/me", token, Map.of("preferred_language", language));
        return new Member(r.at("/user/id").asLong(), token, language);
    }

    static String admin() throws Exception {
        return send("POST", "/api/v1/auth/app/register", null, Map.of("name", "Admin", "email", "admin@bench.test",
                "password", PASSWORD, "password_confirmation", PASSWORD)).at("/access_token").asString();
    }

    static JsonNode send(String method, String path, String token, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
