package dev.privatelink.dataplane.instances;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and kills processes by the identity (inode) of their network namespace rather than its
 * name, so the processes of an instance whose namespace was already unlinked are found too.
 */
final class NamespaceProcesses {
  private NamespaceProcesses() {}

  /** The inode of the network namespace of {@code pid}, or -1 when the process is gone. */
  static long netnsOf(long pid) {
    try {
      String link = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")).toString();
      return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The inode of a named namespace under {@code /var/run/netns}, or -1 when there is none. */
  static long netnsNamed(String name) {
    return dev.privatelink.dataplane.netns.NamedNamespaces.identity(name);
  }

  /** Every process (never this JVM) whose network namespace has this inode. */
  static List<ProcessHandle> in(long netnsInode) {
    List<ProcessHandle> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName().toString()))) {
      for (Path p : proc) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid != self && netnsOf(pid) == netnsInode) {
          ProcessHandle.of(pid).ifPresent(found::add);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return found;
  }

  /** SIGKILLs every process of the namespace, repeatedly, until none is left (or 3 s pass). */
  static void killAll(long netnsInode) {
    if (netnsInode < 0) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    List<ProcessHandle> victims = in(netnsInode);
    while (!victims.isEmpty() && System.nanoTime() < deadline) {
      victims.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle v : victims) {
        try {
          v.onExit().get(200, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // Not our child or still exiting; the next round looks again.
        }
      }
      victims = in(netnsInode).stream().filter(ProcessHandle::isAlive).toList();
    }
  }

  private static boolean isPid(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
