package dev.privatelink.cli;

import dev.privatelink.dataplane.netns.HostCheck;
import dev.privatelink.dataplane.netns.Reaper;

/** Removes host objects a crashed cloud left behind (namespaces, links, nft tables, processes). */
final class HostCleanup {
  private HostCleanup() {}

  static void reapLeftovers() {
    if (HostCheck.check().ok()) {
      Reaper.standard().reap();
    }
  }
}
