package com.rosettachat.file.internal;

import com.rosettachat.file.FileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes uploads whose TTL ran out without being attached. Safe on several nodes: deletes are idempotent. */
@Component
class FileCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private final FileService files;

    FileCleanup(FileService files) {
        this.files = files;
    }

    @Scheduled(fixedDelayString = "${rosetta.files.cleanup-interval:10m}", initialDelayString = "${rosetta.files.cleanup-interval:10m}")
    void run() {
        int removed = files.cleanupExpired();
        if (removed > 0) {
            log.info("Removed {} expired uploads", removed);
        }
    }
}
