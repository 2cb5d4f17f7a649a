package dev.privatelink.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A writer JVM of a crash test: started on the test's class path, it prints what it was
 * acknowledged on stdout, which is collected line by line; {@link #kill} ends it with SIGKILL.
 * A line the kill cut short is never taken for an acknowledgement: only lines ended by a newline
 * are collected.
 */
final class KilledChild {
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;
  private final Writer stdin;

  private KilledChild(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.reader = Thread.ofPlatform().start(this::collect);
  }

  /** Starts {@code main} with {@code args}; its stderr is appended to {@code log}. */
  static KilledChild start(Path log, List<String> jvmOptions, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new KilledChild(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
  }

  private void collect() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException ignored) {
      // the process died
    }
  }

  /** The first line starting with {@code prefix}, once it is printed; empty if the child dies or time runs out. */
  Optional<String> await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        Optional<String> found = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        long left = deadline - System.nanoTime();
        if (found.isPresent() || left <= 0 || !process.isAlive() && !reader.isAlive()) {
          return found;
        }
        lines.wait(Math.max(1, Math.min(100, left / 1_000_000)));
      }
    }
  }

  /** Writes one line to the child's stdin. */
  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /** SIGKILL after {@code millis}; returns every complete line it printed. */
  List<String> kill(long millis) throws InterruptedException {
    Thread.sleep(millis);
    process.destroyForcibly();
    process.waitFor();
    reader.join();
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Waits for the child to end by itself (at most {@code timeout}); kills it past that. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    boolean ended = process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    if (!ended) {
      process.destroyForcibly();
      process.waitFor();
    }
    return ended;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }
}
