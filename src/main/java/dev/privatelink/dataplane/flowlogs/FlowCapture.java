package dev.privatelink.dataplane.flowlogs;

import dev.privatelink.dataplane.elb.SecurityGroupFilter;
import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.netns.NamedNamespaces;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.FlowCaptureSpec;
import dev.privatelink.dataplane.spec.FlowSample;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import dev.privatelink.model.IpProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Counts the flows of every VPC a flow log watches and reports them each aggregation interval.
 * {@link #apply} installs {@link FlowCounters}' table in the VPC's router (once; a VPC no longer
 * watched loses it) and keeps the map from addresses to interfaces current; a daemon thread reads
 * the counters when a VPC's interval is due and reports what moved since the last read as one
 * {@link FlowSample} per 5-tuple, interface and verdict: from the source interface (egress) and
 * the destination interface (ingress) when both are in the VPC. The flows the load balancers
 * carry in memory ({@link ObservedFlows}) join the same read, so one interval's records hold both.
 */
public final class FlowCapture implements FabricDataPlane.Stage {
  private static final System.Logger LOG = System.getLogger(FlowCapture.class.getName());
  private final StatusSink sink;
  private final FlowLogTiming timing;
  private final ObservedFlows observed;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final Thread reader;

  /** A watched VPC: its interval, interfaces by address, and what the last read saw. */
  private static final class Watched {
    volatile Duration interval;
    volatile Map<String, String> enisByIp;
    volatile SecurityGroupFilter groups;
    final long netns;
    Instant lastRead = Instant.now();
    Map<String, Map<FlowReading.Tuple, FlowReading.Count>> last = Map.of();

    Watched(Duration interval, Map<String, String> enisByIp, SecurityGroupFilter groups, long netns) {
      this.interval = interval;
      this.enisByIp = enisByIp;
      this.groups = groups;
      this.netns = netns;
    }
  }

  /** @param observed the flows the load balancers carry in memory, given to them as their FlowObserver */
  public FlowCapture(StatusSink sink, FlowLogTiming timing, ObservedFlows observed) {
    this.sink = sink;
    this.timing = timing;
    this.observed = observed;
    this.reader = Thread.ofPlatform().daemon().name("pl-flowlogs").start(this::readLoop);
  }

  @Override
  public void apply(HostState state) {
    Map<String, VpcSpec> vpcs = state.vpcs().stream().collect(Collectors.toMap(VpcSpec::vpcId, v -> v, (a, b) -> a));
    Map<String, FlowCaptureSpec> wanted = new java.util.HashMap<>();
    state.flowCaptures().stream().filter(c -> vpcs.containsKey(c.vpcId())).forEach(c -> wanted.put(c.vpcId(), c));
    for (String vpcId : List.copyOf(watched.keySet())) {
      if (!wanted.containsKey(vpcId)) {
        watched.remove(vpcId);
        observed.watch(HostNames.vpcNamespace(vpcId), false);
        Host.tryRun(List.of("ip", "netns", "exec", HostNames.vpcNamespace(vpcId), "nft", "delete", "table", "inet",
            FlowCounters.TABLE), null);
      }
    }
    for (FlowCaptureSpec c : wanted.values()) {
      Map<String, String> enis = vpcs.get(c.vpcId()).enis().stream()
          .collect(Collectors.toMap(EniSpec::privateIp, EniSpec::eniId, (a, b) -> a));
      Duration interval = timing.interval(c.maxAggregationInterval());
      SecurityGroupFilter groups = SecurityGroupFilter.of(vpcs.get(c.vpcId()));
      Watched w = watched.get(c.vpcId());
      String ns = HostNames.vpcNamespace(c.vpcId());
      long identity = NamedNamespaces.identity(ns);
      // A namespace made anew has no counters table, and its counters start again from zero.
      if (w == null || w.netns != identity) {
        Host.nft(ns, FlowCounters.script());
        watched.put(c.vpcId(), new Watched(interval, enis, groups, identity));
        observed.watch(HostNames.vpcNamespace(c.vpcId()), true);
      } else {
        w.interval = interval;
        w.enisByIp = enis;
        w.groups = groups;
      }
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    watched.clear();
  }

  private void readLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
      Instant now = Instant.now();
      watched.forEach((vpcId, w) -> {
        if (Duration.between(w.lastRead, now).compareTo(w.interval) >= 0) {
          try {
            read(vpcId, w, now);
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "flow counters of " + vpcId + " not read: " + e.getMessage());
          }
        }
      });
    }
  }

  private void read(String vpcId, Watched w, Instant now) {
    String json = Host.run("ip", "netns", "exec", HostNames.vpcNamespace(vpcId), "nft", "-j", "list", "table", "inet",
        FlowCounters.TABLE);
    Map<String, Map<FlowReading.Tuple, FlowReading.Count>> current = FlowReading.parse(json);
    SecurityGroupFilter groups = w.groups;
    FlowDelta.Egress egress = (src, dst, protocol, port) -> groups.egressAllows(src, dst, new IpProtocol(protocol), port);
    long start = w.lastRead.getEpochSecond();
    List<FlowSample> samples = new ArrayList<>(FlowDelta.samples(w.last, current, w.enisByIp, egress, start,
        now.getEpochSecond()));
    samples.addAll(FlowDelta.observed(observed.drain(HostNames.vpcNamespace(vpcId)), w.enisByIp, egress, start,
        now.getEpochSecond()));
    w.last = current;
    w.lastRead = now;
    sink.flows(samples);
  }
}
