package dev.privatelink.cli;

import dev.privatelink.server.ServerInfo;
import dev.privatelink.server.ServerOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code serve} as a background process in its own session, logging to the data dir. */
final class Detached {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);

  private Detached() {}

  /**
   * Held while a server is spawned and handed to its caller, so that a shutdown hook taking the same
   * lock sees either no server or one already handed on, never one being born.
   */
  static final Object SPAWN = new Object();

  static String start(ServerOptions options, List<String> upWords, PrintStream log) {
    return start(options, upWords, log, p -> { });
  }

  /** Starts the server, handing its process to {@code started} before waiting for it to answer. */
  static String start(ServerOptions options, List<String> upWords, PrintStream log,
      java.util.function.Consumer<Process> started) {
    try {
      Files.createDirectories(options.dataDir());
      Path serverLog = options.dataDir().resolve("server.log");
      // The class path rather than -jar: it is the jar when run from it, and the classes directory
      // plus dependencies when run from a build or a test (where -jar of a directory fails).
      List<String> command = new ArrayList<>(List.of("setsid", javaBinary(), "--enable-native-access=ALL-UNNAMED",
          // Netty's fast buffers need Unsafe, which Java 25 refuses unless asked (see bench/README.md).
          "--sun-misc-unsafe-memory-access=allow", "-Dio.netty.noUnsafe=false",
          // The load balancers' tail: little survives a young collection, which Serial copies in about
          // 1 ms on one thread where G1 took 4-6 ms (and 12-45 ms early on) and needs both cores.
          "-XX:+UseSerialGC",
          // Pooled buffers keep their NIO view: the adaptive allocator made a ByteBuffer slice per TLS
          // wrap and unwrap (8 % of the bytes allocated); 0.72-0.9x the CPU per request (docs/benchmarks.md).
          "-Dio.netty.allocator.type=pooled",
          // Its exit (after `down`) need not wait for its epoll and accept threads (see ./privatelink).
          "-XX:UserThreadWaitAttemptsAtExit=0"));
      command.addAll(aotCache());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
      command.addAll(serveWords(upWords));
      Process p;
      synchronized (SPAWN) {
        p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
            serverLog.toFile())).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        started.accept(p);
      }
      Instant begin = Instant.now();
      // Ready when this very child recorded itself in the data dir and answers: a cloud of another
      // data dir on the same port answers too, but is not ours.
      while (!startedBy(p, options)) {
        if (!p.isAlive() || Duration.between(begin, Instant.now()).compareTo(START_LIMIT) > 0) {
          throw new CommandException("the cloud did not start; see " + serverLog + ":\n" + tail(serverLog));
        }
        Thread.sleep(20);
      }
      log.println("Cloud started in the background at " + options.endpoint() + " (log: " + serverLog + ")");
      return options.endpoint();
    } catch (IOException e) {
      throw new CommandException("could not start the cloud: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted");
    }
  }

  private static boolean startedBy(Process child, ServerOptions options) {
    return ServerInfo.read(options.dataDir()).filter(i -> i.pid() == child.pid())
        .filter(i -> ServerInfo.healthy(i.endpoint())).isPresent();
  }

  /** The words of {@code up} that {@code serve} understands too. */
  private static List<String> serveWords(List<String> words) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("--no-dataplane") || w.equals("--allow-unsigned-reset") || w.equals("--expect-seed")) {
        out.add(w);
      } else if (List.of("--port", "--host", "--data-dir", "--health-timing", "--flow-log-timing", "--notification-webhook",
          "--strict-auth").contains(w) && i + 1 < words.size()) {
        out.add(w);
        out.add(w.equals("--data-dir") ? Path.of(words.get(i + 1)).toAbsolutePath().toString() : words.get(i + 1));
        i++;
      }
    }
    return out;
  }

  /**
   * The launcher's AOT cache (see bin/aot), when this JVM was started with it: the server starts
   * with the classes it loads already loaded and linked. The JDK skips a cache that does not fit
   * the jar, and says so only in its aot log, which stays off.
   */
  private static List<String> aotCache() {
    String cache = System.getProperty("privatelink.aot");
    if (cache == null || !Files.isRegularFile(Path.of(cache))) {
      return List.of();
    }
    return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off", "-Dprivatelink.aot=" + cache);
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
