package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.CallerResolver;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.security.CurrentUserArgumentResolver;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The signed-in user of the request (bearer token or session), asked after any other resolver. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CurrentUserCallerResolver implements CallerResolver {

    @Override
    public Optional<Caller> current() {
        CurrentUser user = CurrentUserArgumentResolver.current();
        return user == null ? Optional.empty() : Optional.of(Caller.user(user.id()));
    }
}
