package dev.privatelink.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one cloud holds on this host at a moment: the server's RSS, its live heap (what a full
 * collection leaves, read with {@code jcmd}: RSS alone moves with the collector's timing),
 * threads, file descriptors and sockets (from {@code /proc}), and, over the namespaces its owner
 * records name, the namespaces, veth ends, nftables rules and processes inside them (with their
 * RSS). Only the given server's namespaces are counted, so other clouds on the machine do not
 * blur the figures.
 */
record HostCensus(long rssKiB, long liveHeapKiB, int threads, int fds, int sockets, int namespaces, int veths,
    int nftRules, int processes, long processRssKiB) {
  private static final Path OWNERS = Path.of("/run/privatelink-local/owners");
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^\\S.* total .*?\\bused (\\d+)K");

  /** The figures of the server with process id {@code pid}. */
  static HostCensus of(long pid) throws IOException, InterruptedException {
    Path proc = Path.of("/proc", Long.toString(pid));
    long liveHeap = liveHeapKiB(pid);
    List<String> status = Files.readAllLines(proc.resolve("status"));
    int fds = 0;
    int sockets = 0;
    try (Stream<Path> s = Files.list(proc.resolve("fd"))) {
      for (Path fd : s.toList()) {
        fds++;
        try {
          sockets += Files.readSymbolicLink(fd).toString().startsWith("socket:") ? 1 : 0;
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed between the listing and the read
        }
      }
    }
    List<String> ns = ownedBy(pid);
    long[] inside = namespaceObjects(ns);
    return new HostCensus(statusKiB(status, "VmRSS:"), liveHeap, (int) statusKiB(status, "Threads:"), fds, sockets,
        ns.size(), (int) inside[0], (int) inside[1], (int) inside[2], inside[3]);
  }

  /** The heap in use right after a full collection, summed over the generations {@code GC.heap_info} lists. */
  private static long liveHeapKiB(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(List.of(jcmd, Long.toString(pid), "GC.run"));
    String info = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"));
    Matcher m = HEAP_USED.matcher(info);
    long used = 0;
    boolean found = false;
    while (m.find()) {
      used += Long.parseLong(m.group(1));
      found = true;
    }
    if (!found) {
      throw new IOException("no heap figures from jcmd " + pid + " GC.heap_info: " + info);
    }
    return used;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor();
    return out;
  }

  /** The namespaces whose owner record names process {@code pid}. */
  static List<String> ownedBy(long pid) throws IOException {
    if (!Files.isDirectory(OWNERS)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(OWNERS)) {
      return s.filter(p -> {
        try {
          return Files.readString(p).startsWith(pid + " ");
        } catch (IOException gone) {
          return false;
        }
      }).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** veth ends, nftables rules, processes and their RSS (KiB) in these namespaces, in one shell. */
  private static long[] namespaceObjects(List<String> namespaces) throws IOException, InterruptedException {
    if (namespaces.isEmpty()) {
      return new long[4];
    }
    String script = """
        v=0; r=0; p=0; m=0
        for ns in "$@"; do
          v=$((v + $(ip -n "$ns" -o link show type veth 2>/dev/null | wc -l)))
          r=$((r + $(ip netns exec "$ns" nft -a list ruleset 2>/dev/null | grep '# handle' | grep -cv '^\\s*\\(table\\|chain\\|set\\|map\\) ')))
          for pid in $(ip netns pids "$ns" 2>/dev/null); do
            p=$((p + 1)); m=$((m + $(awk '/^VmRSS:/{print $2}' /proc/$pid/status 2>/dev/null || echo 0)))
          done
        done
        echo $v $r $p $m
        """;
    List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", script, "census"));
    command.addAll(namespaces);
    String[] f = run(command).split("\\s+");
    long[] r = new long[4];
    for (int i = 0; i < 4 && i < f.length; i++) {
      r[i] = f[i].isEmpty() ? 0 : Long.parseLong(f[i]);
    }
    return r;
  }

  private static long statusKiB(List<String> status, String key) {
    return status.stream().filter(l -> l.startsWith(key)).findFirst()
        .map(l -> Long.parseLong(l.substring(key.length()).strip().split("\\s+")[0])).orElse(0L);
  }

  /** This census less {@code base}, divided by {@code units}: the cost of one unit. */
  String perUnit(HostCensus base, int units) {
    return String.format("%.0f KiB | %.0f KiB | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f KiB",
        (rssKiB - base.rssKiB) / (double) units, (liveHeapKiB - base.liveHeapKiB) / (double) units,
        (threads - base.threads) / (double) units,
        (fds - base.fds) / (double) units, (sockets - base.sockets) / (double) units,
        (namespaces - base.namespaces) / (double) units, (veths - base.veths) / (double) units,
        (nftRules - base.nftRules) / (double) units, (processes - base.processes) / (double) units,
        (processRssKiB - base.processRssKiB) / (double) units);
  }

  static String perUnitHeader(String unit) {
    return "| " + unit + " | server RSS | live heap | threads | fds | sockets | namespaces | veth ends | nft rules"
        + " | processes | their RSS |";
  }

  String totals() {
    return String.format("RSS %d MiB, live heap %d MiB, %d threads, %d fds (%d sockets), %d namespaces, %d veth ends, "
        + "%d nft rules, %d processes (%d MiB)", rssKiB / 1024, liveHeapKiB / 1024, threads, fds, sockets, namespaces, veths,
        nftRules, processes, processRssKiB / 1024);
  }
}
