package dev.privatelink.dataplane;

import dev.privatelink.dataplane.elb.HealthTiming;
import dev.privatelink.dataplane.elb.LoadBalancerEngine;
import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.flowlogs.FlowCapture;
import dev.privatelink.dataplane.flowlogs.FlowLogTiming;
import dev.privatelink.dataplane.flowlogs.ObservedFlows;
import dev.privatelink.dataplane.privatelink.EndpointEngine;
import dev.privatelink.dataplane.spec.StatusSink;
import java.nio.file.Path;

/**
 * The whole data plane of this host: the fabric (namespaces, veths, nftables, resolvers,
 * instances), then the load balancers and the PrivateLink endpoints on top of it, then the flow
 * counters of flow logs.
 */
public final class LocalDataPlane {
  private LocalDataPlane() {}

  /**
   * Builds it, reaping what a crashed run left behind first.
   *
   * @param dataDir where instances keep their files
   * @param timing AWS's health-check timing, or the fast local one
   * @param flowLogTiming flow logs' aggregation: AWS's intervals, or the fast local one
   */
  public static FabricDataPlane create(Path dataDir, StatusSink sink, HealthTiming timing, FlowLogTiming flowLogTiming) {
    return build(dataDir, sink, timing, flowLogTiming).fabric();
  }

  /** As {@link #create}, with the counts of what its load balancers and endpoints carry. */
  public static Built build(Path dataDir, StatusSink sink, HealthTiming timing, FlowLogTiming flowLogTiming) {
    FabricDataPlane fabric = new FabricDataPlane(new FabricDataPlane.Options(dataDir, true), sink);
    ObservedFlows inMemory = new ObservedFlows();
    LoadBalancerEngine loadBalancers = new LoadBalancerEngine(fabric.namespaces(), sink, timing,
        Runtime.getRuntime().availableProcessors(), inMemory);
    loadBalancers.warmUp();
    fabric.addStage(new TrafficStage(loadBalancers, new EndpointEngine(loadBalancers, sink)));
    fabric.addStage(new FlowCapture(sink, flowLogTiming, inMemory));
    return new Built(fabric, loadBalancers.linkCounters());
  }

  /** The data plane and its live per-link counts. */
  public record Built(FabricDataPlane fabric, LinkCounts links) {}
}
