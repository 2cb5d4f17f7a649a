package dev.privatelink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The privatelink CLI run as a user runs it: a separate JVM on the test class path, its own exit
 * code, stdout and stderr. Output goes to files rather than pipes because {@code up --detach}
 * leaves a server behind, and a pipe shared with it would never reach end of file.
 */
final class Cli {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  /** One finished command. */
  record Result(List<String> words, int exitCode, String stdout, String stderr, String serverLog) {
    /** What was run, what it said and what the server logged meanwhile, for assertion messages. */
    String describe() {
      return "privatelink " + String.join(" ", words) + " → exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr
          + "\nend of server.log:\n" + serverLog;
    }
  }

  private final Path dataDir;
  private final Path scratch;

  Cli(Path dataDir, Path scratch) {
    this.dataDir = dataDir;
    this.scratch = scratch;
  }

  /** {@code privatelink <command> --data-dir D <rest…>}; the data dir goes before any {@code --}. */
  Result run(String command, List<String> options, List<String> afterDashes) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(List.of(command));
    words.addAll(options);
    words.addAll(List.of("--data-dir", dataDir.toString()));
    if (!afterDashes.isEmpty()) {
      words.add("--");
      words.addAll(afterDashes);
    }
    return runWords(words);
  }

  /** {@code privatelink exec <target> -- command…}. */
  Result exec(String target, String... command) throws IOException, InterruptedException {
    return run("exec", List.of(target), List.of(command));
  }

  /** A command line as the CLI printed it for the user to copy (words separated by spaces, no quoting). */
  Result runAsPrinted(String line) throws IOException, InterruptedException {
    return runWords(List.of(line.split(" +")));
  }

  /** A command left running (e.g. {@code forward} until Ctrl-C), its output going to files. */
  record Running(Process process, Path stdout, Path stderr) {
    String output() throws IOException {
      return Files.readString(stdout) + Files.readString(stderr);
    }

    /** Waits (bounded) until stdout has a line matching {@code line}, and returns it. */
    java.util.regex.Matcher awaitLine(java.util.regex.Pattern line) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (String l : Files.readAllLines(stdout)) {
          java.util.regex.Matcher m = line.matcher(l);
          if (m.matches()) {
            return m;
          }
        }
        if (!process.isAlive()) {
          throw new AssertionError("exited " + process.exitValue() + " before printing " + line + ":\n" + output());
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no line " + line + " within " + LIMIT + ":\n" + output());
    }
  }

  /** Starts {@code privatelink <command> <options…> --data-dir D} and returns while it runs. */
  Running start(String command, List<String> options) throws IOException {
    List<String> words = new ArrayList<>(List.of(command));
    words.addAll(options);
    words.addAll(List.of("--data-dir", dataDir.toString()));
    Path out = Files.createTempFile(scratch, "cli", ".out");
    Path err = Files.createTempFile(scratch, "cli", ".err");
    return new Running(launch(words, out, err), out, err);
  }

  private Process launch(List<String> words, Path out, Path err) throws IOException {
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    argv.addAll(words);
    return new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
  }

  private Result runWords(List<String> words) throws IOException, InterruptedException {
    Path out = Files.createTempFile(scratch, "cli", ".out");
    Path err = Files.createTempFile(scratch, "cli", ".err");
    Process p = launch(words, out, err);
    if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("privatelink " + String.join(" ", words) + " did not finish within " + LIMIT
          + "\nstderr:\n" + Files.readString(err) + "\nend of server.log:\n" + serverLogTail());
    }
    return new Result(List.copyOf(words), p.exitValue(), Files.readString(out), Files.readString(err), serverLogTail());
  }

  /** The last lines the detached server logged: the data dir is deleted after the class. */
  private String serverLogTail() throws IOException {
    Path log = dataDir.resolve("server.log");
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
