package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The data plane built beside the API: nothing that needs it runs before it exists, nor after it is closed. */
class BackgroundHostSyncTest {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);

  /** A host sync whose build waits for {@link #release}, recording what is done to it. */
  BackgroundHostSync building() {
    return new BackgroundHostSync(() -> {
      await();
      calls.add("built");
      return new HostSync() {
        @Override public void start() {
          calls.add("start");
        }

        @Override public long hostVersion() {
          return 7;
        }

        @Override public void close() {
          calls.add("close");
        }
      };
    });
  }

  @Test
  void aStartAskedDuringTheBuildHappensOnceBuiltAndBeforeTheClose() throws Exception {
    BackgroundHostSync sync = building();
    sync.start();
    assertEquals(-1, sync.hostVersion(), "nothing reflected before the data plane exists");
    assertEquals(List.of(), calls);
    Thread closer = Thread.ofPlatform().start(sync::close);
    release.countDown();
    closer.join();
    assertEquals(List.of("built", "start", "close"), calls);
    assertEquals(7, sync.hostVersion());
  }

  @Test
  void aStartAfterTheBuildStartsAtOnce() throws Exception {
    BackgroundHostSync sync = building();
    release.countDown();
    assertEquals(java.util.Optional.empty(), sync.forwards(), "waits for the build, then answers its forwards");
    sync.start();
    sync.close();
    assertEquals(List.of("built", "start", "close"), calls);
  }

  @Test
  void aFailedBuildLeavesNothingToCloseAndSaysSoToWhatNeedsIt() {
    BackgroundHostSync sync = new BackgroundHostSync(() -> {
      throw new IllegalStateException("ip netns list failed");
    });
    sync.start();
    IllegalStateException e = assertThrows(IllegalStateException.class, sync::forwards);
    assertTrue(e.getMessage().contains("ip netns list failed"), e.getMessage());
    sync.close();
    assertEquals(-1, sync.hostVersion());
  }

  private void await() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
