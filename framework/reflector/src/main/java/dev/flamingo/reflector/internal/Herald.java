package dev.flamingo.reflector.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Croquet's heralding: with each {@code users} message, POSTs {@code {time, id, all, joined, left}} as JSON
 * to the {@code heraldUrl} of the session's latest JOIN. Croquet's reflector POSTs to any URL a client names,
 * which lets any client make it reach internal services; this one heralds only to URLs that start with a
 * prefix its operator allowed ({@code --herald-allow}), and tells a client whose URL is refused, or whose
 * herald fails, with INFO {@code HERALDING_FAILED}. Owned by the session's executor; the POST itself runs on
 * the HTTP client's threads.
 */
final class Herald {
    static final int MAX_URL_CHARS = 256;
    private static final Logger LOG = System.getLogger(Herald.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Session session;
    private final List<String> allowedPrefixes;
    private final Metrics metrics;
    private URI url;

    Herald(Session session, List<String> allowedPrefixes, Metrics metrics) {
        this.session = session;
        this.allowedPrefixes = allowedPrefixes;
        this.metrics = metrics;
    }

    /** Croquet applies {@code heraldUrl} from every JOIN (null clears it); false when it is refused. */
    boolean configure(String heraldUrl) {
        url = null;
        if (heraldUrl == null) {
            return true;
        }
        if (allowedPrefixes.stream().noneMatch(heraldUrl::startsWith)) {
            metrics.reject("herald_refused");
            return false;
        }
        url = URI.create(heraldUrl);
        return true;
    }

    /** The INFO for a client whose {@code heraldUrl} was refused. */
    String refusal(String heraldUrl) {
        return ClientMessages.info(session.id, "HERALDING_FAILED", "this reflector does not herald to " + heraldUrl
                + (allowedPrefixes.isEmpty() ? ": heralding is off (--herald-allow)" : ": not an allowed URL"));
    }

    /** True when a herald URL is set, so a users change should be {@linkplain #announce announced}. */
    boolean isOn() {
        return url != null;
    }

    /** Posts one users change; only while {@link #isOn()}. */
    void announce(JsonArray all, JsonArray joined, JsonArray left) {
        JsonObject body = new JsonObject();
        body.addProperty("time", System.currentTimeMillis());
        body.addProperty("id", session.id);
        body.add("all", all);
        body.add("joined", joined);
        body.add("left", left);
        URI target = url;
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                return;
            }
            String why = error != null ? error.toString() : "HTTP " + response.statusCode();
            LOG.log(Level.WARNING, "herald-failed session={0} url={1} reason={2}", session.id, target, why);
            metrics.reject("herald_failed");
            session.executor.execute(() -> session.guarded(null, () -> {
                String info = ClientMessages.info(session.id, "HERALDING_FAILED", "heralding to " + target
                        + " failed: " + why);
                session.clients().forEach(c -> session.send(c, info));
            }));
        });
    }

    /** One client for every session, made on first use: most reflectors never herald. */
    private static final class Http {
        static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
