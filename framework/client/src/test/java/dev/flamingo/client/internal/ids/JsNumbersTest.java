package dev.flamingo.client.internal.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsNumbersTest {

    @Test
    void matchesNodeNumberToString() {
        // Expected strings printed by node: [..].map(String)
        double[] in = {1, 1.5, 0.1, 1e21, 1e-7, 123456789012345680000.0, -0.000001, 5e-324,
            1.7976931348623157e308, 0.1 + 0.2, 100, 1e20, 9007199254740994.0, -0.0};
        String[] out = {"1", "1.5", "0.1", "1e+21", "1e-7", "123456789012345680000", "-0.000001", "5e-324",
            "1.7976931348623157e+308", "0.30000000000000004", "100", "100000000000000000000",
            "9007199254740994", "0"};
        for (int i = 0; i < in.length; i++) {
            assertEquals(out[i], JsNumbers.toJs(in[i]), "for " + in[i]);
        }
    }

    @Test
    void rejectsNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> JsNumbers.toJs(Double.NaN));
    }
}
