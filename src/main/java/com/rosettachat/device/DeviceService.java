package com.rosettachat.device;

import com.rosettachat.device.internal.DeviceStore;
import com.rosettachat.device.internal.PushTokens;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.paging.Page;
import com.rosettachat.shared.paging.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The device registry. The push token is the identity: registering a token someone else holds
 * moves it to the caller (a recycled phone must not get the previous user's notifications), and
 * registering one's own token again refreshes it, so apps may call it on every launch.
 */
@Service
public class DeviceService {

    private final DeviceStore store;
    private final PushTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DeviceService(DeviceStore store, PushTokens tokens, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** {@code created} is false when the caller already held this token and the record was refreshed. */
    public record Registration(Device device, boolean created) {
    }

    public Registration register(long userId, NewDevice sent) {
        // Labels are display text: control characters (a NUL, which PostgreSQL refuses) go, as in file names.
        NewDevice request = new NewDevice(sent.platform(), sent.provider(), sent.pushToken(), label(sent.deviceId()),
                label(sent.deviceName()), label(sent.appVersion()));
        try {
            return transactions.execute(status -> registerOnce(userId, request));
        } catch (DuplicateKeyException e) {
            // Two first registrations of one token raced and the other insert won; now it is a known token.
            return transactions.execute(status -> registerOnce(userId, request));
        }
    }

    private Registration registerOnce(long userId, NewDevice request) {
        String hash = PushTokens.hash(request.pushToken());
        String sealed = tokens.seal(request.pushToken());
        Instant now = clock.instant();
        Optional<DeviceStore.Row> existing = store.lockByTokenHash(hash);
        Registration result;
        if (existing.isPresent() && existing.get().device().userId() == userId) {
            // Optional labels left out of a refresh keep their stored values, as an app launch may send less.
            Device old = existing.get().device();
            Device refreshed = new Device(old.id(), userId, request.platform(), request.provider(),
                    orElse(request.deviceId(), old.deviceId()), orElse(request.deviceName(), old.deviceName()),
                    orElse(request.appVersion(), old.appVersion()), now, old.createdAt());
            store.refresh(new DeviceStore.Row(refreshed, hash, sealed));
            result = new Registration(refreshed, false);
        } else {
            // Someone else's token becomes a new record of the caller's: the old owner's id stops existing.
            existing.ifPresent(row -> store.delete(row.device().id()));
            Device created = new Device(Ids.next(), userId, request.platform(), request.provider(), request.deviceId(),
                    request.deviceName(), request.appVersion(), now, now);
            store.insert(new DeviceStore.Row(created, hash, sealed));
            result = new Registration(created, true);
        }
        if (result.device().deviceId() != null) {
            store.deleteOtherTokensOfDevice(userId, result.device().deviceId(), result.device().id());
        }
        return result;
    }

    private static String label(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", "").strip();
        return clean.isEmpty() ? null : clean;
    }

    private static String orElse(String sent, String stored) {
        return sent != null ? sent : stored;
    }

    /** Only the owner may remove a device; anyone else's, or an unknown id, is 404. */
    public void delete(long userId, String id) {
        if (!Ids.isValid(id) || !store.deleteOwned(userId, id.toLowerCase())) {
            throw ApiException.notFound();
        }
    }

    public Page<Device> listOwned(long userId, String provider, String sort, PageRequest page) {
        return store.listOwned(userId, provider, sort == null ? "-last_used_at" : sort, page);
    }
}
