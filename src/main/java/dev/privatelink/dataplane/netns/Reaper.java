package dev.privatelink.dataplane.netns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Removes host objects a previous (possibly crashed) run left: every namespace whose name starts
 * with the namespace prefix and whose owner ({@link NamespaceOwners}) is gone or is this process
 * (killing the processes inside first, since a live process would keep
 * the namespace and the instance's nginx alive), every link of the host namespace starting with the
 * link prefix, and every nftables table of the host namespace starting with the table prefix.
 * Safe when nothing exists. {@link #standard()} reaps everything of this project; tests use a
 * narrower prefix so they never touch namespaces other runs on the same machine are using.
 */
public final class Reaper {
  private final String nsPrefix;
  private final String linkPrefix;
  private final String nftPrefix;
  private final boolean sharedPrefixes;

  /** A reaper of objects under prefixes that belong to one run alone (a test's own). */
  public Reaper(String nsPrefix, String linkPrefix, String nftPrefix) {
    this(nsPrefix, linkPrefix, nftPrefix, false);
  }

  private Reaper(String nsPrefix, String linkPrefix, String nftPrefix, boolean sharedPrefixes) {
    this.nsPrefix = nsPrefix;
    this.linkPrefix = linkPrefix;
    this.nftPrefix = nftPrefix;
    this.sharedPrefixes = sharedPrefixes;
  }

  /** Reaps every {@code pl-} namespace, {@code pl} link and {@code pl_} table of this host. */
  public static Reaper standard() {
    return new Reaper(HostNames.PREFIX, "pl", HostNames.NFT_PREFIX, true);
  }

  /** The matching namespaces no live cloud owns (a crashed run's), which {@link #reap} would remove. */
  public List<String> orphans() {
    return namespaces(nsPrefix).stream().filter(NamespaceOwners::reapable).toList();
  }

  /** Removes every matching leftover; returns what it removed, for the log. */
  public List<String> reap() {
    List<String> removed = new ArrayList<>();
    NamespaceOwners.forgetAllBut(namespaces(""));
    for (String ns : namespaces(nsPrefix)) {
      if (!NamespaceOwners.reapable(ns)) {
        continue;
      }
      killAll(ns);
      if (Host.tryRun(List.of("ip", "netns", "delete", ns), null).exitCode() == 0) {
        NamespaceOwners.release(ns);
        removed.add("netns " + ns);
      }
    }
    if (sharedPrefixes && NamespaceOwners.anotherCloudRuns()) {
      // Host links and tables carry no owner; while another cloud runs, its transient ones are left alone
      // (a run's own narrow prefixes cannot match another cloud's objects, so they are always reaped).
      return removed;
    }
    for (String link : hostLinks()) {
      if (link.startsWith(linkPrefix) && Host.tryRun(List.of("ip", "link", "delete", link), null).exitCode() == 0) {
        removed.add("link " + link);
      }
    }
    for (String[] table : hostTables()) {
      if (table[1].startsWith(nftPrefix)
          && Host.tryRun(List.of("nft", "delete", "table", table[0], table[1]), null).exitCode() == 0) {
        removed.add("nft table " + table[0] + " " + table[1]);
      }
    }
    return removed;
  }

  /** Names of the namespaces under {@code /var/run/netns} that start with {@code prefix}. */
  public static List<String> namespaces(String prefix) {
    List<String> out = new ArrayList<>();
    for (String line : Host.run("ip", "netns", "list").split("\n")) {
      String name = line.strip().split("\\s+")[0];
      if (!name.isEmpty() && name.startsWith(prefix)) {
        out.add(name);
      }
    }
    return out;
  }

  /** Kills (SIGKILL) every process whose network namespace is {@code netns}, never this JVM. */
  public static void killAll(String netns) {
    long self = ProcessHandle.current().pid();
    Host.Result pids = Host.tryRun(List.of("ip", "netns", "pids", netns), null);
    List<ProcessHandle> victims = new ArrayList<>();
    for (String pid : pids.stdout().split("\\s+")) {
      if (!pid.isBlank() && Long.parseLong(pid) != self) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(victims::add);
      }
    }
    victims.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : victims) {
      try {
        p.onExit().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // A zombie whose parent is not us stays listed; the kernel frees the namespace when it is reaped.
      }
    }
  }

  private static List<String> hostLinks() {
    List<String> out = new ArrayList<>();
    for (String line : Host.run("ip", "-o", "link", "show").split("\n")) {
      String[] parts = line.split(":\\s+", 3);
      if (parts.length >= 2) {
        out.add(parts[1].split("@")[0].strip());
      }
    }
    return out;
  }

  private static List<String[]> hostTables() {
    List<String[]> out = new ArrayList<>();
    for (String line : Host.run("nft", "list", "tables").split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 3 && parts[0].equals("table")) {
        out.add(new String[] {parts[1], parts[2]});
      }
    }
    return out;
  }
}
