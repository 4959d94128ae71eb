package dev.flamingo.client.internal.ids;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats doubles the way JavaScript's {@code Number.prototype.toString} does, so that hashed JSON matches
 * Croquet's {@code JSON.stringify} byte for byte. Stateless; any thread.
 */
final class JsNumbers {

    private JsNumbers() {
    }

    /** Returns the ECMAScript string form of a finite double ({@code 1} not {@code 1.0}, {@code 1e+21}). */
    static String toJs(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0"; // JS prints -0 as "0" too
        }
        BigDecimal decimal = shortest(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits * 10^n
        String body = layout(digits, k, n);
        return value < 0 ? "-" + body : body;
    }

    // The fewest significant digits that read back as the same double, as ECMAScript requires. JDK 17's
    // Double.toString is not always shortest (4.9E-324 for 5e-324), so search by precision instead.
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    // ECMAScript Number::toString steps 6-10 (radix 10).
    private static String layout(String digits, int k, int n) {
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e >= 0 ? "+" : "-") + Math.abs(e);
        if (k == 1) {
            return digits + "e" + exponent;
        }
        return digits.charAt(0) + "." + digits.substring(1) + "e" + exponent;
    }
}
