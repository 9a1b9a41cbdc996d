package com.rosettachat.room.internal;

import com.rosettachat.room.Room;
import com.rosettachat.room.RoomService;
import com.rosettachat.shared.security.CurrentGuest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns an {@code X-Rosetta-Guest-Token} into the request's {@link CurrentGuest}. Like the bearer
 * filter it never fails a request itself: an unknown token leaves it anonymous (401 where a guest
 * is needed), and a token of a room that is over is still recognised, so that its guest is told
 * 410 rather than 401.
 */
@Component
class GuestTokenFilter extends OncePerRequestFilter {

    private final RoomService rooms;

    GuestTokenFilter(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(CurrentGuest.HEADER);
        if (token != null) {
            rooms.guestByToken(token.strip()).ifPresent(guest -> {
                Room room = guest.room();
                CurrentGuest.authenticate(request, new CurrentGuest(guest.id(), room.id(), room.workspaceId(),
                        room.channelId(), guest.nickname(), guest.language()), room.available(rooms.now()));
            });
        }
        chain.doFilter(request, response);
    }
}
