package dev.flamingo.client.internal.session;

import com.google.gson.JsonElement;
import dev.flamingo.client.DebugFlag;
import dev.flamingo.client.JoinParameters;
import dev.flamingo.client.SessionFailedException;
import dev.flamingo.client.internal.crypto.Envelope;
import dev.flamingo.client.internal.crypto.PasswordCheck;
import dev.flamingo.client.internal.crypto.Purpose;
import dev.flamingo.client.internal.crypto.SessionKey;
import dev.flamingo.client.internal.data.DataBlobs;
import dev.flamingo.client.internal.files.FileStore;
import dev.flamingo.client.internal.files.HttpFileStore;
import dev.flamingo.client.internal.files.MemoryFileStore;
import dev.flamingo.client.internal.ids.SessionIds;
import dev.flamingo.client.internal.net.CloseCodes;
import dev.flamingo.client.internal.net.OfflineReflector;
import dev.flamingo.client.internal.net.ReflectorConnection;
import dev.flamingo.client.internal.net.Transport;
import dev.flamingo.client.internal.net.WebSocketTransport;
import dev.flamingo.client.internal.wire.Inbound;
import dev.flamingo.client.internal.wire.JoinArgs;
import dev.flamingo.client.internal.wire.OutboundEncoder;
import dev.flamingo.core.Registry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The session's link to the reflector and its lifecycle: connect (with the key derived alongside), JOIN and
 * its timeout, the password check on SYNC, and after a disconnect the {@code reconnectLimit} give-up and the
 * {@code rejoinLimit} timer that reboots model and view. Confined to the replica's owner, except the key
 * derivation it starts on a worker and the snapshot and divergence workers, which read its connection,
 * encoder, envelope and files once the owner has set them.
 */
final class Link {

    private static final long JOIN_FAILED_DELAY_MS = 5000;

    private final Controller c;
    private final JoinParameters params;
    private final SessionIds ids;
    private Envelope envelope;
    private OutboundEncoder encoder;
    private ReflectorConnection connection;
    private FileStore files;
    /** Set with the envelope; read by the Data API from any thread. */
    private volatile DataBlobs dataBlobs;
    private boolean connected;
    private boolean syncCompleted;
    private OwnedTimer joinTimeout;
    private OwnedTimer rejoinTimer;
    /** Running while reconnect attempts fail, when {@code reconnectLimit} is set. */
    private OwnedTimer giveUpTimer;
    /** The latest close, for the message when reconnecting is given up. */
    private String lastClose = "";
    private int lastCloseCode;

    Link(Controller controller) {
        this.c = controller;
        this.params = controller.parameters();
        this.ids = controller.ids();
    }

    /** Derives the key and connects; JOIN goes out once both are done. */
    void start() {
        c.debug(DebugFlag.HASHING, () -> "ids for " + params.appId() + "/" + params.name() + " options "
                + params.options() + " version " + ids.versionId() + ": persistentId " + ids.persistentId()
                + ", sessionId " + ids.sessionId());
        // The key derivation (tens of ms) overlaps the connect; JOIN waits for both.
        Threads.WORKERS.execute(() -> {
            try {
                Envelope derived = new Envelope(SessionKey.derive(params.password(), ids.persistentId()), c.random());
                c.post(() -> {
                    envelope = derived;
                    dataBlobs = new DataBlobs(derived, files, c.random(), params.appId(), ids.persistentId());
                    if (connected) {
                        sendJoin();
                    }
                });
            } catch (RuntimeException | Error e) {
                // Without a key the JOIN never goes out: fail the join rather than leave it waiting forever.
                c.post(() -> c.lifecycle().fatal("cannot derive the session key: " + e));
            }
        });
        encoder = new OutboundEncoder(ids.sessionId());
        boolean offline = params.debug(DebugFlag.OFFLINE);
        files = offline ? new MemoryFileStore() : new HttpFileStore(filesUri());
        Supplier<Transport> transports = offline ? OfflineReflector::new
                : () -> new WebSocketTransport(URI.create(stripSlash(params.reflector()) + "/" + ids.sessionId()));
        connection = new ReflectorConnection(transports, c, Threads.TIMER, Controller::wallMs,
                c.random()::nextDouble, encoder.pulse());
        Registry registry = params.registry();
        c.debug(DebugFlag.CLASSES, () -> "registered classes " + registry.classes().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().getName()).toList());
        c.debug(DebugFlag.SESSION, () -> "joining session " + ids.sessionId() + " as view " + c.viewId());
        connection.start();
    }

    private URI filesUri() {
        if (params.files() != null) {
            return params.files();
        }
        // Our reflector serves /files/ next to /reflector on the same port.
        URI ws = params.reflector();
        String scheme = "wss".equals(ws.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + ws.getRawAuthority() + "/files/");
    }

    private static String stripSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The socket opened. */
    void opened() {
        connected = true;
        // As Croquet on opening its socket: a PING, whose PONG tells the connection's round trip.
        connection.send(encoder.ping(System.currentTimeMillis()));
        if (envelope != null) {
            sendJoin();
        }
    }

    private void sendJoin() {
        // As in Croquet, a JOIN sent in time ends the wait: its SYNC decides between seamless rejoin and
        // reboot, however long it takes to arrive.
        cancelRejoin();
        String viewData = params.viewDataJson();
        connection.send(encoder.join(new JoinArgs(params.appId() + "/" + params.name(),
                params.apiKey() == null ? "" : params.apiKey(), params.appId(), ids.persistentId(),
                Registry.FRAMEWORK_VERSION, c.viewId(), viewData == null ? null
                        : envelope.sealText(Purpose.VIEW_DATA, ids.sessionId(), viewData.getBytes(StandardCharsets.UTF_8)),
                params.tps().tickMs(), params.tps().delayMs(), params.autoSleepSeconds(),
                PasswordCheck.tove(envelope, ids.sessionId()), ids.versionId(),
                params.rejoinLimitMs() == 0 ? 0 : params.rejoinLimitMs() + 250)));
        joinTimeout = c.schedule(() -> connection.drop(CloseCodes.CLIENT_ERROR,
                "no SYNC within " + JOIN_FAILED_DELAY_MS + " ms of JOIN"), JOIN_FAILED_DELAY_MS);
    }

    /** The answer to our PING: logs the round trip it measured. */
    void pong(Inbound.Pong pong) {
        JsonElement sent = pong.args();
        if (sent != null && sent.isJsonPrimitive() && sent.getAsJsonPrimitive().isNumber()) {
            c.debug(DebugFlag.PONG, () -> "PONG after " + (System.currentTimeMillis() - sent.getAsLong()) + " ms");
        }
    }

    /** A SYNC arrived: true when its password check matches; otherwise the session has failed. */
    boolean synced(Inbound.Sync sync) {
        OwnedTimer.cancelIfSet(joinTimeout);
        cancelGiveUp();
        if (sync.tove() == null || !PasswordCheck.matches(envelope, ids.sessionId(), sync.tove())) {
            c.lifecycle().fatal("wrong password: the session's password check does not decrypt with the password "
                    + "given to join");
            return false;
        }
        connection.joined();
        return true;
    }

    /** The replica is running on the joined timeline (restored, or continued seamlessly): sends may go out. */
    void syncCompleted() {
        syncCompleted = true;
    }

    /** True when frames can be written: connected and the SYNC handled. */
    boolean ready() {
        return connected && syncCompleted;
    }

    boolean isConnected() {
        return connected;
    }

    /** The socket closed (for good when leaving or on a fatal code, else the connection reconnects). */
    void disconnected(int code, String reason, CloseCodes.Kind kind) {
        connected = false;
        syncCompleted = false;
        OwnedTimer.cancelIfSet(joinTimeout);
        c.debug(DebugFlag.SESSION, () -> "disconnected " + code + " (" + CloseCodes.describe(code) + ") " + reason);
        if (c.lifecycle().isLeaving()) {
            c.lifecycle().finishLeave();
            return;
        }
        if (kind == CloseCodes.Kind.FATAL || kind == CloseCodes.Kind.LEFT) {
            c.lifecycle().fail(new SessionFailedException(code, "session " + params.appId() + "/" + params.name()
                    + " ended: " + closeText(code, reason), null));
            return;
        }
        lastCloseCode = code;
        lastClose = closeText(code, reason);
        if (kind == CloseCodes.Kind.RECONNECT && params.reconnectLimitMs() > 0 && giveUpTimer == null) {
            giveUpTimer = c.schedule(this::giveUp, params.reconnectLimitMs());
        }
        if (c.viewReady() && rejoinTimer == null) {
            if (params.rejoinLimitMs() == 0) {
                c.tearDown();
            } else {
                rejoinTimer = c.schedule(this::rejoinExpired, params.rejoinLimitMs());
            }
        }
    }

    private static String closeText(int code, String reason) {
        return code + " " + CloseCodes.describe(code) + (reason == null || reason.isEmpty() ? "" : ": " + reason);
    }

    /** {@code reconnectLimit} passed without a SYNC: stop retrying and end the session. */
    private void giveUp() {
        giveUpTimer = null;
        String message = "gave up reconnecting to " + params.reflector() + " after " + params.reconnectLimitMs()
                + " ms (reconnectLimit); last close " + lastClose;
        connection.close(CloseCodes.LEAVE, "gave up reconnecting");
        c.lifecycle().fail(new SessionFailedException(lastCloseCode, message, null));
    }

    private void rejoinExpired() {
        rejoinTimer = null;
        if (!syncCompleted) {
            c.debug(DebugFlag.SESSION, () -> "rejoinLimit passed: rebooting model and view");
            c.tearDown();
        }
    }

    /** The replica was torn down, or a JOIN went out: no rejoin to wait for. */
    void cancelRejoin() {
        OwnedTimer.cancelIfSet(rejoinTimer);
        rejoinTimer = null;
    }

    /** Dormant: closes with 4110 and stops reconnecting, so there is nothing to give up on. */
    void sleep() {
        cancelGiveUp();
        connection.sleep();
    }

    void wake() {
        connection.wake();
    }

    /** Closes for good, if the connection was created. */
    void close(int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
        }
    }

    private void cancelGiveUp() {
        OwnedTimer.cancelIfSet(giveUpTimer);
        giveUpTimer = null;
    }

    boolean isStarted() {
        return connection != null;
    }

    Envelope envelope() {
        return envelope;
    }

    OutboundEncoder encoder() {
        return encoder;
    }

    FileStore files() {
        return files;
    }

    /** The Data API's blob store, or null until the session key is derived. Any thread. */
    DataBlobs dataBlobs() {
        return dataBlobs;
    }

    ReflectorConnection connection() {
        return connection;
    }
}
