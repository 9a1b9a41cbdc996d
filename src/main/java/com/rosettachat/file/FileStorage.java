package com.rosettachat.file;

import java.io.IOException;
import java.io.InputStream;

/** Where file bytes live: local disk by default, any S3-compatible store by configuration. */
public interface FileStorage {

    /** Stores exactly {@code size} bytes read from {@code in} under {@code key}. */
    void put(String key, InputStream in, long size) throws IOException;

    /** The bytes {@code [offset, offset + length)} of the object. */
    InputStream open(String key, long offset, long length) throws IOException;

    void delete(String key) throws IOException;
}
