package dev.flamingo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.guard.NondeterminismException;
import dev.flamingo.core.snapshot.SnapshotCodec;
import dev.flamingo.core.snapshot.TypeAdapter;
import dev.flamingo.core.vm.VmTypes;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegistryTest {
  /** A clean model. */
  public static class Plain extends Model {
    int value;
  }

  /** Reads the wall clock. */
  public static class Clocky extends Model {
    long started;

    @Override
    protected void init(Object options) {
      started = System.currentTimeMillis();
    }
  }

  /** Has only a constructor with arguments. */
  public static class NoDefault extends Model {
    public NoDefault(int x) {}
  }

  /** Stores dates by epoch day. */
  static final class DateAdapter implements TypeAdapter<LocalDate> {
    @Override
    public Object write(LocalDate value) {
      return value.toEpochDay();
    }

    @Override
    public LocalDate read(Object written) {
      return LocalDate.ofEpochDay((Long) written);
    }
  }

  @Test
  void registeredClassesAndConstantsAreKeptInOrder() {
    Registry registry = Registry.builder().register("r.Plain", Plain.class).constant("max", 5).build();
    assertEquals(Plain.class, registry.classes().get("r.Plain"));
    assertEquals(5, registry.constant("max"));
    assertEquals("r.Plain", registry.types().idOf(Plain.class));
    assertEquals(43, registry.versionId().length());
  }

  @Test
  void theVersionIdChangesWithConstantsAndClassIds() {
    String base = Registry.builder().register("r.Plain", Plain.class).build().versionId();
    assertEquals(base, Registry.builder().register("r.Plain", Plain.class).build().versionId());
    assertNotEquals(base, Registry.builder().register("r.Other", Plain.class).build().versionId());
    assertNotEquals(base, Registry.builder().register("r.Plain", Plain.class).constant("k", 1).build().versionId());
  }

  @Test
  void theVersionIdCoversBothSnapshotFormats() {
    // A build whose snapshots differ in layout must get other ids for the same app code, so its clients
    // never join a session of this build.
    assertEquals(Registry.FRAMEWORK_VERSION + ";codec-format=" + SnapshotCodec.FORMAT_VERSION + ";vm-schema="
        + VmTypes.SCHEMA, Registry.FRAMEWORK_IDENTITY);
  }

  @Test
  void theDeterminismGuardRunsOnRegisteredModels() {
    Registry.Builder builder = Registry.builder().register("r.Clocky", Clocky.class);
    NondeterminismException e = assertThrows(NondeterminismException.class, builder::build);
    assertTrue(e.getMessage().contains("System.currentTimeMillis"), e.getMessage());
  }

  @Test
  void duplicateIdsAndClassesAreRefusedNamingBoth() {
    Registry.Builder builder = Registry.builder().register("r.Plain", Plain.class);
    assertEquals("classId \"r.Plain\" is already registered for dev.flamingo.core.RegistryTest$Plain; cannot register"
        + " java.lang.String under it too",
        assertThrows(IllegalArgumentException.class, () -> builder.register("r.Plain", String.class)).getMessage());
    assertEquals("dev.flamingo.core.RegistryTest$Plain is already registered as \"r.Plain\"; cannot register it again"
        + " as \"r.Again\"",
        assertThrows(IllegalArgumentException.class, () -> builder.register("r.Again", Plain.class)).getMessage());
  }

  @Test
  void reservedPrefixesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Registry.builder().register("flamingo.X", Plain.class));
    assertThrows(IllegalArgumentException.class, () -> Registry.builder().register("java.X", Plain.class));
    assertThrows(IllegalArgumentException.class, () -> Registry.builder().register(" ", Plain.class));
  }

  @Test
  void aModelNeedsANoArgumentConstructor() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Registry.builder().register("r.NoDefault", NoDefault.class));
    assertEquals("model class dev.flamingo.core.RegistryTest$NoDefault needs a no-argument constructor; initialize it"
        + " in init(options) instead of a constructor", e.getMessage());
  }

  @Test
  void adaptersRegisterJdkTypesAndHashTheAdapterCode() {
    Registry registry = Registry.builder().register("r.Date", LocalDate.class, new DateAdapter()).build();
    assertEquals("r.Date", registry.types().idOf(LocalDate.class));
    assertThrows(IllegalArgumentException.class,
        () -> Registry.builder().register("r.M", Model.class, new TypeAdapter<Model>() {
          @Override
          public Object write(Model value) {
            return null;
          }

          @Override
          public Model read(Object written) {
            return null;
          }
        }));
  }

  @Test
  void anUnknownConstantNamesTheKnownOnes() {
    Registry registry = Registry.builder().constant("a", 1).build();
    assertEquals("no constant \"b\" is registered; known: [a]",
        assertThrows(IllegalArgumentException.class, () -> registry.constant("b")).getMessage());
  }
}
