package dev.flamingo.core.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replicas are different JVMs: the same state must give the same bytes in another process, where
 * identity hash codes, class loading order and registry serials all differ.
 */
class CrossJvmDeterminismTest {

  /** Entry point of the child JVM: prints the SHA-256 of the sample graph's encoding. */
  public static final class Child {
    public static void main(String[] args) {
      System.out.print(hash());
    }
  }

  static String hash() {
    return HexFormat.of().formatHex(SnapshotCodec.sha256(Fixtures.CODEC.encode(RoundTripTest.sampleGraph())));
  }

  @Test
  void anotherJvmWritesTheSameBytes() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A different hash seed for identity hash codes makes any dependence on them show up.
    Process child = new ProcessBuilder(List.of(java, "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2",
        "-cp", System.getProperty("java.class.path"), Child.class.getName()))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    child.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, child.exitValue(), output);
    assertEquals(hash(), output);
  }
}
