/** Signing in and proving who is calling: passwords, personal access tokens and the request's principal. */
@org.springframework.modulith.ApplicationModule(displayName = "Authentication")
package com.rosettachat.auth;
