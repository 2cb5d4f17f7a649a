package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A seed system run through the CLI for one test class: a scratch directory with its data dir, a
 * free port, {@code up --detach --json} there, and {@code down} plus deletion after the class.
 */
final class DetachedSeed {
  final Path scratch;
  final Path dataDir;
  final Cli cli;
  final int port;

  DetachedSeed(String name) throws IOException {
    scratch = Files.createTempDirectory(name);
    dataDir = scratch.resolve("data");
    cli = new Cli(dataDir, scratch);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  /** {@code up --detach --json --port P}: its outputs. */
  JsonNode up() throws IOException, InterruptedException {
    Cli.Result up = cli.run("up", List.of("--detach", "--json", "--port", Integer.toString(port)), List.of());
    assertEquals(0, up.exitCode(), up.describe());
    return new ObjectMapper().readTree(up.stdout());
  }

  /** {@code down} if a cloud still runs, then the scratch directory goes. */
  void downAndDelete() throws IOException, InterruptedException {
    if (ServerInfo.read(dataDir).isPresent()) {
      cli.run("down", List.of(), List.of());
    }
    try (var paths = Files.walk(scratch)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
