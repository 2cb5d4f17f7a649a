package dev.privatelink.cli;

import dev.privatelink.dataplane.netns.HostCheck;
import dev.privatelink.dataplane.netns.Reaper;

/** Removes host objects a crashed cloud left behind (namespaces, links, nft tables, processes). */
final class HostCleanup {
  private HostCleanup() {}

  /** One line naming what a crashed cloud left on the host and how to remove it, or empty. */
  static java.util.Optional<String> leftovers(java.nio.file.Path dataDir) {
    if (!HostCheck.check().ok()) {
      return java.util.Optional.empty();
    }
    java.util.List<String> orphans = Reaper.standard().orphans();
    if (orphans.isEmpty()) {
      return java.util.Optional.empty();
    }
    String shown = String.join(", ", orphans.subList(0, Math.min(5, orphans.size()))) + (orphans.size() > 5 ? ", …" : "");
    return java.util.Optional.of("leftovers of a crashed cloud: " + orphans.size() + " namespace(s) whose owner is dead ("
        + shown + "); remove them with: privatelink down --data-dir " + Shell.quote(dataDir.toString()));
  }

  static void reapLeftovers() {
    if (HostCheck.check().ok()) {
      Reaper.standard().reap();
    }
  }
}
