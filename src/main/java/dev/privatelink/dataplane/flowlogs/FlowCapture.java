package dev.privatelink.dataplane.flowlogs;

import dev.privatelink.dataplane.fabric.FabricDataPlane;
import dev.privatelink.dataplane.netns.Host;
import dev.privatelink.dataplane.netns.HostNames;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.FlowCaptureSpec;
import dev.privatelink.dataplane.spec.FlowSample;
import dev.privatelink.dataplane.spec.HostState;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.VpcSpec;
import java.time.Duration;
import java.time.Instant;
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
 * the destination interface (ingress) when both are in the VPC.
 */
public final class FlowCapture implements FabricDataPlane.Stage {
  private static final System.Logger LOG = System.getLogger(FlowCapture.class.getName());
  private final StatusSink sink;
  private final FlowLogTiming timing;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final Thread reader;

  /** A watched VPC: its interval, interfaces by address, and what the last read saw. */
  private static final class Watched {
    volatile Duration interval;
    volatile Map<String, String> enisByIp;
    Instant lastRead = Instant.now();
    Map<String, Map<FlowReading.Tuple, FlowReading.Count>> last = Map.of();

    Watched(Duration interval, Map<String, String> enisByIp) {
      this.interval = interval;
      this.enisByIp = enisByIp;
    }
  }

  public FlowCapture(StatusSink sink, FlowLogTiming timing) {
    this.sink = sink;
    this.timing = timing;
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
        Host.tryRun(List.of("ip", "netns", "exec", HostNames.vpcNamespace(vpcId), "nft", "delete", "table", "inet",
            FlowCounters.TABLE), null);
      }
    }
    for (FlowCaptureSpec c : wanted.values()) {
      Map<String, String> enis = vpcs.get(c.vpcId()).enis().stream()
          .collect(Collectors.toMap(EniSpec::privateIp, EniSpec::eniId, (a, b) -> a));
      Duration interval = timing.interval(c.maxAggregationInterval());
      Watched w = watched.get(c.vpcId());
      if (w == null) {
        Host.nft(HostNames.vpcNamespace(c.vpcId()), FlowCounters.script());
        watched.put(c.vpcId(), new Watched(interval, enis));
      } else {
        w.interval = interval;
        w.enisByIp = enis;
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
    List<FlowSample> samples = FlowDelta.samples(w.last, current, w.enisByIp, w.lastRead.getEpochSecond(),
        now.getEpochSecond());
    w.last = current;
    w.lastRead = now;
    sink.flows(samples);
  }
}
