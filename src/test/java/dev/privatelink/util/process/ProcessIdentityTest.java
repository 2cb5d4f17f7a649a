package dev.privatelink.util.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.util.process.ProcessIdentity.StartUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
  @Test
  void thisProcessIsLiveUnderItsOwnIdentity() {
    ProcessIdentity self = ProcessIdentity.current();
    assertEquals(ProcessHandle.current().pid(), self.pid());
    assertEquals(StartUnit.BOOT_TICKS, self.unit(), "Linux has /proc");
    assertTrue(self.start() > 0);
    assertEquals(Optional.of(ProcessHandle.current()), self.live());
  }

  @Test
  void theSamePidWithAnotherStartIsSomeoneElse() {
    ProcessIdentity self = ProcessIdentity.current();
    assertTrue(new ProcessIdentity(self.pid(), self.start() - 1, StartUnit.BOOT_TICKS).live().isEmpty(),
        "a pid reused by another process is not the recorded one");
  }

  @Test
  void theStartIsCountedInTicksSinceBoot() throws Exception {
    // A stepped clock (a resumed laptop, a forked VM) moves the JDK's start instant but not this count.
    // USER_HZ is 100 on every Linux the JDK runs on: uptime minus this JVM's age, in ticks.
    double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
    double age = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
    double startSeconds = ProcessIdentity.current().start() / 100.0;
    assertEquals(uptime - age, startSeconds, 5.0, "started " + startSeconds + " s after boot");
    ProcessHandle init = ProcessHandle.of(1).orElseThrow();
    assertEquals(ProcessIdentity.of(init), ProcessIdentity.of(init), "the same process, read twice");
  }

  @Test
  void anOlderRecordInEpochMillisIsComparedItsWay() {
    long millis = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    ProcessIdentity older = ProcessIdentity.parse(ProcessHandle.current().pid() + " " + millis).orElseThrow();
    assertEquals(StartUnit.EPOCH_MILLIS, older.unit());
    assertEquals(Optional.of(ProcessHandle.current()), older.live());
    assertTrue(new ProcessIdentity(older.pid(), millis - 1_000, StartUnit.EPOCH_MILLIS).live().isEmpty());
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
  void aCommandNameWithSpacesAndParenthesesIsSkipped() throws Exception {
    // The kernel names a process after its executable's file, so a file so named gives such a name.
    java.nio.file.Path odd = java.nio.file.Files.createTempDirectory("pid").resolve("a) b (c");
    java.nio.file.Files.copy(java.nio.file.Path.of("/bin/sleep"), odd);
    odd.toFile().setExecutable(true);
    Process p = new ProcessBuilder(odd.toString(), "5").start();
    try {
      Thread.sleep(200);
      ProcessIdentity id = ProcessIdentity.of(p.toHandle());
      assertEquals(StartUnit.BOOT_TICKS, id.unit());
      assertTrue(id.start() >= ProcessIdentity.current().start());
      assertEquals(Optional.of(p.toHandle()), id.live());
    } finally {
      p.destroy();
    }
  }

  @Test
  void readsWhatItWritesAndNothingElse() {
    ProcessIdentity id = new ProcessIdentity(4242, 1_234_567, StartUnit.BOOT_TICKS);
    assertEquals(Optional.of(id), ProcessIdentity.parse(id.text()));
    assertEquals(Optional.of(id), ProcessIdentity.parse(id.text() + "\n"));
    ProcessIdentity older = new ProcessIdentity(4242, 1_700_000_000_123L, StartUnit.EPOCH_MILLIS);
    assertEquals(Optional.of(older), ProcessIdentity.parse("4242 1700000000123"));
    assertTrue(ProcessIdentity.parse("4242").isEmpty());
    assertTrue(ProcessIdentity.parse("x 1").isEmpty());
    assertTrue(ProcessIdentity.parse("4242 1 seconds").isEmpty());
  }
}
