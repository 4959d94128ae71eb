package dev.flamingo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.client.it.CounterModel;
import dev.flamingo.core.Registry;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinParametersTest {

    private static final Registry REGISTRY = Registry.builder().register("jp.Counter", CounterModel.class).build();

    private static JoinParameters.Builder valid() {
        return JoinParameters.builder().appId("com.example.app").name("room").password("pw").registry(REGISTRY)
                .model(CounterModel.class).reflector(URI.create("ws://127.0.0.1:9090/reflector"));
    }

    private static String problems(JoinParameters.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void defaultsAreCroquets() {
        JoinParameters p = valid().build();
        assertEquals(1000, p.rejoinLimitMs());
        assertEquals(20, p.eventRateLimit());
        assertEquals(10.0, p.autoSleepSeconds());
        assertEquals(Step.AUTO, p.step());
        assertEquals(Tps.DEFAULT, p.tps());
        assertNull(p.viewDataJson());
    }

    @Test
    void appIdFollowsCroquetsRule() {
        for (String good : List.of("com.example.app", "a.b", "io.croquet.my-app_2", "A.B")) {
            valid().appId(good).build();
        }
        for (String bad : List.of("noDot", "1com.example", "com..example", "com.-x", "com.ex ample", "a.b-")) {
            assertTrue(problems(valid().appId(bad)).contains("appId must be dot-separated"), bad);
        }
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        String message = problems(valid().name("").password("").rejoinLimit(60_001).eventRateLimit(0)
                .reconnectLimit(-1)
                .autoSleep(-1).tps("fast").debug("session,nope").apiKey("k".repeat(129)));
        for (String named : List.of("name must be 1..128", "password must not be empty",
                "rejoinLimit must be 0..60000 ms; got 60001",
                "reconnectLimit must be 0..86400000 ms; got -1", "eventRateLimit must be 1..60 per second; got 0",
                "autoSleep must be a number of seconds >= 0", "tps must be a number or \"NxM\"",
                "debug flag \"nope\" is unknown", "apiKey must be 1..128")) {
            assertTrue(message.contains(named), named + " missing from: " + message);
        }
    }

    @Test
    void optionsMustBeJsonAndPersistentKeysMustExist() {
        assertTrue(problems(valid().options(Map.of("when", new java.util.Date(0))))
                .contains("options.when -> java.util.Date is not JSON"));
        assertTrue(problems(valid().options(Map.of("a", 1)).persistentIdOptions("b"))
                .contains("persistentIdOptions names \"b\""));
        assertTrue(problems(valid().options(Map.of("tps", true))).contains("options.tps must be a number"));
    }

    @Test
    void optionsTpsOverridesTps() {
        assertEquals(Tps.parse("30x2"), valid().tps(5).options(Map.of("tps", "30x2")).build().tps());
    }

    @Test
    void reflectorOrOfflineIsRequiredAndUrlsAreChecked() {
        JoinParameters.Builder none = JoinParameters.builder().appId("a.b").name("n").password("p")
                .registry(REGISTRY).model(CounterModel.class);
        assertTrue(problems(none).contains("reflector (or box) is required"));
        none.debug(DebugFlag.OFFLINE).build();
        assertTrue(problems(valid().reflector(URI.create("ftp://x/"))).contains("reflector must be an absolute"));
    }

    @Test
    void boxGivesReflectorAndFiles() {
        JoinParameters p = JoinParameters.builder().appId("a.b").name("n").password("p").registry(REGISTRY)
                .model(CounterModel.class).box(URI.create("http://127.0.0.1:9090/")).build();
        assertEquals(URI.create("ws://127.0.0.1:9090/reflector"), p.reflector());
        assertEquals(URI.create("http://127.0.0.1:9090/files"), p.files());
    }

    @Test
    void missingRequiredParameterIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> JoinParameters.builder().name("n").build());
        assertTrue(e.getMessage().startsWith("appId is required"));
    }

    @Test
    void unregisteredModelIsNamed() {
        Registry empty = Registry.builder().build();
        assertTrue(problems(valid().registry(empty)).contains("model: model class " + CounterModel.class.getName()
                + " is not registered"));
    }
}
