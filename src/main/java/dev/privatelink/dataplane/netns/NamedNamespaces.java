package dev.privatelink.dataplane.netns;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The network namespaces that have a name under {@code /var/run/netns}, read from the directory
 * itself (no {@code ip} process). A namespace's identity is its inode: a namespace deleted and made
 * again under the same name has another one, and sockets or processes inside the old one are no
 * longer reachable through the name.
 */
public final class NamedNamespaces {
  static final Path DIR = Path.of("/var/run/netns");

  private NamedNamespaces() {}

  /** The inode of the namespace named {@code name}, or -1 when there is none. */
  public static long identity(String name) {
    try {
      return (Long) Files.getAttribute(DIR.resolve(name), "unix:ino");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The names that start with {@code prefix}; empty when the directory does not exist yet. */
  public static Set<String> named(String prefix) {
    Set<String> out = new HashSet<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(DIR, p -> p.getFileName().toString().startsWith(prefix))) {
      dir.forEach(p -> out.add(p.getFileName().toString()));
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + DIR, e);
    }
    return out;
  }
}
