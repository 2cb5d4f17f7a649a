package dev.privatelink.cli;

/** Removes host objects a crashed cloud left behind (namespaces, links, nft tables, processes). */
final class HostCleanup {
  private HostCleanup() {}

  static void reapLeftovers() {
    // Wired to the data plane's reaper once it lands.
  }
}
