package dev.privatelink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.Cloud;
import dev.privatelink.dataplane.DataPlane;
import dev.privatelink.dataplane.spec.HostState;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Between changes of the cloud, the reconcile loop asks the data plane what vanished from the host
 * and reconciles when something did; when nothing did, it leaves the host alone.
 */
class DriftCheckTest {
  private final LinkedBlockingQueue<Long> applies = new LinkedBlockingQueue<>();
  private final AtomicReference<Set<String>> gone = new AtomicReference<>(Set.of());
  private final DataPlane host = new DataPlane() {
    @Override
    public void apply(HostState state) {
      applies.add(state.version());
    }

    @Override
    public Set<String> vanished() {
      return gone.get();
    }

    @Override
    public void close() {}
  };

  @Test
  void aVanishedNamespaceBringsAReconcileWithoutAChangeAndAnIntactHostNone() throws Exception {
    try (DataPlaneSync sync = new DataPlaneSync(new Cloud(), host)) {
      sync.start();
      Long first = applies.poll(10, TimeUnit.SECONDS);
      assertTrue(first != null, "the first reconcile at start");
      long quiet = DataPlaneSync.DRIFT_CHECK.toMillis() * 3;
      assertEquals(null, applies.poll(quiet, TimeUnit.MILLISECONDS), "nothing vanished: no reconcile");

      gone.set(Set.of("pl-vpc-0123456789abcdef0"));
      Long again = applies.poll(DataPlaneSync.DRIFT_CHECK.toMillis() * 5, TimeUnit.MILLISECONDS);
      assertEquals(first, again, "the same state, applied again because the host lost part of it");
    }
  }
}
