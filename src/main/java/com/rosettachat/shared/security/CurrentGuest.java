package com.rosettachat.shared.security;

import com.rosettachat.shared.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A temporary room guest calling with {@code X-Rosetta-Guest-Token}: the principal of the routes
 * marked {@link GuestAllowed}. The room module's filter resolves the token; modules that accept
 * guests (files, realtime) read it here without depending on the room module. A guest is only
 * ever good for {@code roomId}, its workspace and its one channel.
 */
public record CurrentGuest(String guestId, String roomId, String workspaceId, String channelId, String nickname,
                           String language) {

    public static final String HEADER = "X-Rosetta-Guest-Token";
    public static final String TOKEN_PREFIX = "grst_";

    private static final String ATTRIBUTE = CurrentGuest.class.getName();
    private static final String GONE = ATTRIBUTE + ".roomGone";

    /**
     * Records who presented the token. {@code roomAvailable} is false once the room expired or was
     * closed: the guest is still known (so it is told 410 rather than 401), but can do nothing.
     */
    public static void authenticate(HttpServletRequest request, CurrentGuest guest, boolean roomAvailable) {
        request.setAttribute(ATTRIBUTE, guest);
        request.setAttribute(GONE, !roomAvailable);
    }

    /** The guest whose token came with the request, whether or not its room is still available; null for none. */
    public static CurrentGuest presentedBy(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof CurrentGuest guest ? guest : null;
    }

    /** Whether the request's guest token belongs to a room that expired or was closed. */
    public static boolean roomGone(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(GONE));
    }

    /** 410 {@code Temporary Room is not available.} as the reference answers for expired (and closed) rooms. */
    public static ApiException roomUnavailable() {
        return ApiException.coded(410, "Temporary Room is not available.", "temporary_room_expired");
    }
}
