package dev.privatelink.dataplane.netns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostCheckTest {
  @Test
  void findsToolsOnThePathAndNotMadeUpOnes() {
    assertTrue(HostCheck.onPath("sh"));
    assertFalse(HostCheck.onPath("no-such-tool-privatelink"));
  }

  @Test
  void everyProblemSaysHowToFixIt() {
    HostCheck.Result r = HostCheck.check();
    r.problems().forEach(p -> assertFalse(p.fix().isBlank(), p.toString()));
    assertTrue(r.ok() == r.problems().isEmpty());
  }
}
