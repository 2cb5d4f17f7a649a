package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {
  @Test
  void wordsSplitIntoCommandsAtSemicolonsAndAnExecsOwnDoubleDashStays() {
    assertEquals(List.of(List.of("up", "--detach", "--port", "1"), List.of("exec", "i-1", "--", "curl", "-sk", "u")),
        Training.commands(List.of("up", "--detach", "--port", "1", ";", "exec", "i-1", "--", "curl", "-sk", "u", ";")));
  }
}
