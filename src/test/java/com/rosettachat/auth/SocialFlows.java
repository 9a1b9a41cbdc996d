package com.rosettachat.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.rosettachat.support.ApiTest;
import com.rosettachat.support.Http;
import com.rosettachat.support.TestOAuth;
import com.rosettachat.support.TestOAuth.Grant;
import java.util.HashMap;
import java.util.Map;

/** The client's side of a social sign-in, shared by the social tests. */
abstract class SocialFlows extends ApiTest {

    Grant signInGrant(String flavour, String provider) {
        Http.Response r = http.post("/api/v1/auth/" + flavour + "/social/" + provider + "/redirect").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().propertyNames()).containsExactly("redirect_url");
        return TestOAuth.authorize(r.text("/redirect_url"));
    }

    Http.Response callback(String provider, Grant grant) {
        return http.post("/api/v1/auth/app/social/" + provider + "/callback")
                .json(Map.of("code", grant.code(), "state", grant.state(), "device_name", "iPad")).send();
    }

    static Map<String, Object> profile(String email, boolean verified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", name);
        claims.put("picture", "https://cdn.example.com/" + name.replace(' ', '-') + ".png");
        return claims;
    }
}
