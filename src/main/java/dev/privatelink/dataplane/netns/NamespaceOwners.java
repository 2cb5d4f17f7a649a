package dev.privatelink.dataplane.netns;

import dev.privatelink.util.process.ProcessIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which process made each of our namespaces: a file per namespace under
 * {@code /run/privatelink-local/owners} naming the owner's pid and start time. It lets the reaper
 * remove what a crashed cloud left while leaving alone the namespaces of another cloud that runs
 * on the same host (another data dir, a parallel CI job). {@code /run} is emptied at boot, as the
 * namespaces are.
 */
public final class NamespaceOwners {
  private static final Path DIR = Path.of(System.getProperty("privatelink.owners", "/run/privatelink-local/owners"));
  private static final String SELF = ProcessIdentity.current().text();
  // Namespaces a cloud in this process has claimed and not yet released: several clouds may run in
  // one JVM (test classes in parallel), and one's reaper must not take another's live namespaces.
  private static final java.util.Set<String> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private NamespaceOwners() {}

  /** Records this process as the owner of {@code netns}. */
  public static void claim(String netns) {
    try {
      Files.createDirectories(DIR);
      // Written aside and moved in whole: another cloud's reaper reading a half-written (empty) record
      // would take the namespace for an orphan and delete it under a running instance.
      Path part = Files.createTempFile(DIR, ".claim-", ".part");
      try {
        Files.writeString(part, SELF);
        LIVE.add(netns);
        Files.move(part, DIR.resolve(netns), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot record the owner of " + netns, e);
    }
  }

  public static void release(String netns) {
    LIVE.remove(netns);
    try {
      Files.deleteIfExists(DIR.resolve(netns));
    } catch (IOException e) {
      // A stale record only makes the namespace look orphaned later, which is what it is.
    }
  }

  /**
   * True if no live cloud owns {@code netns}: no record, a dead owner, or this process when none of
   * its clouds holds the namespace any more (a cloud of this process that closed without removing it).
   */
  public static boolean reapable(String netns) {
    Optional<String> owner = read(netns);
    if (owner.isEmpty()) {
      return true;
    }
    if (owner.get().equals(SELF)) {
      return !LIVE.contains(netns);
    }
    return ProcessIdentity.parse(owner.get()).flatMap(ProcessIdentity::live).isEmpty();
  }

  /** Forgets the records of namespaces that no longer exist (a crash between delete and release). */
  public static void forgetAllBut(java.util.Collection<String> existing) {
    try (var files = Files.list(DIR)) {
      // Records younger than a minute may belong to a namespace another cloud is creating right now.
      long cutoff = System.currentTimeMillis() - 60_000;
      files.filter(f -> !existing.contains(f.getFileName().toString()) && f.toFile().lastModified() < cutoff)
          .forEach(f -> release(f.getFileName().toString()));
    } catch (IOException e) {
      // No records yet.
    }
  }

  /** True if another live cloud (in another process, or another one in this process) owns a namespace of ours. */
  public static boolean anotherCloudRuns() {
    try (var files = Files.list(DIR)) {
      return files.anyMatch(f -> !reapable(f.getFileName().toString()));
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<String> read(String netns) {
    try {
      return Optional.of(Files.readString(DIR.resolve(netns)).strip());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
