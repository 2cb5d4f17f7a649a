package dev.privatelink.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of a Terraform directory in a temp dir, and terraform run in it: directly, with a CLI
 * configuration (written beside it) that installs providers from the mirror, or through a launcher
 * such as {@code privatelink terraform}. Each run has a time limit and its output (stdout and stderr
 * together) is kept for assertion messages. {@link #close()} destroys what an apply may have made.
 */
public final class TerraformWorkspace implements AutoCloseable {
  /** One finished run. */
  public record Result(List<String> argv, int exitCode, String output, Duration took) {
    public String describe() {
      return command(argv) + " → exit " + exitCode + " after " + took.toMillis() + " ms\n" + output;
    }
  }

  /** The command line for a message, with a class path (or any very long word) elided. */
  static String command(List<String> argv) {
    return String.join(" ", argv.stream().map(a -> a.length() > 120 ? "…" : a).toList());
  }

  private static final Duration DESTROY_LIMIT = Duration.ofMinutes(10);
  private final Path scratch;
  private final Path dir;
  private final Map<String, String> env = new HashMap<>();
  private final java.util.Set<String> unset = new java.util.HashSet<>();
  private List<String> launcher;
  private boolean applied;
  private int runs;

  private TerraformWorkspace(Path scratch, Path dir, TerraformInstallation installation) throws IOException {
    this.scratch = scratch;
    this.dir = dir;
    this.launcher = List.of(installation.terraform().toString());
    Path cliConfig = scratch.resolve("cli.tfrc");
    Files.writeString(cliConfig, installation.mirror().cliConfig());
    env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    for (String command : List.of("init", "apply", "plan", "destroy", "refresh")) {
      env.put("TF_CLI_ARGS_" + command, "-no-color");
    }
  }

  /** A copy of {@code source} (without its .terraform, lock file or state). */
  public static TerraformWorkspace copyOf(Path source, TerraformInstallation installation) throws IOException {
    Path scratch = Files.createTempDirectory("privatelink-terraform");
    Path dir = scratch.resolve(source.getFileName());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        String rel = source.relativize(f).toString();
        if (rel.startsWith(".terraform") || rel.startsWith("terraform.tfstate") || rel.equals("privatelink_override.tf")) {
          continue;
        }
        Files.copy(f, dir.resolve(rel), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return new TerraformWorkspace(scratch, dir, installation);
  }

  public Path dir() {
    return dir;
  }

  /** Sets an environment variable of every later run; {@code null} removes it. */
  public TerraformWorkspace env(String name, String value) {
    if (value == null) {
      env.remove(name);
      unset.add(name);
    } else {
      env.put(name, value);
      unset.remove(name);
    }
    return this;
  }

  /** Runs every later command as {@code launcher… args…} rather than {@code terraform args…}. */
  public TerraformWorkspace launcher(List<String> launcher) {
    this.launcher = List.copyOf(launcher);
    return this;
  }

  public void write(String file, String text) throws IOException {
    Files.writeString(dir.resolve(file), text);
  }

  /** Runs a command, which must end within {@code limit}; an apply marks the workspace for destroy. */
  public Result run(Duration limit, String... args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("apply")) {
      applied = true;
    }
    List<String> argv = new ArrayList<>(launcher);
    argv.addAll(List.of(args));
    Path out = Files.createTempFile(scratch, "run", ".out");
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    pb.environment().keySet().removeAll(unset);
    debugLog(pb, args);
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError(command(argv) + " did not finish within " + limit + "\n" + Files.readString(out));
    }
    return new Result(List.copyOf(argv), p.exitValue(), Files.readString(out), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * With {@code -Dprivatelink.tflog=DIR}, each run writes terraform's and the provider's debug log
   * (every API call, request and answer) to {@code DIR/<directory>-<n>-<command>.log}.
   */
  private void debugLog(ProcessBuilder pb, String... args) throws IOException {
    String dir = System.getProperty("privatelink.tflog");
    if (dir == null || dir.isEmpty()) {
      return;
    }
    Files.createDirectories(Path.of(dir));
    String name = "%s-%02d-%s.log".formatted(this.dir.getFileName(), ++runs, args.length == 0 ? "terraform" : args[0]);
    pb.environment().put("TF_LOG", "DEBUG");
    pb.environment().put("TF_LOG_PATH", Path.of(dir, name).toAbsolutePath().toString());
  }

  /** Runs a command that must succeed (exit 0), or fails the test with its output. */
  public Result succeed(Duration limit, String... args) throws IOException, InterruptedException {
    Result r = run(limit, args);
    if (r.exitCode() != 0) {
      throw new AssertionError(r.describe());
    }
    return r;
  }

  /** Destroys what an apply made (whether or not the apply finished), then deletes the copy. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (applied) {
        Result r = run(DESTROY_LIMIT, "destroy", "-auto-approve");
        if (r.exitCode() != 0) {
          System.err.println("teardown destroy failed: " + r.describe());
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Marks the workspace as destroyed already, so {@link #close()} does not destroy again. */
  public void destroyed() {
    applied = false;
  }
}
