package com.rosettachat.room;

import com.rosettachat.room.internal.GuestStore;
import com.rosettachat.room.internal.RoomProperties;
import com.rosettachat.room.internal.RoomStore;
import com.rosettachat.shared.Ids;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.error.ValidationException;
import com.rosettachat.shared.security.CurrentGuest;
import com.rosettachat.shared.security.Secrets;
import com.rosettachat.user.Plan;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import com.rosettachat.workspace.CreatedWorkspace;
import com.rosettachat.workspace.NewWorkspace;
import com.rosettachat.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The room module's API: temporary rooms of an owner within their plan's limits (CONTRACT §9),
 * guests joining them, and the expiry that ends them. Whether a room is still open is decided
 * from {@code expires_at} on every call; the expiry job only brings the stored status up to date.
 */
@Service
public class RoomService {

    public static final String QUOTA_CODE = "temporary_room_quota_exceeded";
    public static final String ACTIVE_LIMIT = "Temporary Room active room limit exceeded.";
    public static final String MONTHLY_LIMIT = "Temporary Room monthly creation limit exceeded.";
    public static final String EXTENSION_NOT_ALLOWED = "Temporary Room extension is not allowed.";
    public static final String EXTENSION_CODE = "temporary_room_extension_not_allowed";
    public static final String TTL_EXCEEDS = "ttl_hours_exceeds_limit";
    public static final String EXTENSION_EXCEEDS = "extension_hours_exceeds_limit";
    static final int TOKEN_LENGTH = 48;
    /** Longer header values are not looked up: no token this server issues is that long. */
    private static final int MAX_TOKEN_LENGTH = 128;

    private final RoomStore rooms;
    private final GuestStore guests;
    private final RoomProperties properties;
    private final WorkspaceService workspaces;
    private final UserService users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RoomService(RoomStore rooms, GuestStore guests, RoomProperties properties, WorkspaceService workspaces,
                UserService users, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.rooms = rooms;
        this.guests = guests;
        this.properties = properties;
        this.workspaces = workspaces;
        this.users = users;
        this.clock = clock;
    }

    /** The limits of the owner's current plan, and how much of them is used. */
    public record Usage(RoomLimits limits, long activeRooms, long createdThisMonth) {
        public boolean activeLimitReached() {
            return activeRooms >= limits.activeLimit();
        }

        public boolean monthlyLimitReached() {
            return createdThisMonth >= limits.monthlyCreationLimit();
        }
    }

    /** A guest who just joined, with the one time its session token is known. */
    public record Joined(String guestId, String nickname, String language, String token, Room room) {
    }

    /**
     * Creates the room and its {@code temporary_room} workspace. Checked in order: the TTL against
     * the plan (422), then the active and the monthly quota (403), under a per-owner lock so that
     * concurrent requests cannot overshoot either.
     */
    @Transactional
    public Room create(long ownerId, String name, String externalReference, Long ttlHours) {
        RoomLimits limits = limitsOf(ownerId);
        long ttl = ttlHours == null ? Math.min(limits.defaultTtlHours(), limits.ttlCap()) : ttlHours;
        if (ttl > limits.ttlCap()) {
            throw ValidationException.of("ttl_hours", TTL_EXCEEDS);
        }
        rooms.lockQuota(ownerId);
        Usage usage = usage(ownerId, limits);
        if (usage.activeLimitReached()) {
            throw ApiException.coded(403, ACTIVE_LIMIT, QUOTA_CODE);
        }
        if (usage.monthlyLimitReached()) {
            throw ApiException.coded(403, MONTHLY_LIMIT, QUOTA_CODE);
        }
        Instant now = clock.instant();
        CreatedWorkspace workspace = workspaces.create(NewWorkspace.temporaryRoom(ownerId, name));
        Room room = new Room(Ids.next(), ownerId, workspace.workspaceId(), workspace.defaultChannelId(), name,
                externalReference, Room.ACTIVE, now.plus(Duration.ofHours(ttl)),
                now.plus(Duration.ofHours(limits.lifetimeHours())), 0, now);
        rooms.insert(room);
        return rooms.find(room.id()).orElseThrow();
    }

    /** The owner's rooms, newest first; {@code status} ({@code active}, {@code expired}, {@code closed}) filters. */
    public List<Room> list(long ownerId, String status) {
        return rooms.listOwned(ownerId, status, clock.instant());
    }

    public Usage usage(long ownerId) {
        return usage(ownerId, limitsOf(ownerId));
    }

    /**
     * Pushes the expiry back by {@code hours} (default: the plan's single-extension maximum, within
     * the lifetime cap). 404 for someone else's room, 410 once it is over, 403 when the plan allows
     * no (further) extension, 422 past the plan's extension length or the room's {@code max_expires_at}.
     */
    @Transactional
    public Room extend(long ownerId, String roomId, Long hours) {
        Room room = owned(ownerId, roomId);
        Instant now = clock.instant();
        if (!room.available(now)) {
            throw CurrentGuest.roomUnavailable();
        }
        RoomLimits limits = limitsOf(ownerId);
        if (room.extensionCount() >= limits.maxExtensions()) {
            throw ApiException.coded(403, EXTENSION_NOT_ALLOWED, EXTENSION_CODE);
        }
        long headroom = Duration.between(room.expiresAt(), room.maxExpiresAt()).toHours();
        long extension = hours != null ? hours : Math.min(limits.maxExtensionHours(), headroom);
        if (extension < 1 || extension > limits.maxExtensionHours() || extension > headroom) {
            throw ValidationException.of("extension_hours", EXTENSION_EXCEEDS);
        }
        rooms.extend(room.id(), room.expiresAt().plus(Duration.ofHours(extension)), now);
        return rooms.find(room.id()).orElseThrow();
    }

    /** Ends a live room early (its guests get 410 from now on); a room already over is left as it is. */
    @Transactional
    public Room close(long ownerId, String roomId) {
        Room room = owned(ownerId, roomId);
        if (rooms.close(room.id(), clock.instant())) {
            events.publishEvent(new RoomClosed(room.id(), room.workspaceId(), room.channelId()));
        }
        return rooms.find(room.id()).orElseThrow();
    }

    /** Adds a guest with a fresh {@code grst_} token. 404 for an unknown room, 410 once it is over. */
    @Transactional
    public Joined join(String roomId, String nickname, String language) {
        Room room = find(roomId).orElseThrow(ApiException::notFound);
        Instant now = clock.instant();
        if (!room.available(now)) {
            throw CurrentGuest.roomUnavailable();
        }
        String id = Ids.next();
        String token = Secrets.random(CurrentGuest.TOKEN_PREFIX, TOKEN_LENGTH);
        guests.insert(id, room.id(), nickname, language, Secrets.sha256(token), now);
        return new Joined(id, nickname, language, token, room);
    }

    /** A guest as the realtime module asks about it again later (its room may be over by then). */
    public record Guest(String id, String nickname, String language, Room room) {
    }

    public Optional<Guest> guest(String guestId) {
        return Ids.isValid(guestId) ? guests.find(guestId.toLowerCase()).map(RoomService::guest) : Optional.empty();
    }

    /** The guest a {@code grst_} token belongs to, whether or not its room is still open. */
    public Optional<Guest> guestByToken(String token) {
        if (token == null || !token.startsWith(CurrentGuest.TOKEN_PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return guests.findByTokenHash(Secrets.sha256(token)).map(RoomService::guest);
    }

    private static Guest guest(GuestStore.GuestRow row) {
        return new Guest(row.id(), row.nickname(), row.language(), row.room());
    }

    /** The room behind a temporary room's workspace; empty for every other workspace. */
    public Optional<Room> forWorkspace(String workspaceId) {
        return Ids.isValid(workspaceId) ? rooms.findByWorkspace(workspaceId.toLowerCase()) : Optional.empty();
    }

    public Optional<Room> find(String roomId) {
        return Ids.isValid(roomId) ? rooms.find(roomId.toLowerCase()) : Optional.empty();
    }

    /** Brings the stored status of rooms past their expiry up to date; returns how many changed. */
    @Transactional
    public int expireDue() {
        return rooms.expireDue(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The caller's room, locked for the rest of the transaction; 404 for anyone else's. */
    private Room owned(long ownerId, String roomId) {
        Optional<Room> room = Ids.isValid(roomId) ? rooms.lock(roomId.toLowerCase()) : Optional.empty();
        return room.filter(r -> r.ownerId() == ownerId).orElseThrow(ApiException::notFound);
    }

    private Usage usage(long ownerId, RoomLimits limits) {
        Instant now = clock.instant();
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Usage(limits, rooms.countActive(ownerId, now), rooms.countCreatedSince(ownerId, monthStart));
    }

    private RoomLimits limitsOf(long ownerId) {
        return properties.limits(users.findById(ownerId).map(User::plan).orElse(Plan.FREE));
    }
}
