package com.rosettachat.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler open to a temporary room guest ({@code X-Rosetta-Guest-Token}) as well as to a
 * signed-in user. Every other authenticated handler refuses a guest token with 401, so a guest
 * can reach nothing but the routes that take it and check its room themselves.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GuestAllowed {
}
