package com.rosettachat.file;

import com.rosettachat.file.internal.FileStore;
import com.rosettachat.file.internal.MimeSniffer;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The file module's API: uploads, access checks, claiming by attachments and reading bytes.
 * Bytes are written before the row, and a failed insert removes them, so no row ever points at
 * missing bytes.
 */
@Service
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final FileStore store;
    private final FileStorage storage;
    private final MimeSniffer sniffer;
    private final FileProperties properties;
    private final Clock clock;

    FileService(FileStore store, FileStorage storage, MimeSniffer sniffer, FileProperties properties, Clock clock) {
        this.store = store;
        this.storage = storage;
        this.sniffer = sniffer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Who uploads: a user, or a room guest (anonymous, usable only in that room). */
    public record Uploader(Long userId, String roomId) {
        public static Uploader user(long id) {
            return new Uploader(id, null);
        }
    }

    public StoredFile upload(Uploader uploader, String clientName, long size, String visibility,
                             Map<String, Object> meta, InputStream content) {
        String id = Ids.next();
        Instant now = clock.instant();
        String name = safeName(clientName);
        try (InputStream in = new BufferedInputStream(content, 64 * 1024)) {
            String mime = sniffer.sniff(in, name);
            storage.put(id, in, size);
            StoredFile file = new StoredFile(id, uploader.userId(), uploader.roomId(), name, mime, size,
                    visibility == null ? properties.defaultVisibility() : visibility, meta, false,
                    now.plus(properties.pendingTtl()), null, now, id);
            try {
                store.insert(file);
            } catch (RuntimeException e) {
                storage.delete(id);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Display only: path separators and control characters go; the name never becomes a path. */
    static String safeName(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** A live file the user may read: their own, or a public one. Anything else is 404. */
    public StoredFile readable(long userId, String id) {
        StoredFile file = live(id).orElseThrow(ApiException::notFound);
        if (!Long.valueOf(userId).equals(file.ownerUserId()) && !(file.isPublic() && file.ownerUserId() != null)) {
            throw ApiException.notFound();
        }
        return file;
    }

    public Optional<StoredFile> live(String id) {
        if (!Ids.isValid(id)) {
            return Optional.empty();
        }
        return store.find(id).filter(f -> !f.gone(clock.instant()));
    }

    /** Any record, deleted or not, for attachments that must tell "gone" (410) from "never there". */
    public Optional<StoredFile> find(String id) {
        return Ids.isValid(id) ? store.find(id) : Optional.empty();
    }

    public void delete(long userId, String id) {
        StoredFile file = readable(userId, id);
        if (!Long.valueOf(userId).equals(file.ownerUserId())) {
            throw ApiException.forbidden();
        }
        store.markDeleted(id, clock.instant());
        removeBytes(file);
    }

    public Page<StoredFile> listOwned(long userId, boolean claimed, String visibility, String q, String sort, PageRequest page) {
        return store.listOwned(userId, claimed, visibility, q, sort == null ? "-created_at" : sort, page, clock.instant());
    }

    /** The records behind {@code ids}, for callers that check attachability themselves. */
    public List<StoredFile> findAll(Collection<String> ids) {
        return store.findAll(ids.stream().filter(Ids::isValid).toList());
    }

    /** Whether {@code file} can be attached now by this uploader: theirs, live and not attached before. */
    public boolean attachable(StoredFile file, Uploader uploader) {
        boolean mine = uploader.userId() != null
                ? uploader.userId().equals(file.ownerUserId())
                : file.ownerUserId() == null && uploader.roomId() != null && uploader.roomId().equals(file.roomId());
        return mine && !file.claimed() && !file.gone(clock.instant());
    }

    /** Ends the TTL of files that became attachments; call inside the attaching transaction. */
    public void claim(Collection<String> ids) {
        store.claim(ids);
    }

    /**
     * Deletes files whose attachments went with a deleted message: the rows are marked deleted in
     * the caller's transaction, the bytes are removed once it commits (a rollback keeps them).
     */
    public void discard(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<StoredFile> discarded = store.findAll(ids);
        Instant now = clock.instant();
        discarded.forEach(f -> store.markDeleted(f.id(), now));
        Runnable removeBytes = () -> discarded.forEach(this::removeBytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    removeBytes.run();
                }
            });
        } else {
            removeBytes.run();
        }
    }

    public InputStream open(StoredFile file, long offset, long length) throws IOException {
        return storage.open(file.storageKey(), offset, length);
    }

    /** Removes expired, never-claimed uploads: bytes first, then the row. */
    public int cleanupExpired() {
        int removed = 0;
        List<StoredFile> batch;
        do {
            batch = store.expired(clock.instant(), 500);
            for (StoredFile file : batch) {
                removeBytes(file);
                store.remove(file.id());
                removed++;
            }
        } while (batch.size() == 500);
        return removed;
    }

    private void removeBytes(StoredFile file) {
        try {
            storage.delete(file.storageKey());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the bytes of file {}: {}", file.id(), e.toString());
        }
    }
}
