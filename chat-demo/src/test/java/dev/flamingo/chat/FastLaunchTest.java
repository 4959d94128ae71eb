package dev.flamingo.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FastLaunchTest {

  @Test
  void plainJavaJarRelaunchesAndPassesPropertiesOn() {
    assertEquals(Optional.of(List.of()), FastLaunch.propertiesOnly(new String[] {"-jar", "chat-demo.jar"}));
    assertEquals(Optional.of(List.of("-Dflamingo.startup.trace=true")),
        FastLaunch.propertiesOnly(new String[] {"-Dflamingo.startup.trace=true", "-jar", "chat-demo.jar", "--session", "x"}));
  }

  @Test
  void anyOtherJvmOptionRunsInPlaceAsTheUserAsked() {
    assertEquals(Optional.empty(), FastLaunch.propertiesOnly(new String[] {"-Xmx64m", "-jar", "chat-demo.jar"}));
    assertEquals(Optional.empty(), FastLaunch.propertiesOnly(new String[] {"-cp", "chat-demo.jar", "dev.flamingo.chat.Launcher"}));
  }
}
