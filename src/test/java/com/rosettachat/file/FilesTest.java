package com.rosettachat.file;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class FilesTest extends ApiTest {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileService files;

    @Test
    void uploadReturnsTheFileShapeWithASniffedType() {
        Account account = register();
        Http.Response r = upload(account.token(), "holiday.txt", PNG);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder("id", "client_name", "mime_type",
                "size", "visibility", "meta", "claimed", "expires_at", "created_at");
        assertThat(r.text("/data/id")).matches("[0-9a-z]{26}");
        assertThat(r.text("/data/client_name")).isEqualTo("holiday.txt");
        assertThat(r.text("/data/mime_type")).isEqualTo("image/png");
        assertThat(r.json().at("/data/size").asLong()).isEqualTo(PNG.length);
        assertThat(r.text("/data/visibility")).isEqualTo("private");
        assertThat(r.json().at("/data/meta").isNull()).isTrue();
        assertThat(r.json().at("/data/claimed").asBoolean()).isFalse();
        assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
        OffsetDateTime expires = OffsetDateTime.parse(r.text("/data/expires_at"));
        assertThat(expires).isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusHours(23), OffsetDateTime.now(ZoneOffset.UTC).plusHours(25));

        Http.Response html = upload(account.token(), "innocent.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.text("/data/mime_type")).isEqualTo("text/html");
    }

    @Test
    void metaArrivesAsJsonStringOrBracketFields() {
        Account account = register();
        Http.Response json = upload(account.token(), "a.png", PNG, "meta", "{\"album\":\"trip\",\"n\":3}", "visibility", "public");
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.text("/data/meta/album")).isEqualTo("trip");
        assertThat(json.json().at("/data/meta/n").asInt()).isEqualTo(3);
        assertThat(json.text("/data/visibility")).isEqualTo("public");

        Http.Response fields = upload(account.token(), "b.png", PNG, "meta[album]", "trip", "meta[camera]", "x100");
        assertThat(fields.text("/data/meta/album")).isEqualTo("trip");
        assertThat(fields.text("/data/meta/camera")).isEqualTo("x100");

        assertInvalid(upload(account.token(), "c.png", PNG, "meta", "[1,2]"), "meta", "The meta field must be an object.");
        assertInvalid(upload(account.token(), "c.png", PNG, "meta", "{\"k\":\"" + "v".repeat(10_001) + "\"}"), "meta",
                "The meta field must not be greater than 10000 characters.");
        assertInvalid(upload(account.token(), "c.png", PNG, "visibility", "secret"), "visibility", "The selected visibility is invalid.");
    }

    @Test
    void uploadNeedsAFileAndASignedInUser() {
        Account account = register();
        Multipart noFile = new Multipart().field("visibility", "public");
        assertInvalid(http.post("/api/v1/files").token(account.token()).stream(noFile.contentType(), noFile.publisher()).send(),
                "file", "The file field is required.");
        Multipart stringFile = new Multipart().field("file", "not a file");
        assertInvalid(http.post("/api/v1/files").token(account.token()).stream(stringFile.contentType(), stringFile.publisher()).send(),
                "file", "The file field must be a file.");
        assertInvalid(http.post("/api/v1/files").token(account.token()).json("{}").send(), "file", "The file field is required.");
        assertError(upload(null, "a.png", PNG), 401, "Unauthenticated.");
    }

    @Test
    void aHostileClientNameIsOnlyEverDisplayed() {
        Account account = register();
        Http.Response r = upload(account.token(), "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("/data/client_name")).isEqualTo("passwd");
        Http.Response windows = upload(account.token(), "..\\..\\boot.ini", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(windows.text("/data/client_name")).isEqualTo("boot.ini");
        Http.Response dots = upload(account.token(), "..", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(dots.text("/data/client_name")).isEqualTo("file");
        Http.Response download = http.get("/api/v1/files/" + r.text("/data/id") + "/download").token(account.token()).send();
        assertThat(download.body()).isEqualTo("root:x:0:0");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''passwd");
    }

    @Test
    void ownersAndPublicReadersSeeAFileOthersDoNot() {
        Account owner = register();
        Account other = register();
        String privateId = upload(owner.token(), "p.png", PNG).text("/data/id");
        String publicId = upload(owner.token(), "q.png", PNG, "visibility", "public").text("/data/id");

        assertThat(http.get("/api/v1/files/" + privateId).token(owner.token()).send().status()).isEqualTo(200);
        assertError(http.get("/api/v1/files/" + privateId).token(other.token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/files/" + privateId + "/download").token(other.token()).send(), 404, "Not found.");
        assertThat(http.get("/api/v1/files/" + publicId).token(other.token()).send().status()).isEqualTo(200);
        assertThat(http.get("/api/v1/files/" + publicId + "/download").token(other.token()).send().status()).isEqualTo(200);
        assertError(http.get("/api/v1/files/" + publicId).send(), 401, "Unauthenticated.");
        assertError(http.get("/api/v1/files/not-a-ulid").token(owner.token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/files/01aaaaaaaaaaaaaaaaaaaaaaaa").token(owner.token()).send(), 404, "Not found.");
    }

    @Test
    void downloadStreamsWithHeadersAndRanges() {
        Account account = register();
        byte[] content = "0123456789".getBytes(StandardCharsets.UTF_8);
        String id = upload(account.token(), "数字 report.txt", content).text("/data/id");
        Http.Response full = http.get("/api/v1/files/" + id + "/download").token(account.token()).send();
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.body()).isEqualTo("0123456789");
        assertThat(full.header("Content-Type")).startsWith("text/plain");
        assertThat(full.header("Content-Length")).isEqualTo("10");
        assertThat(full.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(full.header("Content-Disposition"))
                .isEqualTo("attachment; filename*=UTF-8''%E6%95%B0%E5%AD%97%20report.txt");

        Http.Response part = http.get("/api/v1/files/" + id + "/download").token(account.token()).header("Range", "bytes=2-5").send();
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("2345");
        assertThat(part.header("Content-Range")).isEqualTo("bytes 2-5/10");

        Http.Response suffix = http.get("/api/v1/files/" + id + "/download").token(account.token()).header("Range", "bytes=-3").send();
        assertThat(suffix.body()).isEqualTo("789");
        Http.Response open = http.get("/api/v1/files/" + id + "/download").token(account.token()).header("Range", "bytes=8-").send();
        assertThat(open.body()).isEqualTo("89");

        Http.Response beyond = http.get("/api/v1/files/" + id + "/download").token(account.token()).header("Range", "bytes=50-60").send();
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */10");
    }

    @Test
    void deleteIsForTheOwnerAndRemovesTheFile() {
        Account owner = register();
        Account other = register();
        String privateId = upload(owner.token(), "p.png", PNG).text("/data/id");
        String publicId = upload(owner.token(), "q.png", PNG, "visibility", "public").text("/data/id");

        assertError(http.delete("/api/v1/files/" + privateId).token(other.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/files/" + publicId).token(other.token()).send(), 403, "This action is unauthorized.");
        Http.Response deleted = http.delete("/api/v1/files/" + privateId).token(owner.token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertError(http.get("/api/v1/files/" + privateId).token(owner.token()).send(), 404, "Not found.");
        assertError(http.get("/api/v1/files/" + privateId + "/download").token(owner.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/files/" + privateId).token(owner.token()).send(), 404, "Not found.");
    }

    @Test
    void myFilesFiltersSortsAndPages() {
        Account account = register();
        String small = upload(account.token(), "Invoice-small.txt", "ab".getBytes(StandardCharsets.UTF_8), "visibility", "public").text("/data/id");
        String big = upload(account.token(), "invoice-big.txt", "abcdefgh".getBytes(StandardCharsets.UTF_8)).text("/data/id");
        upload(account.token(), "photo.png", PNG);
        upload(register().token(), "invoice-not-mine.txt", PNG);

        Http.Response claimed = http.get("/api/v1/me/files").token(account.token()).send();
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().at("/data").size()).as("only claimed files by default").isZero();
        assertThat(claimed.json().propertyNames()).containsExactlyInAnyOrder("data", "links", "meta");

        Http.Response pending = http.get("/api/v1/me/files?claimed=false").token(account.token()).send();
        assertThat(pending.json().at("/meta/total").asInt()).isEqualTo(3);
        assertThat(pending.text("/data/0/client_name")).isEqualTo("photo.png");

        Http.Response invoices = http.get("/api/v1/me/files?claimed=false&q=INVOICE&sort=-size").token(account.token()).send();
        assertThat(invoices.json().at("/data").size()).isEqualTo(2);
        assertThat(invoices.text("/data/0/id")).isEqualTo(big);
        assertThat(invoices.text("/data/1/id")).isEqualTo(small);
        Http.Response ascending = http.get("/api/v1/me/files?claimed=false&q=invoice&sort=size").token(account.token()).send();
        assertThat(ascending.text("/data/0/id")).isEqualTo(small);

        Http.Response publicOnly = http.get("/api/v1/me/files?claimed=false&visibility=public").token(account.token()).send();
        assertThat(publicOnly.json().at("/data").size()).isEqualTo(1);
        assertThat(publicOnly.text("/data/0/id")).isEqualTo(small);

        Http.Response paged = http.get("/api/v1/me/files?claimed=false&per_page=2&page=2&sort=created_at").token(account.token()).send();
        assertThat(paged.json().at("/data").size()).isEqualTo(1);
        assertThat(paged.json().at("/meta/current_page").asInt()).isEqualTo(2);
        assertThat(paged.json().at("/meta/last_page").asInt()).isEqualTo(2);

        Http.Response wildcard = http.get("/api/v1/me/files?claimed=false&q=%25").token(account.token()).send();
        assertThat(wildcard.json().at("/data").size()).isZero();
    }

    @Test
    void myFilesValidatesItsParameters() {
        Account account = register();
        assertInvalid(http.get("/api/v1/me/files?sort=name").token(account.token()).send(), "sort", "The selected sort is invalid.");
        assertInvalid(http.get("/api/v1/me/files?visibility=hidden").token(account.token()).send(), "visibility", "The selected visibility is invalid.");
        assertInvalid(http.get("/api/v1/me/files?claimed=maybe").token(account.token()).send(), "claimed", "The claimed field must be true or false.");
        assertInvalid(http.get("/api/v1/me/files?q=" + "x".repeat(256)).token(account.token()).send(), "q", "The q field must not be greater than 255 characters.");
        assertInvalid(http.get("/api/v1/me/files?per_page=101").token(account.token()).send(), "per_page", "The per page field must not be greater than 100.");
        assertInvalid(http.get("/api/v1/me/files?page=0").token(account.token()).send(), "page", "The page field must be at least 1.");
        assertError(http.get("/api/v1/me/files").send(), 401, "Unauthenticated.");
    }

    @Test
    void expiredUploadsDisappearAndTheCleanupRemovesThem() {
        Account account = register();
        String id = upload(account.token(), "old.png", PNG).text("/data/id");
        assertThat(http.get("/api/v1/files/" + id).token(account.token()).send().status()).isEqualTo(200);
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        assertError(http.get("/api/v1/files/" + id).token(account.token()).send(), 404, "Not found.");
        assertThat(files.cleanupExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from files where id = :id").param("id", id).query(Long.class).single()).isZero();
    }

    @Test
    void a100MegabyteUploadIsStreamedAndTheLimitRefusesMore() throws Exception {
        Account account = register();
        long size = 100L * 1024 * 1024;
        Multipart body = new Multipart().file("file", "big.bin", "application/octet-stream", () -> Multipart.generated(size, 7));
        Http.Response r = http.post("/api/v1/files").token(account.token()).stream(body.contentType(), body.publisher()).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data/size").asLong()).isEqualTo(size);

        Http.Response tail = http.get("/api/v1/files/" + r.text("/data/id") + "/download").token(account.token())
                .header("Range", "bytes=" + (size - 16) + "-").send();
        assertThat(tail.status()).isEqualTo(206);
        var generated = Multipart.generated(size, 7);
        generated.skipNBytes(size - 16);
        assertThat(tail.bytes()).isEqualTo(generated.readAllBytes());

        Multipart tooBig = new Multipart().file("file", "huge.bin", "application/octet-stream",
                () -> Multipart.generated(102L * 1024 * 1024, 9));
        Http.Response refused = http.post("/api/v1/files").token(account.token()).stream(tooBig.contentType(), tooBig.publisher()).send();
        assertError(refused, 413, "The file is too large.");
    }
}
