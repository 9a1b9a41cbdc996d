package com.rosettachat.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on what a request may carry; uploads have their own limit in the file module. */
@ConfigurationProperties("rosetta.http")
public record HttpProperties(@DefaultValue("1048576") long maxBodyBytes) {
}
