package dev.privatelink.dataplane.netns;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Namespaces} on Linux through {@code setns(2)}, called with Java's foreign function API.
 * Only the calling OS thread changes namespace, so this must run on a platform thread: a virtual
 * thread could be unmounted mid-call and another virtual thread would then run in the wrong
 * namespace, hence {@link #call} refuses virtual threads. File descriptors of the target namespaces
 * are cached per name and re-validated by inode, so a namespace deleted and recreated under the
 * same name is never entered through a stale descriptor; {@link #forget} drops one eagerly.
 *
 * <p>A descriptor is closed only once no thread can still enter through it: the cache holds one
 * reference and every {@link #call} another for as long as it runs, and the last to let go closes
 * it. Without that, a thread between its look-up and its {@code setns} could find the number reused
 * by another open and create its sockets in some other VPC.
 */
public final class SetnsNamespaces implements Namespaces, AutoCloseable {
  private static final int CLONE_NEWNET = 0x40000000;
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final Path NETNS_DIR = Path.of("/var/run/netns");

  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle SETNS;
  private static final MethodHandle OPEN;
  private static final MethodHandle CLOSE;

  static {
    Linker linker = Linker.nativeLinker();
    SymbolLookup libc = linker.defaultLookup();
    Linker.Option errno = Linker.Option.captureCallState("errno");
    SETNS = linker.downcallHandle(libc.find("setns").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errno);
    // open(2) is variadic (the mode); declaring it so keeps the x86-64 calling convention right.
    OPEN = linker.downcallHandle(libc.find("open").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
        errno, Linker.Option.firstVariadicArg(2));
    CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(),
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  }

  private final ConcurrentMap<String, NsFd> cache = new ConcurrentHashMap<>();

  @Override
  public <T> T call(String netns, Callable<T> action) throws Exception {
    if (Thread.currentThread().isVirtual()) {
      throw new IllegalStateException("setns needs a platform thread; do not enter a namespace from a virtual thread");
    }
    NsFd target = acquire(netns);
    try {
      int home = open("/proc/thread-self/ns/net");
      try {
        setns(target.fd, netns);
        try {
          return action.call();
        } finally {
          setns(home, "the thread's original namespace");
        }
      } finally {
        close(home);
      }
    } finally {
      target.release();
    }
  }

  /** Drops the cached descriptor of a namespace that is being deleted, so it can really go away. */
  public void forget(String netns) {
    NsFd old = cache.remove(netns);
    if (old != null) {
      old.release();
    }
  }

  @Override
  public void close() {
    cache.keySet().forEach(this::forget);
  }

  /** The namespace's descriptor with a reference taken for the caller, who must release it. */
  private NsFd acquire(String netns) throws IOException {
    while (true) {
      NsFd fd = cached(netns);
      if (fd.retain()) {
        return fd;
      }
      // Forgotten and closed between the look-up and the retain: look it up again.
    }
  }

  private NsFd cached(String netns) throws IOException {
    Path path = NETNS_DIR.resolve(netns);
    long inode;
    try {
      inode = (Long) Files.getAttribute(path, "unix:ino");
    } catch (NoSuchFileException e) {
      forget(netns);
      throw new IllegalArgumentException("no network namespace named " + netns, e);
    }
    NsFd cached = cache.get(netns);
    if (cached != null && cached.inode == inode) {
      return cached;
    }
    if (cached != null && cache.remove(netns, cached)) {
      cached.release();
    }
    NsFd fresh = NsFd.open(path);
    NsFd raced = cache.putIfAbsent(netns, fresh);
    if (raced != null) {
      fresh.release();
      return raced;
    }
    return fresh;
  }

  private static int open(String path) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), O_RDONLY_CLOEXEC, 0);
      if (fd < 0) {
        throw new IllegalStateException("open(" + path + ") failed, errno " + (int) ERRNO.get(state, 0L));
      }
      return fd;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static void setns(int fd, String what) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      int rc = (int) SETNS.invokeExact(state, fd, CLONE_NEWNET);
      if (rc != 0) {
        throw new IllegalStateException("setns into " + what + " failed, errno " + (int) ERRNO.get(state, 0L)
            + " (needs CAP_SYS_ADMIN: run as root)");
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static void close(int fd) {
    try {
      int ignored = (int) CLOSE.invokeExact(fd);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * An open namespace descriptor and the inode it refers to, counted: it starts with the cache's
   * reference, and closes when the count drops to zero, after which it can never be retained again.
   */
  private static final class NsFd {
    final int fd;
    final long inode;
    private final AtomicInteger references = new AtomicInteger(1);

    private NsFd(int fd, long inode) {
      this.fd = fd;
      this.inode = inode;
    }

    /**
     * Opens the namespace and takes the inode from the descriptor itself (stat through /proc follows
     * it to the namespace), not from the path, which may name a newer namespace by now.
     */
    static NsFd open(Path path) throws IOException {
      int fd = SetnsNamespaces.open(path.toString());
      try {
        Path opened = Path.of("/proc/self/fd/" + fd);
        // While `ip netns add` or `delete` runs, the name is a plain file without the namespace
        // mounted on it; only a file of the namespace filesystem (the device of our own) is one.
        Object nsfs = Files.getAttribute(Path.of("/proc/self/ns/net"), "unix:dev");
        if (!Files.getAttribute(opened, "unix:dev").equals(nsfs)) {
          throw new IllegalArgumentException("no network namespace named " + path.getFileName()
              + " (it is being made or removed)");
        }
        return new NsFd(fd, (Long) Files.getAttribute(opened, "unix:ino"));
      } catch (IOException | RuntimeException e) {
        close(fd);
        throw e;
      }
    }

    boolean retain() {
      for (int n = references.get(); n > 0; n = references.get()) {
        if (references.compareAndSet(n, n + 1)) {
          return true;
        }
      }
      return false;
    }

    void release() {
      if (references.decrementAndGet() == 0) {
        close(fd);
      }
    }
  }
}
