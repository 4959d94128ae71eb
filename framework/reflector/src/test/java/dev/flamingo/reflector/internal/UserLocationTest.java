package dev.flamingo.reflector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserLocationTest {
    @Test
    void regionCityAndCoordinatesBecomeCroquetsShape() {
        assertEquals("{\"region\":\"us-east1\",\"city\":{\"name\":\"Ashburn\",\"lat\":39.0438,\"lng\":-77.4874}}",
                UserLocation.parse(List.of("us-east1,Ashburn,39.0438,-77.4874")).toString());
        assertEquals("{\"region\":\"eu\"}", UserLocation.parse(List.of("eu")).toString());
        assertEquals("{\"region\":\"eu\"}", UserLocation.parse(List.of("eu,,,")).toString());
    }

    @Test
    void anythingMalformedIsNoLocation() {
        for (String bad : new String[] {"", ",", "x".repeat(257), "us,City,abc,1", "us,City,NaN,1",
            "us,City,Infinity,1", "us,City,0x1p3,1", "us,City,1e2,1", "us,City,1d,1", "us,City,90.5,0",
            "us,City,0,-180.01", "us,City,1", "us,City,1,2,3", ",City,1,2", "us\u0000,City,1,2", "us,Ci\nty,1,2"}) {
            assertNull(UserLocation.parse(List.of(bad)), bad);
        }
        assertNull(UserLocation.parse(List.of()));
        assertNull(UserLocation.parse(List.of("us", "eu")), "a repeated header is ambiguous");
    }

    @Test
    void attachFollowsTheUsersShape() {
        JsonObject loc = UserLocation.parse(List.of("eu"));
        assertEquals("[\"v\",{\"region\":\"eu\"}]", UserLocation.attach(JsonParser.parseString("[\"v\"]"), loc).toString());
        assertEquals("{\"id\":\"v\",\"data\":\"d\",\"location\":{\"region\":\"eu\"}}",
                UserLocation.attach(JsonParser.parseString("{\"id\":\"v\",\"data\":\"d\"}"), loc).toString());
        assertEquals("\"v\"", UserLocation.attach(JsonParser.parseString("\"v\""), loc).toString());
        assertEquals("[\"v\"]", UserLocation.attach(JsonParser.parseString("[\"v\"]"), null).toString());
    }
}
