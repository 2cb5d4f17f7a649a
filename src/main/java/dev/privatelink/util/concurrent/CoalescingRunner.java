package dev.privatelink.util.concurrent;

import java.lang.System.Logger;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task on a platform thread of its own whenever asked, folding requests together: any
 * number of {@link #request()} calls before a run starts make one run, and a request that arrives
 * while the task runs makes it run once more afterwards, so the last request is always followed by a
 * whole run. Runs never overlap. A run that throws is logged and, when a retry delay is set, asked
 * for again after it. After {@link #close()} returns no run starts and requests are ignored.
 *
 * <p>This package depends on nothing else in the project, so every layer may use it.
 */
public final class CoalescingRunner implements AutoCloseable {
  /** What {@link #close()} does to a run in progress. */
  public enum OnClose {
    /** Lets it finish (waiting a bounded time): for tasks that must not stop half-way. */
    FINISH,
    /** Interrupts it: for tasks that block on the outside world (HTTP, sleeps). */
    INTERRUPT
  }

  private static final Logger LOG = System.getLogger(CoalescingRunner.class.getName());
  private static final long CLOSE_WAIT_SECONDS = 30;

  private final String name;
  private final Runnable task;
  private final OnClose onClose;
  private final Duration retryAfter;
  private final ScheduledThreadPoolExecutor worker;
  private final AtomicBoolean queued = new AtomicBoolean();

  /**
   * @param name the thread's name, also used in log lines
   * @param retryAfter how long after a failed run to run again; {@link Duration#ZERO} never retries
   */
  public CoalescingRunner(String name, OnClose onClose, Duration retryAfter, Runnable task) {
    this.name = name;
    this.task = task;
    this.onClose = onClose;
    this.retryAfter = retryAfter;
    this.worker = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name(name).unstarted(r));
    // A retry still waiting when we close must not fire into a stopped executor.
    worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Asks for a run; returns at once. */
  public void request() {
    if (worker.isShutdown() || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      worker.execute(this::runOnce);
    } catch (RejectedExecutionException closedMeanwhile) {
      queued.set(false);
    }
  }

  private void runOnce() {
    // Cleared before the task reads anything: a change that lands during the run queues the next one.
    queued.set(false);
    try {
      task.run();
    } catch (RuntimeException e) {
      if (retryAfter.isZero() || worker.isShutdown()) {
        LOG.log(Logger.Level.ERROR, name + " failed", e);
        return;
      }
      LOG.log(Logger.Level.ERROR, name + " failed; retrying in " + retryAfter.toMillis() + " ms", e);
      try {
        worker.schedule(this::request, retryAfter.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closedMeanwhile) {
        // closing: nothing to retry for
      }
    }
  }

  /** Stops: a run already queued may still happen before this returns, none after. */
  @Override
  public void close() {
    if (onClose == OnClose.INTERRUPT) {
      worker.shutdownNow();
    } else {
      worker.shutdown();
    }
    try {
      if (!worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.log(Logger.Level.WARNING, name + " still running after " + CLOSE_WAIT_SECONDS + " s; left behind");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
