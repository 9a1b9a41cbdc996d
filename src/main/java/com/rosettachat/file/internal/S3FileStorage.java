package com.rosettachat.file.internal;

import com.rosettachat.file.FileStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Bytes in an S3-compatible bucket (AWS SDK v2); uploads stream with a known length. */
@Component
@ConditionalOnProperty(name = "rosetta.storage", havingValue = "s3")
class S3FileStorage implements FileStorage, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3FileStorage(S3Properties properties) {
        if (properties.bucket() == null || properties.bucket().isBlank()) {
            throw new IllegalStateException("ROSETTA_S3_BUCKET is required when ROSETTA_STORAGE=s3");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyle());
        if (properties.endpoint() != null && !properties.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        builder.credentialsProvider(properties.accessKey() != null && !properties.accessKey().isBlank()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()))
                : DefaultCredentialsProvider.builder().build());
        this.s3 = builder.build();
        this.bucket = properties.bucket();
    }

    @Override
    public void put(String key, InputStream in, long size) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromInputStream(in, size));
    }

    @Override
    public InputStream open(String key, long offset, long length) {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        return s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + offset + "-" + (offset + length - 1)));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    @Override
    public void close() {
        s3.close();
    }
}
