package com.rosettachat.realtime.delivery;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.CallerResolver;
import com.rosettachat.room.RoomService;
import com.rosettachat.shared.security.BearerToken;
import com.rosettachat.shared.security.CurrentGuest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A temporary room's guest ({@code X-Rosetta-Guest-Token}, or the same token as a bearer). A
 * guest of a room that is over is still recognised, so that its subscription is refused (403)
 * rather than answered as if nobody had asked (401).
 */
@Component
@Order(0)
class GuestCallerResolver implements CallerResolver {

    static final String GUEST = "guest";

    private final RoomService rooms;

    GuestCallerResolver(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public Optional<Caller> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        CurrentGuest guest = CurrentGuest.presentedBy(request);
        if (guest != null) {
            return Optional.of(new Caller(GUEST, guest.guestId()));
        }
        // Only here, not on the REST routes (which take the guest header alone): pusher-js
        // clients often send whatever token they hold in Authorization.
        return BearerToken.of(request).flatMap(rooms::guestByToken).map(g -> new Caller(GUEST, g.id()));
    }
}
