package com.rosettachat.shared.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (or a whole controller) that answers without a signed-in user. Every other
 * handler requires authentication: the check runs after routing, so an unknown route is 404 and
 * a wrong method 405 even for anonymous callers, as in Laravel.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
}
