package dev.privatelink.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The server as a separate process ({@code privatelink serve}), so a test can kill it with
 * SIGKILL and start it again on the same data dir.
 */
public final class ServerProcess implements AutoCloseable {
  private final Path dataDir;
  private final int port;
  private final List<String> extraArgs;
  private Process process;

  public ServerProcess(Path dataDir, List<String> extraArgs) throws IOException {
    this.dataDir = dataDir;
    this.extraArgs = List.copyOf(extraArgs);
    try (ServerSocket s = new ServerSocket(0)) {
      this.port = s.getLocalPort();
    }
  }

  public ServerProcess start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.privatelink.cli.Main",
        "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    command.addAll(extraArgs);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!dev.privatelink.server.ServerInfo.healthy(endpoint().toString())) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("server did not start; see " + dataDir + ".log");
      }
      Thread.sleep(50);
    }
    return this;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
