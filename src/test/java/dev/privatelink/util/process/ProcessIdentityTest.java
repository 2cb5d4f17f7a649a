package dev.privatelink.util.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
  @Test
  void thisProcessIsLiveUnderItsOwnIdentity() {
    ProcessIdentity self = ProcessIdentity.current();
    assertEquals(ProcessHandle.current().pid(), self.pid());
    assertTrue(self.startMillis() > 0);
    assertEquals(Optional.of(ProcessHandle.current()), self.live());
  }

  @Test
  void theSamePidWithAnotherStartIsSomeoneElse() {
    ProcessIdentity self = ProcessIdentity.current();
    assertTrue(new ProcessIdentity(self.pid(), self.startMillis() - 1_000).live().isEmpty(),
        "a pid reused by another process is not the recorded one");
  }

  @Test
  void aProcessThatExitedIsNotLive() throws Exception {
    Process p = new ProcessBuilder("true").start();
    ProcessIdentity gone = ProcessIdentity.of(p.toHandle());
    p.waitFor();
    p.toHandle().onExit().get();
    assertTrue(gone.live().isEmpty());
  }

  @Test
  void readsWhatItWritesAndNothingElse() {
    ProcessIdentity id = new ProcessIdentity(4242, 1_700_000_000_123L);
    assertEquals(Optional.of(id), ProcessIdentity.parse(id.text()));
    assertEquals(Optional.of(id), ProcessIdentity.parse(id.text() + "\n"));
    assertTrue(ProcessIdentity.parse("4242").isEmpty());
    assertTrue(ProcessIdentity.parse("x 1").isEmpty());
  }
}
