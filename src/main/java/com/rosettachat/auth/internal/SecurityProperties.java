package com.rosettachat.auth.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code bcryptRounds}: cost of password hashing (tests lower it to stay fast). */
@ConfigurationProperties("rosetta.security")
record SecurityProperties(@DefaultValue("10") int bcryptRounds) {
}
