package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

/**
 * {@link Main#setUp}'s choices, each in a JVM of its own: Netty reads its properties once per JVM,
 * and this test's JVM has used Netty long before.
 */
class MainSetUpTest {
  @Test
  void nettysAllocatorRegistersNoJfrEventsSoTheFirstAnswerDoesNotStartJfr() throws Exception {
    assertEquals("0", probe(List.of()));
  }

  @Test
  void aUserWhoAsksForNettysJfrEventsGetsThem() throws Exception {
    assertTrue(Integer.parseInt(probe(List.of("-Dio.netty.jfr.enabled=true"))) > 0);
  }

  private static String probe(List<String> jvmFlags) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), AllocatorProbe.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.lines().reduce((a, b) -> b).orElse("");
  }

  /** Sets up as every command does, takes one pooled buffer and prints how many Netty JFR event types exist. */
  static final class AllocatorProbe {
    private AllocatorProbe() {}

    public static void main(String[] args) {
      Main.setUp();
      PooledByteBufAllocator.DEFAULT.directBuffer(1024).release();
      System.out.println(FlightRecorder.getFlightRecorder().getEventTypes().stream()
          .filter(t -> t.getName().startsWith("io.netty")).count());
    }
  }
}
