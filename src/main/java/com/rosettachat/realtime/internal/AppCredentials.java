package com.rosettachat.realtime.internal;

import com.rosettachat.shared.security.AppKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The Pusher app key and secret. Without {@code ROSETTA_REALTIME_APP_SECRET} the secret is
 * derived from the application key, so it survives restarts and every node that shares the
 * application key signs and verifies alike.
 */
@Component
public class AppCredentials {

    private final String key;
    private final SecretKeySpec secret;

    AppCredentials(RealtimeProperties properties, AppKey appKey) {
        this.key = properties.appKey();
        String configured = properties.appSecret();
        String secretText = configured != null && !configured.isBlank()
                ? configured
                : appKey.sign("rosetta-realtime-app-secret:" + key);
        this.secret = new SecretKeySpec(secretText.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String key() {
        return key;
    }

    /** {@code key:hex(HMAC-SHA256(secret, socketId:channel[:channelData]))}, Pusher's channel auth. */
    public String channelAuth(String socketId, String channel, String channelData) {
        return key + ":" + sign(signedText(socketId, channel, channelData));
    }

    /** Whether {@code auth} is this app's signature of the subscription; constant time. */
    public boolean verify(String auth, String socketId, String channel, String channelData) {
        if (auth == null) {
            return false;
        }
        byte[] expected = channelAuth(socketId, channel, channelData).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8));
    }

    private static String signedText(String socketId, String channel, String channelData) {
        return channelData == null ? socketId + ":" + channel : socketId + ":" + channel + ":" + channelData;
    }

    String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
