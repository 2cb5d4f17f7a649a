package dev.privatelink.cli;

import dev.privatelink.server.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code down}: stops the running cloud (which removes its host objects as it exits), then reaps
 * anything a crashed run left behind; {@code --purge} also deletes the state.
 */
final class DownCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of("purge")).allow(Set.of("data-dir"));
    Path dataDir = CloudOptions.dataDir(args);
    Optional<ServerInfo> running = ServerInfo.read(dataDir);
    if (running.isPresent()) {
      stop(running.get());
      System.out.println("Stopped the cloud at " + running.get().endpoint());
    } else {
      System.out.println("No cloud is running on " + dataDir);
    }
    HostCleanup.reapLeftovers();
    if (args.flag("purge")) {
      purge(dataDir);
      System.out.println("Deleted " + dataDir);
    }
    return 0;
  }

  /** Signals the server only if its pid still names the process that wrote the record. */
  private static void stop(ServerInfo info) {
    ProcessHandle process = info.process().orElse(null);
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }

  private static void purge(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return;
    }
    try (var paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new CommandException("could not delete " + dataDir + ": " + e.getMessage(), e);
    }
  }
}
