package dev.privatelink.server;

import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.dataplane.spec.HostState;
import java.util.List;

/**
 * One reading of the state for the host: the host picture at one state version and the ids the
 * reconcile loop settles once that picture is applied, taken under one read lock. The settle
 * rule: only what this picture contained is settled, so a resource created or moved at a later
 * version waits for the reconcile that carries it.
 *
 * @param settle ids of resources that the host side of {@code state} settles (see {@link HostProjection#settledByHostSync})
 */
record AppliedProjection(HostState state, List<String> settle) {
  AppliedProjection {
    settle = List.copyOf(settle);
  }

  /** Reads the picture and its ids together, at the cloud's current version. */
  static AppliedProjection read(Cloud cloud) {
    return cloud.read(f -> new AppliedProjection(HostProjection.hostState(f, cloud.version()),
        HostProjection.settledByHostSync(f)));
  }

  /** After {@link #state} was applied: reports each of its ids ready. */
  void settle(Cloud cloud) {
    for (String id : settle) {
      cloud.report(new ControlEvent.ResourceReady(id));
    }
  }

  long version() {
    return state.version();
  }
}
