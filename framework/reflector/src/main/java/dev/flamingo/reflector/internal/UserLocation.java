package dev.flamingo.reflector.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Croquet's user location: the {@code x-location} header a load balancer adds to the upgrade request
 * ({@code "region,city,lat,lng"}) becomes {@code {region, city: {name, lat, lng}}} (just {@code {region}}
 * without a city), and a session created with JOIN {@code location: true} adds it to each user it
 * announces. The header is network input, so anything but a well-formed value means no location, never
 * an error (Croquet split it unchecked, so a bad coordinate reached every client as null). Any thread.
 */
final class UserLocation {
    static final String HEADER = "x-location";
    static final int MAX_HEADER_CHARS = 256;
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl},]{1,100}");
    /** Plain decimals only: Double.parseDouble alone would also take NaN, Infinity, hex and 1e999. */
    private static final Pattern DEGREES = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{1,15})?");

    private UserLocation() {
    }

    /** The location for the values of the header (one expected), or null when absent or malformed. */
    static JsonObject parse(List<String> values) {
        if (values.size() != 1 || values.get(0).length() > MAX_HEADER_CHARS) {
            return null;
        }
        String[] parts = values.get(0).split(",", -1);
        String region = parts[0].strip();
        if (parts.length > 4 || !NAME.matcher(region).matches()) {
            return null;
        }
        JsonObject location = new JsonObject();
        location.addProperty("region", region);
        String city = parts.length > 1 ? parts[1].strip() : "";
        if (city.isEmpty()) {
            return location; // Croquet: a city only when the header names one
        }
        BigDecimal lat = parts.length == 4 ? degrees(parts[2], 90) : null;
        BigDecimal lng = parts.length == 4 ? degrees(parts[3], 180) : null;
        if (!NAME.matcher(city).matches() || lat == null || lng == null) {
            return null;
        }
        JsonObject c = new JsonObject();
        c.addProperty("name", city);
        c.addProperty("lat", lat);
        c.addProperty("lng", lng);
        location.add("city", c);
        return location;
    }

    private static BigDecimal degrees(String text, int limit) {
        String t = text.strip();
        if (!DEGREES.matcher(t).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(t);
        return d.abs().compareTo(BigDecimal.valueOf(limit)) <= 0 ? d : null;
    }

    /**
     * {@code user} as the session announces it: with {@code location} appended to {@code [viewId]} or set
     * as {@code location} of {@code {id, data}}, as Croquet does; a plain viewId string, or no location,
     * leaves it as it is.
     */
    static JsonElement attach(JsonElement user, JsonObject location) {
        if (location == null || !(user.isJsonArray() || user.isJsonObject())) {
            return user;
        }
        JsonElement located = user.deepCopy();
        if (located.isJsonArray()) {
            located.getAsJsonArray().add(location.deepCopy());
        } else {
            located.getAsJsonObject().add("location", location.deepCopy());
        }
        return located;
    }
}
