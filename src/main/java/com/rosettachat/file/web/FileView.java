package com.rosettachat.file.web;

import com.rosettachat.file.StoredFile;
import com.rosettachat.shared.time.Timestamps;
import java.util.Map;

/** The file shape of CONTRACT §8. */
record FileView(String id, String clientName, String mimeType, long size, String visibility, Map<String, Object> meta,
                boolean claimed, String expiresAt, String createdAt) {

    static FileView of(StoredFile f) {
        return new FileView(f.id(), f.clientName(), f.mimeType(), f.size(), f.visibility(), f.meta(), f.claimed(),
                Timestamps.resource(f.expiresAt()), Timestamps.resource(f.createdAt()));
    }
}
