package com.rosettachat.message;

import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.Workspaces;
import com.rosettachat.support.Workspaces.Space;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageAttachmentsTest extends ApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    private String upload(Account who, String name, byte[] bytes) {
        Http.Response r = upload(who.token(), name, bytes);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/data/id");
    }

    private Http.Response post(Account who, Space space, Map<String, ?> body) {
        return http.post("/api/v1/workspaces/" + space.id() + "/channels/" + space.generalChannelId() + "/messages")
                .token(who.token()).json(body).send();
    }

    @Test
    void attachingClaimsTheFileAndEveryReaderCanDownloadIt() {
        Account owner = register();
        Account member = register();
        Account stranger = register();
        Space space = Workspaces.create(http, owner);
        Workspaces.join(http, owner, space, member);
        byte[] text = "quarterly numbers\n".getBytes(StandardCharsets.UTF_8);
        String png = upload(owner, "chart.png", PNG);
        String txt = upload(owner, "notes ü.txt", text);

        Http.Response r = post(owner, space, Map.of("attachment_ids", List.of(png, txt.toUpperCase())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/data/original_content")).isEmpty();
        assertThat(r.json().at("/data/attachments").size()).isEqualTo(2);
        var first = r.json().at("/data/attachments/0");
        assertThat(first.propertyNames()).containsExactlyInAnyOrder("id", "file_id", "client_name", "mime_type", "size", "download_url");
        assertThat(first.at("/file_id").asString()).isEqualTo(png);
        assertThat(first.at("/client_name").asString()).isEqualTo("chart.png");
        assertThat(first.at("/mime_type").asString()).isEqualTo("image/png");
        assertThat(first.at("/size").asLong()).isEqualTo(PNG.length);
        String attachmentId = r.text("/data/attachments/1/id");
        assertThat(r.text("/data/attachments/1/download_url"))
                .endsWith("/api/v1/message-attachments/" + attachmentId + "/download");

        // Claimed: no TTL any more, listed among the owner's persistent files.
        Http.Response file = http.get("/api/v1/files/" + png).token(owner.token()).send();
        assertThat(file.json().at("/data/claimed").asBoolean()).isTrue();
        assertThat(file.json().at("/data/expires_at").isNull()).isTrue();
        clock.advance(Duration.ofDays(3));
        assertThat(http.get("/api/v1/files/" + png).token(owner.token()).send().status()).isEqualTo(200);

        String download = "/api/v1/message-attachments/" + attachmentId + "/download";
        Http.Response bytes = http.get(download).token(member.token()).send();
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.bytes()).isEqualTo(text);
        assertThat(bytes.header("Content-Type")).startsWith("text/plain");
        assertThat(bytes.header("Content-Length")).isEqualTo(Integer.toString(text.length));
        assertThat(bytes.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''notes%20%C3%BC.txt");
        Http.Response range = http.get(download).token(member.token()).header("Range", "bytes=0-8").send();
        assertThat(range.status()).isEqualTo(206);
        assertThat(new String(range.bytes(), StandardCharsets.UTF_8)).isEqualTo("quarterly");

        assertError(http.get(download).token(stranger.token()).send(), 404, "Not found.");
        assertError(http.get(download).send(), 401, "Unauthenticated.");
        assertError(http.get("/api/v1/direct-message-attachments/" + attachmentId + "/download").token(owner.token()).send(),
                404, "Not found.");
        assertError(http.get("/api/v1/message-attachments/01ktvxyqmbcm7abv91483q1hfd/download").token(owner.token()).send(),
                404, "Not found.");

        // The owner deletes the file: the message keeps showing it, the bytes are gone.
        assertThat(http.delete("/api/v1/files/" + txt).token(owner.token()).send().status()).isEqualTo(204);
        assertError(http.get(download).token(member.token()).send(), 410, "The file is no longer available.");
    }

    @Test
    void onlyTheSendersOwnLiveUnattachedUploadsCanBeAttached() {
        Account owner = register();
        Account member = register();
        Space space = Workspaces.create(http, owner);
        Workspaces.join(http, owner, space, member);
        String mine = upload(owner, "a.png", PNG);
        String theirs = upload(member, "b.png", PNG);

        assertInvalid(post(owner, space, Map.of("content", "x", "attachment_ids", List.of(mine, theirs))),
                "attachment_ids.1", "The selected attachment ids.1 is invalid.");
        assertInvalid(post(owner, space, Map.of("attachment_ids", List.of(mine, mine))),
                "attachment_ids.1", "The attachment ids.1 field has a duplicate value.");
        assertInvalid(post(owner, space, Map.of("attachment_ids", List.of(42))),
                "attachment_ids.0", "The attachment ids.0 field must be a string.");
        // A refused post attaches nothing: the file is still free to attach.
        assertThat(http.get("/api/v1/files/" + mine).token(owner.token()).send().json().at("/data/claimed").asBoolean()).isFalse();

        assertThat(post(owner, space, Map.of("attachment_ids", List.of(mine))).status()).isEqualTo(201);
        assertInvalid(post(owner, space, Map.of("attachment_ids", List.of(mine))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");

        String deleted = upload(owner, "c.png", PNG);
        http.delete("/api/v1/files/" + deleted).token(owner.token()).send();
        assertInvalid(post(owner, space, Map.of("attachment_ids", List.of(deleted))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");

        String expiring = upload(owner, "d.png", PNG);
        clock.advance(Duration.ofHours(25));
        assertInvalid(post(owner, space, Map.of("attachment_ids", List.of(expiring))),
                "attachment_ids.0", "The selected attachment ids.0 is invalid.");
    }
}
