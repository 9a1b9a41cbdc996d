package com.rosettachat.realtime;

import java.util.Optional;

/**
 * Recognizes the caller of the current {@code POST /broadcasting/auth} request. The built-in one
 * answers for signed-in users (bearer token or session, as {@code CurrentUser}); another module
 * adds its own kind of caller (room guests) by declaring a bean. Resolvers are asked in
 * {@code @Order}; the first answer wins, and no answer is 401.
 */
public interface CallerResolver {

    Optional<Caller> current();
}
