package dev.privatelink.server;

import dev.privatelink.dataplane.LinkCounts;
import dev.privatelink.dataplane.forward.PortForwards;
import java.lang.System.Logger;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A host sync built on a thread of its own while the API opens: building the data plane (reaping a
 * crashed run's leftovers, setting up namespace switching and the load balancers' event loops)
 * takes longer than everything else a start does, and no API call needs it. What does need it
 * waits for it: the reconcile loop starts only once it is built, so leftovers are gone before
 * anything new is made; port forwards wait for it; closing waits for it, then closes it.
 */
final class BackgroundHostSync implements HostSync {
  private static final Logger LOG = System.getLogger(BackgroundHostSync.class.getName());
  private final CompletableFuture<HostSync> built = new CompletableFuture<>();
  private boolean startAsked;
  private @Nullable HostSync ready;

  BackgroundHostSync(Supplier<HostSync> build) {
    // A platform thread: the data plane's set-up enters namespaces, which a virtual thread may not.
    Thread.ofPlatform().name("pl-dataplane-build").daemon().start(() -> {
      try {
        HostSync sync = build.get();
        // Started before anyone waiting for it (close above all) sees it, so it never starts once closed.
        synchronized (this) {
          ready = sync;
          if (startAsked) {
            sync.start();
          }
        }
        built.complete(sync);
      } catch (RuntimeException | Error e) {
        LOG.log(Logger.Level.ERROR, "the data plane could not be built; the host will not follow the cloud", e);
        built.completeExceptionally(e);
      }
    });
  }

  @Override
  public synchronized void start() {
    startAsked = true;
    if (ready != null) {
      ready.start();
    }
  }

  @Override
  public long hostVersion() {
    HostSync sync = done();
    return sync == null ? -1 : sync.hostVersion();
  }

  @Override
  public Optional<PortForwards> forwards() {
    try {
      return built.join().forwards();
    } catch (RuntimeException e) {
      throw new IllegalStateException("the data plane could not be built: " + e.getMessage(), e);
    }
  }

  /** Nothing is carried before the data plane exists, so its counts are zero until then. */
  @Override
  public LinkCounts linkCounts() {
    return (from, to) -> {
      HostSync sync = done();
      return sync == null ? LinkCounts.LinkCount.ZERO : sync.linkCounts().of(from, to);
    };
  }

  @Override
  public void close() {
    HostSync sync;
    try {
      sync = built.join();
    } catch (RuntimeException e) {
      return; // never built: nothing of it to close
    }
    sync.close();
  }

  private @Nullable HostSync done() {
    return built.isDone() && !built.isCompletedExceptionally() ? built.join() : null;
  }
}
