package dev.flamingo.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The handle's id form: round trips, interning, value semantics, and hostile ids refused with a clear message. */
class DataHandleTest {

  static final String PID = "ppppppppppppppppppppppppppppppppppppppppppQ";
  static final String HASH = "H4sh_-H4sh_-H4sh_-H4sh_-H4sh_-H4sh_-H4sh_-A";
  static final String SESSION_ID = "fd1/com.example.app/" + PID + "/" + HASH;

  @Test
  void sessionKeyHandleRoundTripsThroughItsId() {
    DataHandle handle = DataHandle.of("com.example.app", PID, HASH, null);
    assertEquals(SESSION_ID, handle.toId());
    assertSame(handle, DataHandle.fromId(handle.toId()));
    assertEquals("apps/com.example.app/" + PID + "/data/" + HASH, handle.path());
    assertEquals(HASH, handle.hash());
    assertEquals("com.example.app", handle.appId());
    assertEquals(PID, handle.persistentId());
    assertFalse(handle.isShareable());
    assertNull(handle.key());
  }

  @Test
  void shareableHandleCarriesItsKey() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0xA5);
    DataHandle handle = DataHandle.of("com.example.app", PID, HASH, key);
    assertTrue(handle.isShareable());
    assertArrayEquals(key, handle.key());
    handle.key()[0] = 0; // a copy: the handle stays immutable
    assertArrayEquals(key, DataHandle.fromId(handle.toId()).key());
    assertTrue(handle.toId().startsWith(SESSION_ID + "/"), handle.toId());
    assertFalse(handle.toString().contains(handle.toId().substring(SESSION_ID.length() + 1)),
        "toString must not leak the key: " + handle);
  }

  @Test
  void equalIdsGiveOneObjectWithAReplicaIndependentHashCode() {
    DataHandle a = DataHandle.fromId(new String(SESSION_ID.toCharArray()));
    DataHandle b = DataHandle.fromId(new String(SESSION_ID.toCharArray()));
    assertSame(a, b);
    assertEquals(SESSION_ID.hashCode(), a.hashCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "fd2/com.example.app/" + PID + "/" + HASH,
      "fd1/com.example.app/" + PID,
      "fd1/noDot/" + PID + "/" + HASH,
      "fd1/../../etc/passwd/" + PID + "/" + HASH,
      "fd1/com.example.app/" + PID + "/../" + HASH,
      "fd1/com.example.app/" + PID + "/" + HASH + "x",
      "fd1/com.example.app/" + PID + "/" + HASH + "/short",
      "fd1/com.example.app/" + PID + "/" + HASH + "/" + PID + "/" + HASH,
      "fd1/com.example.app/" + PID + "/" + HASH + "\n",
      "https://evil.example/" + HASH,
  })
  void malformedIdsAreRefusedNamingTheExpectedForm(String id) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataHandle.fromId(id));
    assertTrue(e.getMessage().startsWith("not a data handle id (expected \"fd1/<appId>/<persistentId>/<hash>[/<key>]\")"),
        e.getMessage());
  }

  @Test
  void aKeyWithStrayLowBitsIsRefusedSoEveryHandleHasOneId() {
    String canonical = "A".repeat(43);
    DataHandle.fromId(SESSION_ID + "/" + canonical);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataHandle.fromId(SESSION_ID + "/" + "A".repeat(42) + "B"));
    assertTrue(e.getMessage().contains("non-canonical key"), e.getMessage());
  }

  @Test
  void hugeIdsAreRefusedWithATruncatedEcho() {
    String id = "fd1/" + "a.".repeat(50_000) + "b/" + PID + "/" + HASH;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataHandle.fromId(id));
    assertTrue(e.getMessage().endsWith("...(" + id.length() + " chars)\""), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> DataHandle.fromId("fd1/a." + "b".repeat(130) + "/" + PID + "/" + HASH));
  }

  @Test
  void ofRefusesKeysThatAreNot256Bits() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataHandle.of("com.example.app", PID, HASH, new byte[16]));
    assertEquals("a data key has 32 bytes, got 16", e.getMessage());
    assertThrows(NullPointerException.class, () -> DataHandle.fromId(null));
  }
}
