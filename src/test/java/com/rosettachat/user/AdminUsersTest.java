package com.rosettachat.user;

import static com.rosettachat.support.Assertions.USER_TIMESTAMP;
import static com.rosettachat.support.Assertions.assertError;
import static com.rosettachat.support.Assertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminUsersTest extends ApiTest {

    @Test
    void adminSearchesUsersPaginated() {
        Account admin = admin();
        String marker = "needle" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            register(marker + i + "@rosetta.test");
        }
        Http.Response r = http.get("/api/v1/admin/users?q=" + marker + "&per_page=2").token(admin.token()).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactlyInAnyOrder("data", "links", "meta");
        assertThat(r.json().at("/data").size()).isEqualTo(2);
        assertThat(r.text("/data/0/email")).startsWith(marker);
        assertThat(r.text("/data/0/created_at")).matches(USER_TIMESTAMP);
        assertThat(r.json().at("/meta/total").asInt()).isEqualTo(3);
        assertThat(r.json().at("/meta/per_page").asInt()).isEqualTo(2);
        assertThat(r.json().at("/meta/current_page").asInt()).isEqualTo(1);
        assertThat(r.json().at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(r.json().at("/meta/from").asInt()).isEqualTo(1);
        assertThat(r.json().at("/meta/to").asInt()).isEqualTo(2);
        assertThat(r.text("/meta/path")).endsWith("/api/v1/admin/users");
        assertThat(r.text("/links/next")).contains("page=2").contains("q=" + marker);
        assertThat(r.json().at("/links/prev").isNull()).isTrue();

        Http.Response page2 = http.get("/api/v1/admin/users?q=" + marker + "&per_page=2&page=2").token(admin.token()).send();
        assertThat(page2.json().at("/data").size()).isEqualTo(1);
        assertThat(page2.json().at("/links/next").isNull()).isTrue();

        Http.Response none = http.get("/api/v1/admin/users?q=%25_nothing_" + System.nanoTime()).token(admin.token()).send();
        assertThat(none.json().at("/meta/total").asInt()).isZero();
        assertThat(none.json().at("/meta/from").isNull()).isTrue();
    }

    @Test
    void pagingParametersAreValidated() {
        Account admin = admin();
        assertInvalid(http.get("/api/v1/admin/users?per_page=101").token(admin.token()).send(), "per_page",
                "The per page field must not be greater than 100.");
        assertInvalid(http.get("/api/v1/admin/users?per_page=0").token(admin.token()).send(), "per_page",
                "The per page field must be at least 1.");
        assertInvalid(http.get("/api/v1/admin/users?page=abc").token(admin.token()).send(), "page",
                "The page field must be an integer.");
    }

    @Test
    void everyoneElseIsForbidden() {
        Account user = register();
        assertError(http.get("/api/v1/admin/users").token(user.token()).send(), 403, "This action is unauthorized.");
        assertError(http.patch("/api/v1/admin/users/" + user.id()).token(user.token())
                .json(Map.of("plan", "developer")).send(), 403, "This action is unauthorized.");
        assertError(http.get("/api/v1/admin/users").send(), 401, "Unauthenticated.");
        assertThat(http.get("/api/v1/me").token(user.token()).send().text("/plan")).isEqualTo("free");
    }

    @Test
    void adminChangesPlanAndActivation() {
        Account admin = admin();
        Account user = register();
        Http.Response r = http.patch("/api/v1/admin/users/" + user.id()).token(admin.token())
                .json(Map.of("plan", "developer")).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/data/plan")).isEqualTo("developer");
        assertThat(r.json().at("/data/is_active").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/me").token(user.token()).send().text("/plan")).isEqualTo("developer");

        // Warm the token cache first: deactivation must still stop the token at once.
        assertThat(http.get("/api/v1/me").token(user.token()).send().status()).isEqualTo(200);
        Http.Response off = http.patch("/api/v1/admin/users/" + user.id()).token(admin.token())
                .json(Map.of("is_active", false)).send();
        assertThat(off.json().at("/data/is_active").asBoolean()).isFalse();
        assertError(http.get("/api/v1/me").token(user.token()).send(), 401, "Unauthenticated.");

        http.patch("/api/v1/admin/users/" + user.id()).token(admin.token()).json(Map.of("is_active", true)).send();
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/me").token(user.token()).send().status()).isEqualTo(200);
    }

    @Test
    void adminUpdateValidates() {
        Account admin = admin();
        Account user = register();
        assertInvalid(http.patch("/api/v1/admin/users/" + user.id()).token(admin.token()).json(Map.of("plan", "gold")).send(),
                "plan", "The selected plan is invalid.");
        assertInvalid(http.patch("/api/v1/admin/users/" + user.id()).token(admin.token()).json(Map.of("is_active", "maybe")).send(),
                "is_active", "The is active field must be true or false.");
        assertInvalid(http.patch("/api/v1/admin/users/" + admin.id()).token(admin.token()).json(Map.of("is_active", false)).send(),
                "is_active", "You cannot deactivate your own account.");
        assertError(http.patch("/api/v1/admin/users/999999999").token(admin.token()).json(Map.of("plan", "free")).send(),
                404, "Not found.");
        assertError(http.patch("/api/v1/admin/users/abc").token(admin.token()).json(Map.of("plan", "free")).send(),
                404, "Not found.");
    }
}
