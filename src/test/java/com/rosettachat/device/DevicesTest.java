package com.rosettachat.device;

import static com.rosettachat.support.Assertions.RESOURCE_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.device.internal.PushTokens;
import com.rosettachat.shared.security.AppKey;
import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** POST /devices, DELETE /devices/{id} and GET /me/devices, as a client app sees them. */
class DevicesTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AppKey appKey;

    static String token() {
        return "fGc1" + UUID.randomUUID().toString().replace("-", "") + ":APA91b" + UUID.randomUUID();
    }

    private Http.Response registerDevice(String bearer, Map<String, Object> body) {
        return http.post("/api/v1/devices").token(bearer).json(body).send();
    }

    private static Map<String, Object> device(String pushToken, String... extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("platform", "ios", "provider", "fcm", "push_token", pushToken));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put(extra[i], extra[i + 1]);
        }
        return body;
    }

    private Http.Response mine(String bearer, String query) {
        return http.get("/api/v1/me/devices" + query).token(bearer).send();
    }

    @Test
    void registeringReturnsTheDeviceShapeAndNeverTheToken() {
        Account account = register();
        String pushToken = token();
        Http.Response r = registerDevice(account.token(), device(pushToken, "device_name", "John's iPhone",
                "device_id", "7B3F2A10-AAAA", "app_version", "1.4.2"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().at("/data").propertyNames()).containsExactlyInAnyOrder("id", "platform", "provider",
                "device_id", "device_name", "app_version", "last_used_at", "created_at");
        assertThat(r.text("/data/id")).matches("[0-9a-z]{26}");
        assertThat(r.text("/data/platform")).isEqualTo("ios");
        assertThat(r.text("/data/provider")).isEqualTo("fcm");
        assertThat(r.text("/data/device_name")).isEqualTo("John's iPhone");
        assertThat(r.text("/data/device_id")).isEqualTo("7B3F2A10-AAAA");
        assertThat(r.text("/data/app_version")).isEqualTo("1.4.2");
        assertThat(r.text("/data/last_used_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(r.text("/data/created_at")).matches(RESOURCE_TIMESTAMP);
        assertThat(r.body()).doesNotContain(pushToken).doesNotContain("push_token");

        Http.Response minimal = registerDevice(account.token(), Map.of("platform", "android", "provider", "expo",
                "push_token", "ExponentPushToken[" + UUID.randomUUID() + "]"));
        assertThat(minimal.status()).isEqualTo(201);
        assertThat(minimal.json().at("/data/device_name").isNull()).isTrue();
        assertThat(minimal.json().at("/data/device_id").isNull()).isTrue();
        assertThat(minimal.json().at("/data/app_version").isNull()).isTrue();

        Http.Response list = mine(account.token(), "");
        assertThat(list.body()).doesNotContain(pushToken).doesNotContain("push_token");
    }

    @Test
    void tokensAreEncryptedAtRestAndFoundByTheirHash() {
        Account account = register();
        String pushToken = token();
        String id = registerDevice(account.token(), device(pushToken)).text("/data/id");
        Map<String, Object> row = jdbc.sql("select token_hash, push_token from devices where id = :id").param("id", id)
                .query().singleRow();
        assertThat(row.get("push_token").toString()).startsWith("v1:").doesNotContain(pushToken);
        assertThat(appKey.decrypt(row.get("push_token").toString())).isEqualTo(pushToken);
        assertThat(row.get("token_hash").toString().strip()).isEqualTo(PushTokens.hash(pushToken)).hasSize(64);
    }

    @Test
    void reRegisteringOwnTokenRefreshesTheSameRecordWith200() {
        Account account = register();
        String pushToken = token();
        Http.Response first = registerDevice(account.token(), device(pushToken, "device_name", "Old name", "app_version", "1.0"));
        clock.advance(Duration.ofHours(3));
        Http.Response again = registerDevice(account.token(), Map.of("platform", "android", "provider", "fcm",
                "push_token", pushToken, "device_name", "New name", "app_version", "2.0"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.text("/data/id")).isEqualTo(first.text("/data/id"));
        assertThat(again.text("/data/platform")).isEqualTo("android");
        assertThat(again.text("/data/device_name")).isEqualTo("New name");
        assertThat(again.text("/data/app_version")).isEqualTo("2.0");
        assertThat(again.text("/data/created_at")).isEqualTo(first.text("/data/created_at"));
        assertThat(Duration.between(java.time.OffsetDateTime.parse(first.text("/data/last_used_at")),
                java.time.OffsetDateTime.parse(again.text("/data/last_used_at")))).isGreaterThanOrEqualTo(Duration.ofHours(3));

        Http.Response list = mine(account.token(), "");
        assertThat(list.json().at("/meta/total").asInt()).isEqualTo(1);
        assertThat(list.text("/data/0/device_name")).isEqualTo("New name");

        // a launch that sends only the required fields keeps the labels
        Http.Response bare = registerDevice(account.token(), Map.of("platform", "android", "provider", "fcm", "push_token", pushToken));
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.text("/data/device_name")).isEqualTo("New name");
        assertThat(bare.text("/data/app_version")).isEqualTo("2.0");
    }

    @Test
    void aTokenRegisteredByAnotherAccountMovesToTheNewAccountOnly() {
        Account a = register();
        Account b = register();
        String pushToken = token();
        String aId = registerDevice(a.token(), device(pushToken, "device_name", "Shared phone")).text("/data/id");

        Http.Response taken = registerDevice(b.token(), device(pushToken, "device_name", "Shared phone"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        String bId = taken.text("/data/id");
        assertThat(bId).isNotEqualTo(aId);

        assertThat(mine(a.token(), "").json().at("/meta/total").asInt()).isZero();
        Http.Response bList = mine(b.token(), "");
        assertThat(bList.json().at("/meta/total").asInt()).isEqualTo(1);
        assertThat(bList.text("/data/0/id")).isEqualTo(bId);
        assertThat(jdbc.sql("select count(*) from devices where token_hash = :h").param("h", PushTokens.hash(pushToken))
                .query(Long.class).single()).isEqualTo(1);

        assertError(http.delete("/api/v1/devices/" + aId).token(a.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/devices/" + bId).token(a.token()).send(), 404, "Not found.");
        assertThat(mine(b.token(), "").json().at("/meta/total").asInt()).isEqualTo(1);

        // and back again: A takes the phone over once more
        assertThat(registerDevice(a.token(), device(pushToken)).status()).isEqualTo(201);
        assertThat(mine(b.token(), "").json().at("/meta/total").asInt()).isZero();
    }

    @Test
    void aNewTokenForTheSameDeviceIdReplacesTheOldOne() {
        Account account = register();
        String oldId = registerDevice(account.token(), device(token(), "device_id", "phone-1")).text("/data/id");
        registerDevice(account.token(), device(token(), "device_id", "phone-2"));
        Http.Response rotated = registerDevice(account.token(), device(token(), "device_id", "phone-1"));
        assertThat(rotated.status()).isEqualTo(201);
        Http.Response list = mine(account.token(), "");
        assertThat(list.json().at("/meta/total").asInt()).isEqualTo(2);
        assertThat(list.body()).doesNotContain(oldId).contains(rotated.text("/data/id"));

        // another account's device with the same client id is not touched
        Account other = register();
        registerDevice(other.token(), device(token(), "device_id", "phone-1"));
        assertThat(mine(account.token(), "").json().at("/meta/total").asInt()).isEqualTo(2);
    }

    @Test
    void deletingRemovesOnlyTheOwnersDevice() {
        Account owner = register();
        Account stranger = register();
        String id = registerDevice(owner.token(), device(token())).text("/data/id");

        assertError(http.delete("/api/v1/devices/" + id).token(stranger.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/devices/01ktvxyqmbcm7abv91483q1hfd").token(owner.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/devices/architecto").token(owner.token()).send(), 404, "Not found.");
        assertError(http.delete("/api/v1/devices/" + id).send(), 401, "Unauthenticated.");

        Http.Response deleted = http.delete("/api/v1/devices/" + id.toUpperCase()).token(owner.token()).send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(mine(owner.token(), "").json().at("/meta/total").asInt()).isZero();
        assertError(http.delete("/api/v1/devices/" + id).token(owner.token()).send(), 404, "Not found.");
    }

    @Test
    void registrationValidatesWithLaravelWording() {
        String bearer = register().token();
        Http.Response empty = registerDevice(bearer, Map.of());
        assertInvalid(empty, "platform", "The platform field is required.");
        assertInvalid(empty, "provider", "The provider field is required.");
        assertInvalid(empty, "push_token", "The push token field is required.");

        assertInvalid(registerDevice(bearer, device(token(), "platform", "windows")), "platform", "The selected platform is invalid.");
        assertInvalid(registerDevice(bearer, device(token(), "provider", "gcm")), "provider", "The selected provider is invalid.");
        assertInvalid(registerDevice(bearer, device("   ")), "push_token", "The push token field is required.");
        assertInvalid(registerDevice(bearer, device("x".repeat(4097))), "push_token",
                "The push token field must not be greater than 4096 characters.");
        assertInvalid(registerDevice(bearer, device(token(), "device_name", "n".repeat(256))), "device_name",
                "The device name field must not be greater than 255 characters.");
        assertInvalid(registerDevice(bearer, device(token(), "device_id", "d".repeat(256))), "device_id",
                "The device id field must not be greater than 255 characters.");
        assertInvalid(registerDevice(bearer, device(token(), "app_version", "1".repeat(65))), "app_version",
                "The app version field must not be greater than 64 characters.");

        Map<String, Object> wrongTypes = new LinkedHashMap<>(Map.of("platform", 1, "provider", List.of("fcm"),
                "push_token", Map.of("a", 1), "device_name", 5, "device_id", true, "app_version", 1.5));
        Http.Response typed = registerDevice(bearer, wrongTypes);
        assertInvalid(typed, "platform", "The platform field must be a string.");
        assertInvalid(typed, "provider", "The provider field must be a string.");
        assertInvalid(typed, "push_token", "The push token field must be a string.");
        assertInvalid(typed, "device_name", "The device name field must be a string.");
        assertInvalid(typed, "device_id", "The device id field must be a string.");
        assertInvalid(typed, "app_version", "The app version field must be a string.");

        Http.Response control = registerDevice(bearer, device(token(), "device_name", "Ann\u0000's\u0007 phone",
                "device_id", "\u0000\u0001", "app_version", "1.0\n"));
        assertThat(control.status()).as(control.toString()).isEqualTo(201);
        assertThat(control.text("/data/device_name")).isEqualTo("Ann's phone");
        assertThat(control.json().at("/data/device_id").isNull()).isTrue();
        assertThat(control.text("/data/app_version")).isEqualTo("1.0");
        assertThat(http.delete("/api/v1/devices/" + control.text("/data/id")).token(bearer).send().status()).isEqualTo(204);

        assertError(http.post("/api/v1/devices").token(bearer).json("{").send(), 400, "Malformed JSON.");
        assertError(http.post("/api/v1/devices").json(device(token())).send(), 401, "Unauthenticated.");
        assertThat(mine(bearer, "").json().at("/meta/total").asInt()).isZero();
    }

    @Test
    void listingIsPagedFilteredAndSorted() {
        Account account = register();
        String expo = registerDevice(account.token(), Map.of("platform", "android", "provider", "expo",
                "push_token", "ExponentPushToken[" + UUID.randomUUID() + "]")).text("/data/id");
        clock.advance(Duration.ofMinutes(1));
        String apnsToken = "a".repeat(64);
        String apns = registerDevice(account.token(), Map.of("platform", "ios", "provider", "apns",
                "push_token", apnsToken + UUID.randomUUID().toString().replace("-", ""))).text("/data/id");
        clock.advance(Duration.ofMinutes(1));
        String fcmToken = token();
        String fcm = registerDevice(account.token(), device(fcmToken)).text("/data/id");
        clock.advance(Duration.ofMinutes(1));
        registerDevice(account.token(), Map.of("platform", "android", "provider", "expo",
                "push_token", "ExponentPushToken[" + UUID.randomUUID() + "]"));
        registerDevice(register().token(), device(token())); // someone else's
        clock.advance(Duration.ofMinutes(1));
        assertThat(registerDevice(account.token(), Map.of("platform", "web", "provider", "fcm", "push_token", fcmToken))
                .status()).isEqualTo(200); // used last now, created third

        Http.Response all = mine(account.token(), "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().at("/data").size()).isEqualTo(4);
        assertThat(all.text("/data/0/id")).isEqualTo(fcm);
        assertThat(all.json().at("/meta").propertyNames()).containsExactlyInAnyOrder("current_page", "from", "last_page",
                "path", "per_page", "to", "total");
        assertThat(all.json().at("/links").propertyNames()).containsExactlyInAnyOrder("first", "last", "prev", "next");
        assertThat(all.json().at("/meta/per_page").asInt()).isEqualTo(15);
        assertThat(all.text("/meta/path")).endsWith("/api/v1/me/devices");

        assertThat(ids(mine(account.token(), "?sort=created_at"))).startsWith(expo, apns, fcm);
        assertThat(ids(mine(account.token(), "?sort=-created_at")).get(1)).isEqualTo(fcm);
        assertThat(ids(mine(account.token(), "?sort=last_used_at"))).startsWith(expo, apns).endsWith(fcm);
        assertThat(ids(mine(account.token(), "?sort=-last_used_at")).get(0)).isEqualTo(fcm);

        Http.Response onlyExpo = mine(account.token(), "?provider=expo");
        assertThat(onlyExpo.json().at("/meta/total").asInt()).isEqualTo(2);
        onlyExpo.json().at("/data").forEach(d -> assertThat(d.path("provider").asString()).isEqualTo("expo"));
        assertThat(ids(mine(account.token(), "?provider=apns"))).containsExactly(apns);

        Http.Response page2 = mine(account.token(), "?per_page=3&page=2&sort=created_at");
        assertThat(page2.json().at("/data").size()).isEqualTo(1);
        assertThat(page2.json().at("/meta/current_page").asInt()).isEqualTo(2);
        assertThat(page2.json().at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(page2.json().at("/meta/from").asInt()).isEqualTo(4);
        assertThat(page2.text("/links/prev")).contains("page=1").contains("per_page=3").contains("sort=created_at");
        assertThat(page2.json().at("/links/next").isNull()).isTrue();
        Http.Response beyond = mine(account.token(), "?page=9");
        assertThat(beyond.json().at("/data").size()).isZero();
        assertThat(beyond.json().at("/meta/from").isNull()).isTrue();

        assertThat(mine(register().token(), "").json().at("/meta/total").asInt()).isZero();
    }

    @Test
    void listingValidatesItsQuery() {
        String bearer = register().token();
        assertInvalid(mine(bearer, "?provider=gcm"), "provider", "The selected provider is invalid.");
        assertInvalid(mine(bearer, "?sort=name"), "sort", "The selected sort is invalid.");
        assertInvalid(mine(bearer, "?per_page=0"), "per_page", "The per page field must be at least 1.");
        assertInvalid(mine(bearer, "?per_page=101"), "per_page", "The per page field must not be greater than 100.");
        assertInvalid(mine(bearer, "?per_page=ten"), "per_page", "The per page field must be an integer.");
        assertInvalid(mine(bearer, "?page=0"), "page", "The page field must be at least 1.");
        assertInvalid(mine(bearer, "?page=x"), "page", "The page field must be an integer.");
        assertThat(mine(bearer, "?per_page=100&page=1&provider=fcm&sort=created_at").status()).isEqualTo(200);
        assertError(http.get("/api/v1/me/devices").send(), 401, "Unauthenticated.");
    }

    private static List<String> ids(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.json().at("/data").forEach(d -> ids.add(d.path("id").asString()));
        return ids;
    }
}
