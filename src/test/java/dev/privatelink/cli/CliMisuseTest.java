package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** CLI misuses answer one line saying what to do, never the whole usage or a bare exception text. */
@ResourceLock(Resources.SYSTEM_ERR)
class CliMisuseTest {
  @Test
  void execWithoutDashesSaysToUseThem() {
    var r = run("exec", "consumer", "curl", "-s", "localhost");
    assertEquals(1, r.code());
    assertEquals(List.of("privatelink: put the command after --: privatelink exec consumer -- curl -s localhost"),
        r.err().lines().toList());
  }

  @Test
  void anUnusableDataDirSaysHowToChooseAnother() {
    var r = run("up", "--no-dataplane", "--port", "0", "--data-dir", "/proc/privatelink-nowhere/data");
    assertEquals(1, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("cannot use /proc/privatelink-nowhere/data as the data dir")
        && r.err().contains("--data-dir DIR or PRIVATELINK_HOME=DIR"), r.err());
  }

  private record Result(int code, String err) {}

  private static Result run(String... words) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Result(Main.run(List.of(words)), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }
}
