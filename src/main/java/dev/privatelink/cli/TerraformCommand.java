package dev.privatelink.cli;

import dev.privatelink.server.ServerInfo;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.terraform.AwsProviderBlocks;
import dev.privatelink.terraform.ProviderMirror;
import dev.privatelink.terraform.ProviderOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code terraform [--endpoint URL | --port N] [--region R] [--access-key K] [--secret-key S]
 * [terraform args…]}: runs terraform in the current directory (or its {@code -chdir}) against the
 * local cloud, with a generated {@link ProviderOverride} file and, when a provider mirror is on the
 * machine and the user names no CLI configuration, one that installs from it. Both are removed when
 * terraform exits; its exit code is this command's.
 */
final class TerraformCommand {
  private static final List<String> OPTIONS = List.of("endpoint", "port", "region", "access-key", "secret-key", "data-dir");

  int run(List<String> words) {
    return run(words, false);
  }

  /** @param outputToStderr terraform's stdout goes to ours of stderr (when ours carries JSON) */
  int run(List<String> words, boolean outputToStderr) {
    Map<String, String> options = new HashMap<>();
    List<String> terraformArgs = splitOptions(words, options);
    Map<String, String> env = System.getenv();
    Path dir = workingDirectory(terraformArgs);
    if (!Files.isDirectory(dir)) {
      throw new CommandException("no directory " + dir);
    }
    ProviderOverride override = new ProviderOverride(endpoint(options),
        first(options.get("region"), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1"),
        first(options.get("access-key"), env.get("AWS_ACCESS_KEY_ID"), "000000000000"),
        first(options.get("secret-key"), env.get("AWS_SECRET_ACCESS_KEY"), "test"));
    Path file = dir.resolve(ProviderOverride.FILE);
    refuseForeignOverride(file);
    Optional<Path> cliConfig = Optional.empty();
    try {
      Files.writeString(file, override.render(AwsProviderBlocks.in(dir, ProviderOverride.FILE)));
      cliConfig = userCliConfig(env) ? Optional.empty() : mirrorConfig(env);
      return runTerraform(terraformArgs, cliConfig, List.of(file), outputToStderr);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(file);
      cliConfig.ifPresent(TerraformCommand::deleteQuietly);
    }
  }

  /** Our options come first; the first other word (or everything after {@code --}) is terraform's. */
  private static List<String> splitOptions(List<String> words, Map<String, String> options) {
    int i = 0;
    while (i < words.size() && words.get(i).startsWith("--")) {
      String word = words.get(i).substring(2);
      if (word.isEmpty()) {
        return words.subList(i + 1, words.size());
      }
      int eq = word.indexOf('=');
      String name = eq > 0 ? word.substring(0, eq) : word;
      if (!OPTIONS.contains(name)) {
        break;
      }
      if (eq < 0 && i + 1 >= words.size()) {
        throw new Args.UsageException("option --" + name + " needs a value");
      }
      options.put(name, eq > 0 ? word.substring(eq + 1) : words.get(++i));
      i++;
    }
    return words.subList(i, words.size());
  }

  /** --endpoint, else --port on loopback, else the cloud running from the data dir, else the default port. */
  private static String endpoint(Map<String, String> options) {
    if (options.containsKey("endpoint")) {
      return options.get("endpoint").replaceAll("/+$", "");
    }
    if (options.containsKey("port")) {
      try {
        return "http://127.0.0.1:" + Integer.parseInt(options.get("port"));
      } catch (NumberFormatException e) {
        throw new Args.UsageException("--port needs a number");
      }
    }
    Path dataDir = CloudOptions.dataDir(Args.parse(
        options.containsKey("data-dir") ? List.of("--data-dir", options.get("data-dir")) : List.of(), java.util.Set.of()));
    return ServerInfo.read(dataDir).map(ServerInfo::endpoint).orElse("http://127.0.0.1:" + ServerOptions.DEFAULT_PORT);
  }

  private static Path workingDirectory(List<String> terraformArgs) {
    for (String a : terraformArgs) {
      if (a.startsWith("-chdir=")) {
        return Path.of(a.substring("-chdir=".length())).toAbsolutePath();
      }
      if (!a.startsWith("-")) {
        break;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  private static void refuseForeignOverride(Path file) {
    try {
      if (Files.exists(file) && !Files.readString(file).startsWith(ProviderOverride.HEADER)) {
        throw new CommandException(file + " exists and was not made by ./privatelink terraform; move it away");
      }
    } catch (IOException e) {
      throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The user named a CLI configuration that exists: theirs is used as it is. */
  private static boolean userCliConfig(Map<String, String> env) {
    String named = env.get("TF_CLI_CONFIG_FILE");
    return named != null && !named.isEmpty() && Files.exists(Path.of(named));
  }

  private static Optional<Path> mirrorConfig(Map<String, String> env) throws IOException {
    Optional<ProviderMirror> mirror = ProviderMirror.find(env);
    if (mirror.isEmpty()) {
      return Optional.empty();
    }
    Path config = Files.createTempFile("privatelink-terraform", ".tfrc");
    Files.writeString(config, mirror.get().cliConfig());
    return Optional.of(config);
  }

  private static int runTerraform(List<String> args, Optional<Path> cliConfig, List<Path> generated, boolean outputToStderr)
      throws IOException {
    List<String> argv = new java.util.ArrayList<>(List.of(System.getenv().getOrDefault("PRIVATELINK_TERRAFORM", "terraform")));
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
    if (outputToStderr) {
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(new java.io.File("/dev/stderr")));
    }
    cliConfig.ifPresent(c -> pb.environment().put("TF_CLI_CONFIG_FILE", c.toString()));
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CommandException("cannot run terraform (is it on PATH, or named by PRIVATELINK_TERRAFORM?): " + e.getMessage());
    }
    // Ctrl-C reaches terraform too; it stops cleanly, and the generated files go after it.
    Thread cleanup = new Thread(() -> {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      generated.forEach(TerraformCommand::deleteQuietly);
      cliConfig.ifPresent(TerraformCommand::deleteQuietly);
    });
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      System.err.println("privatelink: could not remove " + p + ": " + e.getMessage());
    }
  }
}
