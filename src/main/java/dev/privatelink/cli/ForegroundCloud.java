package dev.privatelink.cli;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cloud run by this process, closed (its host objects removed) however the process ends: a
 * signal while the cloud is still starting waits for the start, then closes it, so Ctrl-C or
 * SIGTERM at any point leaves no namespace or instance behind.
 */
final class ForegroundCloud {
  private static final Duration START_WAIT = Duration.ofSeconds(120);
  private final CompletableFuture<LocalCloud> started = new CompletableFuture<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private ForegroundCloud() {}

  /** Starts the cloud, with the shutdown hook in place before the start begins. */
  static ForegroundCloud start(ServerOptions options) {
    ForegroundCloud f = new ForegroundCloud();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(f::closeAfterStart));
    try {
      f.started.complete(LocalCloud.start(options));
    } catch (IOException | RuntimeException e) {
      f.started.completeExceptionally(e);
      throw new CommandException("could not start the cloud: " + e.getMessage(), e);
    }
    return f;
  }

  LocalCloud cloud() {
    return started.join();
  }

  /** Closes the cloud now (once; later calls and the hook do nothing). */
  void close() {
    if (closing.compareAndSet(false, true)) {
      try {
        started.getNow(null).close();
      } finally {
        closed.countDown();
      }
    }
  }

  /** Blocks until the process is asked to exit and the cloud is closed. */
  void awaitShutdown() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeAfterStart() {
    try {
      started.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
      close();
    } catch (Exception e) {
      closed.countDown(); // the start failed or never ended: there is nothing of ours to close
    }
  }
}
