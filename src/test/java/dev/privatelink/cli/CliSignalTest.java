package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.server.ServerInfo;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM to {@code up --detach} in each of its phases (the server starting, the seed being
 * applied, the readiness wait) stops the background server it started, and that server removes
 * everything it made: no server recorded or running, no instance namespace or process left.
 */
@NetnsTest
class CliSignalTest {
  @ParameterizedTest
  @ValueSource(strings = {"start", "apply", "readiness"})
  void sigtermLeavesTheHostClean(String phase) throws Exception {
    Path scratch = Files.createTempDirectory("privatelink-signal");
    Path dataDir = scratch.resolve("data");
    Path out = scratch.resolve("up.out");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "up", "--detach", "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    Process up = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    Predicate<String> reached = switch (phase) {
      case "start" -> text -> Files.exists(dataDir.resolve("server.log"));
      case "apply" -> text -> text.contains("  + aws_instance.service");
      default -> text -> text.contains("  ready: instance");
    };
    awaitOutput(up, out, reached, phase);
    Set<String> instances = instanceIds(dataDir);
    up.destroy();
    assertTrue(up.waitFor(90, TimeUnit.SECONDS), "up ends after SIGTERM");

    String said = Files.readString(out);
    assertTrue(ServerInfo.read(dataDir).isEmpty(), "no server recorded: " + said);
    assertEquals(List.of(), ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
        .map(c -> c.contains(dataDir.toString())).orElse(false)).map(ProcessHandle::pid).toList(), "no server runs");
    List<String> namespaces = HostInspection.projectObjects();
    assertEquals(List.of(), instances.stream().filter(id -> namespaces.contains("netns pl-" + id)).toList(),
        "instance namespaces left after SIGTERM in " + phase + ": " + said);
    assertEquals(List.of(), HostInspection.processesOf(dataDir, instances), "instance processes left");
    try (var paths = Files.walk(scratch)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void awaitOutput(Process up, Path out, Predicate<String> reached, String phase) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!reached.test(Files.readString(out))) {
      if (!up.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("up never reached " + phase + ":\n" + Files.readString(out));
      }
      Thread.sleep(20);
    }
  }

  private static Set<String> instanceIds(Path dataDir) throws IOException {
    Path dir = dataDir.resolve("instances");
    Set<String> ids = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (var list = Files.list(dir)) {
        list.map(p -> p.getFileName().toString()).forEach(ids::add);
      }
    }
    return ids;
  }
}
