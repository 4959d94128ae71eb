package dev.flamingo.core.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flamingo.core.guard.fixtures.Waived;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowNondeterminismTest {
  @Test
  void methodWaiverCoversItsLambdasAndAnonymousClassesButNotOtherMethods() {
    List<Hazard> hazards = DeterminismGuard.scan(Waived.OnMethod.class);
    assertEquals(1, hazards.size(), hazards.toString());
    assertEquals("notWaived", hazards.get(0).member());
  }

  @Test
  void constructorWaiverCoversItsLambdas() {
    DeterminismGuard.check(Waived.OnConstructor.class);
  }

  @Test
  void classWaiverCoversFieldsMethodsAndNestedClasses() {
    DeterminismGuard.check(Waived.OnClass.class);
  }

  @Test
  void fieldWaiverCoversOnlyThatField() {
    List<Hazard> hazards = DeterminismGuard.scan(Waived.OnField.class);
    assertEquals(1, hazards.size(), hazards.toString());
    assertEquals("OTHER", hazards.get(0).member());
  }

  @Test
  void waiverWithoutReasonIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DeterminismGuard.check(Waived.BlankReason.class));
    assertTrue(error.getMessage().startsWith("@AllowNondeterminism on " + Waived.BlankReason.class.getName()
        + ".tick needs a reason"), error.getMessage());
  }
}
