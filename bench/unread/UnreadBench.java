import com.rosettachat.RosettaChatApplication;
import com.rosettachat.shared.Ids;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /api/v1/workspaces/{w}/channels for a member of many channels with a long history: p50/p99
 * with read markers at varied positions, with everything read, and for a member who never read
 * anything (every message unread, the worst case). Runs the server in this JVM on the database
 * given by the spring.datasource.* properties (H2 file by default); users, channels, joins and
 * read markers go through the API, the history itself is inserted with batched SQL in the shape
 * the server writes (messages, and mention rows for the messages that mention the reader), which
 * takes seconds instead of the half hour 100,000 posts would. Run by bench/unread-channels.sh.
 */
public class UnreadBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        int channels = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHANNELS", "200"));
        int perChannel = Integer.parseInt(System.getenv().getOrDefault("BENCH_MESSAGES", "500"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "1000"));
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--rosetta.data-dir=" + Files.createTempDirectory("rosetta-bench-unread"),
                "--rosetta.rate-limit.api-per-minute=1000000000", "--rosetta.translation.provider=none"));
        props.addAll(Arrays.asList(args));
        ConfigurableApplicationContext app = SpringApplication.run(RosettaChatApplication.class, props.toArray(String[]::new));
        try {
            base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()
                    + " " + c.getMetaData().getDatabaseProductVersion());
            System.out.printf("== RosettaChat unread-count benchmark %s, %s, %d cores, load average %.1f, Java %s%n",
                    Instant.now(), database, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.version());
            run(jdbc, channels, perChannel, requests, database.startsWith("PostgreSQL"));
        } finally {
            app.close();
        }
    }

    static void run(JdbcTemplate jdbc, int channelCount, int perChannel, int requests, boolean postgres) throws Exception {
        long started = System.nanoTime();
        String owner = register("owner");
        String reader = register("reader");
        String idle = register("idle");
        JsonNode workspace = call("POST", "/api/v1/workspaces", owner, Map.of("name", "Bench")).at("/data");
        String ws = workspace.at("/id").asString();
        join(ws, owner, reader);
        join(ws, owner, idle);
        long ownerId = call("GET", "/api/v1/me", owner, null).at("/id").asLong();
        long readerId = call("GET", "/api/v1/me", reader, null).at("/id").asLong();
        long idleId = call("GET", "/api/v1/me", idle, null).at("/id").asLong();
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < channelCount; i++) {
            String id = call("POST", "/api/v1/workspaces/" + ws + "/channels", owner,
                    Map.of("name", "channel-" + i, "visibility", i % 4 == 0 ? "private" : "public")).at("/data/id").asString();
            channels.add(id);
            if (i % 4 == 0) {
                call("POST", "/api/v1/workspaces/" + ws + "/channels/" + id + "/members", owner, Map.of("user_id", readerId));
                call("POST", "/api/v1/workspaces/" + ws + "/channels/" + id + "/members", owner, Map.of("user_id", idleId));
            } else {
                call("POST", "/api/v1/workspaces/" + ws + "/channels/" + id + "/join", reader, Map.of());
            }
        }

        // The history, interleaved across channels as real traffic is: 10% thread replies, 5% by the
        // reader themselves, 3% of top-level messages mention the reader.
        Random random = new Random(42);
        List<List<String>> topLevel = new ArrayList<>();
        channels.forEach(c -> topLevel.add(new ArrayList<>()));
        int[] left = new int[channelCount];
        Arrays.fill(left, perChannel);
        int total = channelCount * perChannel;
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> mentions = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int n = 0; n < total; n++) {
            int c = random.nextInt(channelCount);
            while (left[c] == 0) {
                c = (c + 1) % channelCount;
            }
            left[c]--;
            String id = Ids.next();
            List<String> top = topLevel.get(c);
            String parent = !top.isEmpty() && random.nextInt(10) == 0 ? top.get(random.nextInt(top.size())) : null;
            long sender = random.nextInt(20) == 0 ? readerId : ownerId;
            boolean mention = parent == null && sender != readerId && random.nextInt(33) == 0;
            String text = (mention ? "<@" + readerId + "> " : "") + "Benchmark message " + n + " about the release plan";
            rows.add(new Object[] {id, ws, channels.get(c), parent, sender, text, now});
            if (parent == null) {
                top.add(id);
            }
            if (mention) {
                mentions.add(new Object[] {readerId, channels.get(c), id});
            }
        }
        jdbc.batchUpdate("""
                insert into messages (id, workspace_id, channel_id, parent_message_id, type, sender_type, sender_user_id,
                    content, original_language, translation_status, skip_translation, reply_count, created_at, first_pass_done)
                values (?, ?, ?, ?, 'text', 'user', ?, ?, 'en', 'skipped', false, 0, ?, true)""", rows);
        jdbc.batchUpdate("insert into message_mentions (user_id, scope_id, message_id) values (?, ?, ?)", mentions);
        jdbc.execute("analyze");

        // Markers: 40% of channels read to the end, 40% a few messages behind, 20% anywhere.
        long unreadAtMarkers = 0;
        for (int c = 0; c < channelCount; c++) {
            List<String> top = topLevel.get(c);
            int kind = random.nextInt(10);
            int position = kind < 4 ? top.size() - 1 : kind < 8 ? Math.max(0, top.size() - 1 - (1 + random.nextInt(20)))
                    : random.nextInt(top.size());
            call("POST", "/api/v1/workspaces/" + ws + "/channels/" + channels.get(c) + "/read", reader,
                    Map.of("message_id", top.get(position)));
            unreadAtMarkers += top.size() - 1 - position;
        }
        System.out.printf("seeded %d channels x %d messages (%d top-level after the markers) in %.1f s%n", channelCount,
                perChannel, unreadAtMarkers, (System.nanoTime() - started) / 1e9);

        String path = "/api/v1/workspaces/" + ws + "/channels";
        measure("markers at varied positions", path, reader, requests);
        measure("never read (all unread)", path, idle, requests);
        if (postgres) {
            // Autovacuum marks pages all-visible soon after a bulk of inserts; from then on PostgreSQL
            // counts from the index alone. Until then every unread message costs a heap visit.
            jdbc.execute("vacuum analyze messages");
            measure("varied, after vacuum", path, reader, requests);
            measure("never read, after vacuum", path, idle, requests);
        }
        for (int c = 0; c < channelCount; c++) {
            List<String> top = topLevel.get(c);
            call("POST", path + "/" + channels.get(c) + "/read", reader, Map.of("message_id", top.get(top.size() - 1)));
        }
        measure("everything read", path, reader, requests);
    }

    static void measure(String label, String path, String token, int requests) throws Exception {
        JsonNode first = call("GET", path, token, null).at("/data");
        long unread = 0;
        long mentioned = 0;
        for (JsonNode c : first) {
            unread += c.at("/unread_count").asLong();
            mentioned += c.at("/mention_count").asLong();
        }
        for (int i = 0; i < Math.min(300, requests); i++) {
            call("GET", path, token, null);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            call("GET", path, token, null);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-30s %3d channels, %6d unread, %4d mentions: p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                label, first.size(), unread, mentioned, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
    }

    static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String register(String who) throws Exception {
        String email = who + "-" + System.nanoTime() + "@bench.test";
        return call("POST", "/api/v1/auth/app/register", null, Map.of("name", who, "email", email,
                "password", "bench-password-1", "password_confirmation", "bench-password-1")).at("/access_token").asString();
    }

    static void join(String ws, String owner, String joiner) throws Exception {
        String token = call("POST", "/api/v1/workspaces/" + ws + "/invites", owner, null).at("/data/token").asString();
        call("POST", "/api/v1/invites/" + token + "/accept", joiner, null);
    }

    static JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }
}
