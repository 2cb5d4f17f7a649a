package dev.privatelink.cli;

import dev.privatelink.server.ServerInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code status}: whether a cloud runs on this data dir, where, and whether it answers; when none
 * runs, what a crashed cloud left on the host (namespaces whose owner is dead) and how to remove it.
 */
final class StatusCommand {
  int run(List<String> words) {
    Args args = Args.parse(words, Set.of()).allow(Set.of("data-dir"));
    Path dataDir = CloudOptions.dataDir(args);
    Optional<ServerInfo> info = ServerInfo.read(dataDir);
    if (info.isEmpty()) {
      System.out.println("stopped (data dir " + dataDir + ")");
      HostCleanup.leftovers(dataDir).ifPresent(System.out::println);
      return 3;
    }
    boolean healthy = ServerInfo.healthy(info.get().endpoint());
    System.out.println((healthy ? "running" : "not answering") + " at " + info.get().endpoint() + " (pid "
        + info.get().pid() + ", data dir " + dataDir + ")");
    return healthy ? 0 : 1;
  }
}
