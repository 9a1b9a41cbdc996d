package com.rosettachat.file.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ROSETTA_S3_*}: any S3-compatible store; path-style addressing suits MinIO and most others. */
@ConfigurationProperties("rosetta.s3")
record S3Properties(String endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
                    String secretKey, @DefaultValue("true") boolean pathStyle) {
}
