package dev.privatelink.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs moto's server ({@code python3 -m moto.server}) on a free loopback port for a test class: the
 * peer our response shapes and our speed are compared with. Fails (never skips) when moto is
 * missing, since the comparison is part of what the tests prove.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
  private Process process;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    port = start();
  }

  /** Starts moto and returns its port once it answers. */
  public int start() throws IOException, InterruptedException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("moto", ".log");
    process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto's server did not start (is moto installed? pip install 'moto[server]'): "
            + Files.readString(log));
      }
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return port;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("moto's server did not answer within 60 s");
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** The server's process id, for benchmarks that read its CPU time. */
  public long pid() {
    return process.pid();
  }

  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
