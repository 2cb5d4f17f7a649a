package dev.privatelink.dataplane.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether the real data plane can run on this machine, and if not, exactly what is missing
 * and how to get it. Needs Linux, root (CAP_NET_ADMIN and CAP_SYS_ADMIN for namespaces and mounts)
 * and the tools {@code ip}, {@code nft}, {@code nsenter}, {@code unshare}; {@code nginx} is needed
 * only by instances whose user data starts it.
 */
public final class HostCheck {
  private static final long CAP_NET_ADMIN = 1L << 12;
  private static final long CAP_SYS_ADMIN = 1L << 21;

  private HostCheck() {}

  /** One thing missing, and the command or action that supplies it. */
  public record Problem(String missing, String fix) {
    @Override
    public String toString() {
      return missing + ": " + fix;
    }
  }

  /** The outcome: {@link #ok()} when nothing essential is missing; warnings never block. */
  public record Result(List<Problem> problems, List<Problem> warnings) {
    public Result {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Inspects this host. */
  public static Result check() {
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      problems.add(new Problem("Linux", "the data plane uses network namespaces and nftables; run on Linux"
          + " (a Linux VM or container started with --privileged)"));
      return new Result(problems, warnings);
    }
    long caps = effectiveCapabilities();
    if ((caps & CAP_NET_ADMIN) == 0 || (caps & CAP_SYS_ADMIN) == 0) {
      problems.add(new Problem("root (CAP_NET_ADMIN and CAP_SYS_ADMIN)", "run as root: sudo ./privatelink up"));
    }
    tool(problems, "ip", "apt-get install iproute2 (dnf install iproute)");
    tool(problems, "nft", "apt-get install nftables (dnf install nftables)");
    tool(problems, "nsenter", "apt-get install util-linux (dnf install util-linux)");
    tool(problems, "unshare", "apt-get install util-linux (dnf install util-linux)");
    tool(warnings, "nginx", "apt-get install nginx (instances whose user data starts nginx need it)");
    if (!Files.isDirectory(Path.of("/proc/self/ns")) || !Files.exists(Path.of("/proc/self/ns/net"))) {
      problems.add(new Problem("network namespaces", "use a kernel built with CONFIG_NET_NS"));
    }
    return new Result(problems, warnings);
  }

  /** Whether {@code name} is an executable on the PATH (plus the sbin directories root has). */
  public static boolean onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
    for (String dir : path.split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  private static void tool(List<Problem> into, String name, String fix) {
    if (!onPath(name)) {
      into.add(new Problem("`" + name + "` not found", fix));
    }
  }

  private static long effectiveCapabilities() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          return Long.parseUnsignedLong(line.substring(7).strip(), 16);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Fall through: unknown capabilities count as none.
    }
    return 0;
  }
}
