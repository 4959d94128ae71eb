package dev.flamingo.client;

import dev.flamingo.client.internal.ids.StableJson;
import dev.flamingo.core.Model;
import dev.flamingo.core.Registry;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;

/**
 * Everything {@link Session#join} needs, checked as a whole by {@link Builder#build()} so that a bad value
 * fails before anything connects, with a message naming the parameter and echoing the value. Croquet's
 * parameters and defaults (reference §1.4), plus {@code registry} (Java needs the registered classes for the
 * code identity) and {@code snapshotAfterCpuMs}. Immutable once built; any thread.
 */
public final class JoinParameters {

    /** Croquet's appId rule: dot-separated segments, each starting with a letter, at least one dot. */
    private static final Pattern APP_ID =
            Pattern.compile("^[a-z](-?[a-z0-9_])*(\\.[a-z0-9_](-?[a-z0-9_])*)+$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_NAME = 128;
    private static final int MAX_VIEW_DATA_CHARS = 8 * 1024;

    private final Builder b;

    private JoinParameters(Builder b) {
        this.b = b;
    }

    /** Starts a parameter set with Croquet's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The application id, e.g. {@code com.example.chat}. */
    public String appId() {
        return b.appId;
    }

    /** The session name within the app. */
    public String name() {
        return b.name;
    }

    /** The session password (encryption key source). */
    public String password() {
        return b.password;
    }

    /** The registry holding the model classes. */
    public Registry registry() {
        return b.registry;
    }

    /** The root model class. */
    public Class<? extends Model> model() {
        return b.model;
    }

    /** The root view factory, or null for a headless client without a root view. */
    public ViewFactory view() {
        return b.view;
    }

    /** Options for the root model's init: a fresh deep copy (TreeMap, ArrayList, ...) on every call. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> options() {
        return (Map<String, Object>) StableJson.copy(b.options, "options");
    }

    /** Option keys hashed into the persistentId instead of the sessionId. */
    public List<String> persistentIdOptions() {
        return b.persistentIdOptions;
    }

    /** The second argument of the root view factory, or null. */
    public Object viewOptions() {
        return b.viewOptions;
    }

    /** Data attached (encrypted) to this client's view-join as JSON text, or null. */
    public String viewDataJson() {
        return b.viewData == null ? null : StableJson.stringify(b.viewData, "viewData");
    }

    /** Who drives the main loop. */
    public Step step() {
        return b.step;
    }

    /** Ticks per second; {@code options.tps} overrides it, as in Croquet. */
    public Tps tps() {
        Object fromOptions = options().get("tps");
        if (fromOptions instanceof Number n) {
            return Tps.of(n.doubleValue());
        }
        return fromOptions instanceof String s ? Tps.parse(s) : b.tps;
    }

    /** Seconds out of sight before going dormant; 0 never. */
    public double autoSleepSeconds() {
        return b.autoSleep;
    }

    /** Milliseconds a disconnected client keeps its view before rebooting. */
    public int rejoinLimitMs() {
        return b.rejoinLimit;
    }

    /** Milliseconds of failed reconnecting after which the session ends for good; 0 keeps trying (Croquet). */
    public int reconnectLimitMs() {
        return b.reconnectLimit;
    }

    /** Maximum sends (single or bundled) per second. */
    public int eventRateLimit() {
        return b.eventRateLimit;
    }

    /** Debug flags. */
    public Set<DebugFlag> debug() {
        return Collections.unmodifiableSet(b.debug);
    }

    /** True when {@code flag} is on. */
    public boolean debug(DebugFlag flag) {
        return b.debug.contains(flag);
    }

    /** The reflector WebSocket base (sessions at {@code <reflector>/<sessionId>}), or null offline. */
    public URI reflector() {
        if (b.reflector != null) {
            return b.reflector;
        }
        return b.box == null ? null : resolve(b.box, "reflector");
    }

    /** The files base URL, or null offline. */
    public URI files() {
        if (b.files != null) {
            return b.files;
        }
        return b.box == null ? null : resolve(b.box, "files");
    }

    /** The API key, or null. */
    public String apiKey() {
        return b.apiKey;
    }

    /** Simulation CPU time after which a client asks for a snapshot (Croquet: 5000 ms). */
    public long snapshotAfterCpuMs() {
        return b.snapshotAfterCpuMs;
    }

    /** Join progress (0..1) listener, or null. */
    public DoubleConsumer progress() {
        return b.progress;
    }

    /** Hooks around each view phase, or null. */
    public ViewPhaseListener viewPhase() {
        return b.viewPhase;
    }

    /** Receives problems the app should know about (handler errors, rejected messages, divergence), or null. */
    public Consumer<SessionProblem> problems() {
        return b.problems;
    }

    private static URI resolve(URI box, String leaf) {
        String s = box.toString();
        URI uri = URI.create((s.endsWith("/") ? s : s + "/") + leaf);
        if (leaf.equals("reflector")) {
            return URI.create(uri.toString().replaceFirst("^http", "ws"));
        }
        return uri;
    }

    /** Collects parameters; single thread. */
    public static final class Builder {
        private String appId;
        private String name;
        private String password;
        private Registry registry;
        private Class<? extends Model> model;
        private ViewFactory view;
        private Object options = Map.of();
        private List<String> persistentIdOptions = List.of();
        private Object viewOptions;
        private Object viewData;
        private Step step = Step.AUTO;
        private Tps tps = Tps.DEFAULT;
        private double autoSleep = 10;
        private int rejoinLimit = 1000;
        private int reconnectLimit;
        private int eventRateLimit = 20;
        private final EnumSet<DebugFlag> debug = EnumSet.noneOf(DebugFlag.class);
        private URI reflector;
        private URI files;
        private URI box;
        private String apiKey;
        private long snapshotAfterCpuMs = 5000;
        private DoubleConsumer progress;
        private ViewPhaseListener viewPhase;
        private Consumer<SessionProblem> problems;
        private final List<String> errors = new ArrayList<>();

        private Builder() {
        }

        /** Required: the app id, e.g. {@code "com.example.chat"}. */
        public Builder appId(String value) {
            appId = value;
            return this;
        }

        /** Required: the session name (at most 128 characters). */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** Required: the session password; everything leaving the client is encrypted with it. */
        public Builder password(String value) {
            password = value;
            return this;
        }

        /** Required: the app's registry (model classes, stored classes, constants). */
        public Builder registry(Registry value) {
            registry = value;
            return this;
        }

        /** Required: the root model class, registered in the registry. */
        public Builder model(Class<? extends Model> value) {
            model = value;
            return this;
        }

        /** The root view factory; omit for a headless client. */
        public Builder view(ViewFactory value) {
            view = value;
            return this;
        }

        /** Options for the root model's init: JSON-like (null, Boolean, Number, String, List, Map). */
        public Builder options(Map<String, ?> value) {
            options = value;
            return this;
        }

        /** Option keys that go into the persistentId instead of the sessionId. */
        public Builder persistentIdOptions(String... keys) {
            persistentIdOptions = List.of(keys);
            return this;
        }

        /** Second argument of the root view factory. */
        public Builder viewOptions(Object value) {
            viewOptions = value;
            return this;
        }

        /** Data for this client's view-join (encrypted); JSON-like, encoded at most 8 KiB. */
        public Builder viewData(Object value) {
            viewData = value;
            return this;
        }

        /** AUTO (default) or MANUAL stepping. */
        public Builder step(Step value) {
            step = value;
            return this;
        }

        /** Ticks per second as a number (clamped to 1/30..60). */
        public Builder tps(double value) {
            try {
                tps = Tps.of(value);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
            return this;
        }

        /** Ticks per second as {@code "N"} or {@code "NxM"}. */
        public Builder tps(String value) {
            try {
                tps = Tps.parse(Objects.requireNonNull(value, "tps"));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
            return this;
        }

        /** Seconds out of sight before going dormant (>= 0, 0 = never). Default 10. */
        public Builder autoSleep(double seconds) {
            autoSleep = seconds;
            return this;
        }

        /** {@code true} = 10 s, {@code false} = never, as in Croquet. */
        public Builder autoSleep(boolean enabled) {
            autoSleep = enabled ? 10 : 0;
            return this;
        }

        /** Milliseconds (0..60000, default 1000) a disconnected client keeps its view. */
        public Builder rejoinLimit(int ms) {
            rejoinLimit = ms;
            return this;
        }

        /**
         * Milliseconds (0..86400000) of failing to reconnect after which the session ends for good and
         * {@link Session#ended()} fails; default 0: keep trying forever, as Croquet does.
         */
        public Builder reconnectLimit(int ms) {
            reconnectLimit = ms;
            return this;
        }

        /** Sends per second (1..60, default 20). */
        public Builder eventRateLimit(int perSecond) {
            eventRateLimit = perSecond;
            return this;
        }

        /** Debug flags. */
        public Builder debug(DebugFlag... flags) {
            debug.addAll(List.of(flags));
            return this;
        }

        /** Debug flags in Croquet's comma-separated form. */
        public Builder debug(String flags) {
            try {
                debug.addAll(DebugFlag.parse(Objects.requireNonNull(flags, "debug")));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
            return this;
        }

        /** The reflector's WebSocket base URL ({@code ws://host:port/reflector}; http is rewritten to ws). */
        public Builder reflector(URI value) {
            reflector = value;
            return this;
        }

        /** The files server base URL ({@code http://host:port/files}). */
        public Builder files(URI value) {
            files = value;
            return this;
        }

        /** A base URL serving {@code reflector} and {@code files} (Croquet-in-a-Box). */
        public Builder box(URI value) {
            box = value;
            return this;
        }

        /** The API key (at most 128 characters), if the reflector requires one. */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /** Simulation CPU time (ms) after which to poll for a snapshot; default 5000. */
        public Builder snapshotAfterCpuMs(long value) {
            snapshotAfterCpuMs = value;
            return this;
        }

        /** Join progress listener (0..1), called on the session thread (on the stepping thread after a MANUAL reboot). */
        public Builder progress(DoubleConsumer value) {
            progress = value;
            return this;
        }

        /** Hooks around each view phase of a step (see {@link ViewPhaseListener}); null for none. */
        public Builder viewPhase(ViewPhaseListener value) {
            viewPhase = value;
            return this;
        }

        /** Problem listener, called on the thread that owns the replica (see {@link Session}). */
        public Builder problems(Consumer<SessionProblem> value) {
            problems = value;
            return this;
        }

        /**
         * Checks every parameter at once.
         *
         * @throws IllegalArgumentException listing every bad parameter with its value
         * @throws NullPointerException when a required parameter is missing
         */
        public JoinParameters build() {
            List<String> problems = new ArrayList<>(errors);
            Objects.requireNonNull(appId, "appId is required, e.g. \"com.example.myapp\"");
            Objects.requireNonNull(name, "name is required (the session name)");
            Objects.requireNonNull(password, "password is required (use a constant dummy if you need no secrecy)");
            Objects.requireNonNull(registry, "registry is required");
            Objects.requireNonNull(model, "model is required (the root model class)");
            Objects.requireNonNull(step, "step");
            check(problems, APP_ID.matcher(appId).matches() && appId.length() <= MAX_NAME, "appId must be "
                    + "dot-separated segments starting with a letter (letters, digits, _ and single -), at most "
                    + MAX_NAME + " characters, e.g. \"com.example.myapp\"; got \"" + appId + "\"");
            check(problems, !name.isEmpty() && name.length() <= MAX_NAME,
                    "name must be 1.." + MAX_NAME + " characters; got \"" + name + "\"");
            check(problems, !password.isEmpty(), "password must not be empty");
            checkModel(problems);
            checkJson(problems);
            check(problems, Double.isFinite(autoSleep) && autoSleep >= 0,
                    "autoSleep must be a number of seconds >= 0 (or true/false); got " + autoSleep);
            check(problems, rejoinLimit >= 0 && rejoinLimit <= 60_000,
                    "rejoinLimit must be 0..60000 ms; got " + rejoinLimit);
            check(problems, reconnectLimit >= 0 && reconnectLimit <= 86_400_000,
                    "reconnectLimit must be 0..86400000 ms; got " + reconnectLimit);
            check(problems, eventRateLimit >= 1 && eventRateLimit <= 60,
                    "eventRateLimit must be 1..60 per second; got " + eventRateLimit);
            check(problems, apiKey == null || (!apiKey.isEmpty() && apiKey.length() <= MAX_NAME),
                    "apiKey must be 1.." + MAX_NAME + " characters; got \"" + apiKey + "\"");
            check(problems, snapshotAfterCpuMs >= 1, "snapshotAfterCpuMs must be >= 1; got " + snapshotAfterCpuMs);
            checkUrls(problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid join parameters: " + String.join("; ", problems));
            }
            return new JoinParameters(this);
        }

        private void checkModel(List<String> problems) {
            try {
                registry.requireModelClass(model);
            } catch (IllegalArgumentException e) {
                problems.add("model: " + e.getMessage());
            }
        }

        @SuppressWarnings("unchecked")
        private void checkJson(List<String> problems) {
            try {
                options = StableJson.copy(Objects.requireNonNull(options, "options"), "options");
                Map<String, Object> map = (Map<String, Object>) options;
                for (String key : new LinkedHashSet<>(persistentIdOptions)) {
                    check(problems, map.containsKey(key), "persistentIdOptions names \"" + key
                            + "\" but options has no such key; options keys are " + map.keySet());
                }
                Object tpsOption = map.get("tps");
                if (tpsOption != null) {
                    if (tpsOption instanceof Number n) {
                        Tps.of(n.doubleValue());
                    } else if (tpsOption instanceof String s) {
                        Tps.parse(s);
                    } else {
                        problems.add("options.tps must be a number or \"NxM\"; got " + tpsOption);
                    }
                }
            } catch (ClassCastException e) {
                problems.add("options must be a Map<String, ?>");
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            try {
                viewData = StableJson.copy(viewData, "viewData");
                int size = StableJson.stringify(viewData, "viewData").length();
                check(problems, size <= MAX_VIEW_DATA_CHARS,
                        "viewData must encode to at most " + MAX_VIEW_DATA_CHARS + " characters; got " + size);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }

        private void checkUrls(List<String> problems) {
            boolean offline = debug.contains(DebugFlag.OFFLINE);
            boolean hasReflector = reflector != null || box != null;
            check(problems, offline || hasReflector,
                    "reflector (or box) is required unless debug offline is set; e.g. ws://127.0.0.1:9090/reflector");
            checkScheme(problems, "reflector", reflector, Set.of("ws", "wss", "http", "https"));
            checkScheme(problems, "files", files, Set.of("http", "https"));
            checkScheme(problems, "box", box, Set.of("http", "https"));
            if (reflector != null && reflector.getScheme() != null && reflector.getScheme().startsWith("http")) {
                reflector = URI.create(reflector.toString().replaceFirst("^http", "ws"));
            }
        }

        private static void checkScheme(List<String> problems, String what, URI uri, Set<String> schemes) {
            if (uri != null) {
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                check(problems, schemes.contains(scheme) && uri.getHost() != null,
                        what + " must be an absolute " + String.join("/", new java.util.TreeSet<>(schemes))
                                + " URL; got " + uri);
            }
        }

        private static void check(List<String> problems, boolean ok, String message) {
            if (!ok) {
                problems.add(message);
            }
        }
    }
}
