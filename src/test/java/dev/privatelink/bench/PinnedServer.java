package dev.privatelink.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A server under test in its own process, pinned with {@code taskset} to the CPUs given, on a free
 * loopback port: the load generator, pinned elsewhere, then cannot take the server's CPU, and the
 * server's CPU time is read alike for every server, from {@code /proc}.
 */
record PinnedServer(Process process, int port, Path log) implements AutoCloseable {

  /** Runs {@code command} (the word {@code PORT} stands for the free port) once it answers on that port. */
  static PinnedServer start(String cpus, List<String> command) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> words = new ArrayList<>(List.of("taskset", "-c", cpus));
    command.forEach(w -> words.add(w.equals("PORT") ? Integer.toString(port) : w));
    Path log = Files.createTempFile("bench-server", ".log");
    Process p = new ProcessBuilder(words).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      if (!p.isAlive()) {
        throw new IllegalStateException(String.join(" ", words) + " did not start: " + Files.readString(log));
      }
      try (var socket = new Socket("127.0.0.1", port)) {
        return new PinnedServer(p, port, log);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    Files.deleteIfExists(log);
    throw new IllegalStateException(String.join(" ", words) + " did not answer within 120 s");
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** utime + stime of the process and all its threads (JIT and GC included), from /proc, in clock ticks of 10 ms. */
  long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
    Files.deleteIfExists(log);
  }
}
