package dev.privatelink.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The directory holding one cloud's state (the journal, instance files, the server's pid and
 * port). Held with a file lock while a server uses it, so two servers never share one.
 */
public final class DataDir implements AutoCloseable {
  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** The default: {@code $PRIVATELINK_HOME} or {@code ~/.privatelink-local}. */
  public static Path defaultPath() {
    String env = System.getenv("PRIVATELINK_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".privatelink-local");
  }

  /** Locks the directory for this process; fails if another server holds it. */
  public static DataDir lock(Path root) throws IOException {
    Files.createDirectories(root);
    FileChannel channel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      throw new IOException("another privatelink server is using " + root);
    }
    return new DataDir(root, channel, lock);
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  /** Forces a directory's entries (a rename or a new file) to disk. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
