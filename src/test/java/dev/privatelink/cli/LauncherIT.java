package dev.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.privatelink.server.ServerInfo;
import dev.privatelink.testing.NetnsTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher a user runs, {@code ./privatelink}, on the packaged jar (so it runs after the jar is
 * built, by Maven's failsafe): its first command makes the AOT caches by bin/aot's training run
 * (with the data plane, as root), {@code up --detach} hands the server's cache to the server it
 * starts, the consumer's curl through the endpoint shows nginx's page, and {@code down --purge}
 * leaves none of the cloud's namespaces behind.
 */
@NetnsTest
class LauncherIT {
  private static final Path ROOT = Path.of(System.getProperty("user.dir"));
  private static final long LIMIT_SECONDS = 420;

  record Run(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
  }

  @Test
  void upExecAndDownThroughTheLauncherWithItsCaches() throws Exception {
    Path scratch = Files.createTempDirectory("privatelink-launcher");
    Path data = scratch.resolve("data");
    Run up = launcher("up", "--detach", "--json", "--data-dir", data.toString(), "--port", Integer.toString(freePort()));
    try {
      assertEquals(0, up.exitCode(), up.describe());
      assertTrue(up.stderr().lines().anyMatch(l -> l.matches("Ready in \\d+\\.\\d s")), up.describe());
      assertTrue(Files.isRegularFile(ROOT.resolve("target/privatelink.aot")), "the server's AOT cache: " + up.describe());
      assertTrue(Files.isRegularFile(ROOT.resolve("target/privatelink-cli.aot")), "the CLI's AOT cache: " + up.describe());
      long pid = ServerInfo.read(data).orElseThrow().pid();
      String serverCommand = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
      assertTrue(serverCommand.contains("-XX:AOTCache=" + ROOT.resolve("target/privatelink.aot")), serverCommand);
      assertTrue(serverCommand.contains("-XX:+UseSerialGC") && serverCommand.contains("--expect-seed"), serverCommand);
      JsonNode outputs = new ObjectMapper().readTree(up.stdout());
      String url = outputs.get("consumerEndpointDnsNames").get(0).asText();
      Run curl = launcher("exec", "--data-dir", data.toString(), "PrivateLink Demo Consumer", "--", "curl", "-sk", url);
      assertEquals(0, curl.exitCode(), curl.describe());
      assertTrue(curl.stdout().contains("Welcome to nginx!"), curl.describe());
    } finally {
      Run down = launcher("down", "--purge", "--data-dir", data.toString());
      assertEquals(0, down.exitCode(), down.describe());
    }
    JsonNode outputs = new ObjectMapper().readTree(up.stdout());
    String namespaces = run(List.of("ip", "netns", "list")).stdout();
    for (String instance : List.of(outputs.get("consumerInstanceId").asText(), outputs.get("serviceInstanceId").asText())) {
      assertFalse(namespaces.contains("pl-" + instance), "left behind: pl-" + instance + "\n" + namespaces);
    }
  }

  private static Run launcher(String... words) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(ROOT.resolve("privatelink").toString()));
    argv.addAll(List.of(words));
    return run(argv);
  }

  private static Run run(List<String> argv) throws IOException, InterruptedException {
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    try {
      // Files, not pipes: up --detach leaves a server behind that would hold a pipe open.
      Process p = new ProcessBuilder(argv).directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(argv + " ran past " + LIMIT_SECONDS + " s:\n" + Files.readString(err));
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
