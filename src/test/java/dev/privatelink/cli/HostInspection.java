package dev.privatelink.cli;

import dev.privatelink.dataplane.netns.Host;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a cloud leaves on the host, seen from outside it: the project's namespaces, host links and
 * nftables tables, and the processes of its instances. Instance processes are recognised by their
 * mounts: every one of them runs in its instance's mount namespace, whose {@code /var/log} and
 * {@code /run} are bind mounts of {@code <data-dir>/instances/<instance id>}, whatever its
 * command line says (the init is a plain {@code sleep infinity}, nginx calls itself "nginx").
 */
final class HostInspection {
  private HostInspection() {}

  /** {@code pl-} namespaces, {@code pl*} links and {@code pl_} tables of the host namespace. */
  static List<String> projectObjects() {
    List<String> found = new ArrayList<>();
    for (String line : Host.run("ip", "netns", "list").split("\n")) {
      if (line.strip().startsWith("pl-")) {
        found.add("netns " + line.strip());
      }
    }
    for (String line : Host.run("ip", "-o", "link", "show").split("\n")) {
      String[] parts = line.split(":\\s+", 3);
      if (parts.length >= 2 && parts[1].startsWith("pl")) {
        found.add("link " + parts[1]);
      }
    }
    for (String line : Host.run("nft", "list", "tables").split("\n")) {
      String[] parts = line.strip().split("\\s+");
      if (parts.length == 3 && parts[2].startsWith("pl_")) {
        found.add("nft " + line.strip());
      }
    }
    return found;
  }

  /**
   * Every process (but this JVM) whose mounts name one of {@code instanceIds}, or whose command line
   * or working directory lies in {@code dataDir}: a description of each, for the failure message.
   */
  static List<String> processesOf(Path dataDir, Collection<String> instanceIds) {
    List<String> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path p : proc) {
        if (Long.parseLong(p.getFileName().toString()) == self) {
          continue;
        }
        String cmdline = read(p.resolve("cmdline")).replace('\0', ' ').strip();
        String mounts = read(p.resolve("mountinfo"));
        String cwd = cwd(p);
        boolean ours = cmdline.contains(dataDir.toString()) || cwd.startsWith(dataDir.toString())
            || instanceIds.stream().anyMatch(mounts::contains);
        if (ours) {
          found.add(p.getFileName() + " " + cmdline + " (cwd " + cwd + ")");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return found;
  }

  /** The pid recorded in {@code file}, if the file exists. */
  static Optional<Long> pidIn(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Of {@code pids}, those still alive. */
  static List<Long> alive(Collection<Long> pids) {
    return pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
  }

  /** The instance's init and (when its user data started one) nginx master, from their pid files. */
  static List<Long> instancePids(Path dataDir, Collection<String> instanceIds) {
    List<Long> pids = new ArrayList<>();
    for (String id : instanceIds) {
      Path state = dataDir.resolve("instances").resolve(id);
      pidIn(state.resolve("init.pid")).ifPresent(pids::add);
      pidIn(state.resolve("run").resolve("nginx.pid")).ifPresent(pids::add);
    }
    return pids;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      // The process exited while we looked, or its file is unreadable: nothing to report.
      return "";
    }
  }

  private static String cwd(Path proc) {
    try {
      return Files.readSymbolicLink(proc.resolve("cwd")).toString();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
