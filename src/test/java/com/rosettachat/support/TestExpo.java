package com.rosettachat.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for Expo's push service (WireMock), one per test JVM. By default it answers one
 * ticket per message, in order: {@code DeviceNotRegistered} for tokens containing
 * {@link #GONE}, {@code ok} for the rest. It requires {@link #ACCESS_TOKEN}.
 */
public final class TestExpo {

    public static final String ACCESS_TOKEN = "expo-test-access-token";
    public static final String SEND_PATH = "/--/api/v2/push/send";
    public static final String GONE = "Gone";

    private static WireMockServer server;

    private TestExpo() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("rosetta.push.expo.url", () -> server().baseUrl());
        registry.add("rosetta.push.expo.access-token", () -> ACCESS_TOKEN);
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            String tickets = "{\"data\":[{{#each (jsonPath request.body '$') as |message|}}{{#if @index}},{{/if}}"
                    + "{{#if (contains message.to '" + GONE + "')}}"
                    + "{\"status\":\"error\",\"message\":\"\\\"{{message.to}}\\\" is not a registered push notification recipient\","
                    + "\"details\":{\"error\":\"DeviceNotRegistered\"}}"
                    + "{{else}}{\"status\":\"ok\",\"id\":\"{{randomValue type='UUID'}}\"}{{/if}}{{/each}}]}";
            server.stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(10)
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + ACCESS_TOKEN))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tickets)
                            .withTransformers("response-template")));
        }
        return server;
    }
}
