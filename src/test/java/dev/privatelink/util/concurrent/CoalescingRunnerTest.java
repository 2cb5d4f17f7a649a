package dev.privatelink.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.util.concurrent.CoalescingRunner.OnClose;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingRunnerTest {
  private static final long WAIT = 10;

  /** A task that counts its runs and, while {@code gate} holds no permit, blocks in its run. */
  private static final class Gated implements Runnable {
    final AtomicInteger runs = new AtomicInteger();
    final Semaphore started = new Semaphore(0);
    final Semaphore gate = new Semaphore(0);
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicBoolean overlapped = new AtomicBoolean();

    @Override
    public void run() {
      if (concurrent.incrementAndGet() > 1) {
        overlapped.set(true);
      }
      runs.incrementAndGet();
      started.release();
      try {
        gate.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        concurrent.decrementAndGet();
      }
    }
  }

  /** A task that counts its runs and always throws. */
  private static final class AlwaysFailing implements Runnable {
    final AtomicInteger runs = new AtomicInteger();
    final Semaphore ran = new Semaphore(0);

    @Override
    public void run() {
      runs.incrementAndGet();
      ran.release();
      throw new IllegalStateException("always");
    }
  }

  @Test
  void aBurstDuringARunBecomesOneMoreRun() throws Exception {
    Gated task = new Gated();
    try (CoalescingRunner runner = new CoalescingRunner("test-burst", OnClose.FINISH, Duration.ZERO, task)) {
      runner.request();
      assertTrue(task.started.tryAcquire(WAIT, TimeUnit.SECONDS));
      for (int i = 0; i < 1000; i++) {
        runner.request();
      }
      task.gate.release(10);
      assertTrue(task.started.tryAcquire(WAIT, TimeUnit.SECONDS), "a request made while running runs again");
      assertFalse(task.started.tryAcquire(300, TimeUnit.MILLISECONDS), "the burst ran once, not once per request");
      assertEquals(2, task.runs.get());
      assertFalse(task.overlapped.get());
    }
  }

  @Test
  void aRequestAfterARunRunsAgain() throws Exception {
    Gated task = new Gated();
    task.gate.release(100);
    try (CoalescingRunner runner = new CoalescingRunner("test-again", OnClose.FINISH, Duration.ZERO, task)) {
      for (int i = 1; i <= 5; i++) {
        runner.request();
        assertTrue(task.started.tryAcquire(WAIT, TimeUnit.SECONDS), "run " + i);
      }
      assertEquals(5, task.runs.get());
    }
  }

  @Test
  void aFailedRunIsRetriedAfterTheDelay() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch succeeded = new CountDownLatch(1);
    Runnable flaky = () -> {
      if (runs.incrementAndGet() < 3) {
        throw new IllegalStateException("not yet");
      }
      succeeded.countDown();
    };
    try (CoalescingRunner runner = new CoalescingRunner("test-retry", OnClose.FINISH, Duration.ofMillis(20), flaky)) {
      runner.request();
      assertTrue(succeeded.await(WAIT, TimeUnit.SECONDS));
      assertEquals(3, runs.get());
    }
  }

  @Test
  void withoutARetryDelayAFailedRunWaitsForTheNextRequest() throws Exception {
    AlwaysFailing failing = new AlwaysFailing();
    Semaphore ran = failing.ran;
    AtomicInteger runs = failing.runs;
    try (CoalescingRunner runner = new CoalescingRunner("test-noretry", OnClose.FINISH, Duration.ZERO, failing)) {
      runner.request();
      assertTrue(ran.tryAcquire(WAIT, TimeUnit.SECONDS));
      assertFalse(ran.tryAcquire(300, TimeUnit.MILLISECONDS));
      runner.request();
      assertTrue(ran.tryAcquire(WAIT, TimeUnit.SECONDS), "the runner survives a failed run");
      assertEquals(2, runs.get());
    }
  }

  @Test
  void closeLetsARunFinishThenNothingRuns() throws Exception {
    Gated task = new Gated();
    CoalescingRunner runner = new CoalescingRunner("test-finish", OnClose.FINISH, Duration.ZERO, task);
    runner.request();
    assertTrue(task.started.tryAcquire(WAIT, TimeUnit.SECONDS));
    Thread closer = Thread.ofPlatform().start(runner::close);
    closer.join(200);
    assertTrue(closer.isAlive(), "close waits for the run in progress");
    task.gate.release(100);
    closer.join(TimeUnit.SECONDS.toMillis(WAIT));
    assertFalse(closer.isAlive());
    int after = task.runs.get();
    runner.request();
    assertFalse(task.started.tryAcquire(300, TimeUnit.MILLISECONDS));
    assertEquals(after, task.runs.get());
  }

  @Test
  void closeInterruptsARunWhenAskedTo() throws Exception {
    Gated task = new Gated();
    CoalescingRunner runner = new CoalescingRunner("test-interrupt", OnClose.INTERRUPT, Duration.ZERO, task);
    runner.request();
    assertTrue(task.started.tryAcquire(WAIT, TimeUnit.SECONDS));
    runner.request();
    runner.close(); // returns although the gate never opens
    assertEquals(0, task.concurrent.get());
    runner.request();
    assertFalse(task.started.tryAcquire(300, TimeUnit.MILLISECONDS), "the queued run was dropped, no new one starts");
    assertEquals(1, task.runs.get());
  }

  @Test
  void aRetryPendingAtCloseNeverFires() throws Exception {
    AlwaysFailing failing = new AlwaysFailing();
    Semaphore ran = failing.ran;
    AtomicInteger runs = failing.runs;
    CoalescingRunner runner = new CoalescingRunner("test-pending", OnClose.FINISH, Duration.ofMillis(200), failing);
    runner.request();
    assertTrue(ran.tryAcquire(WAIT, TimeUnit.SECONDS));
    runner.close();
    assertFalse(ran.tryAcquire(500, TimeUnit.MILLISECONDS));
    assertEquals(1, runs.get());
  }
}
