package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.TrafficType;

/**
 * VPC Flow Logs: the flow logs of every account, their actions, and the delivery of the flows the
 * data plane reports ({@link ControlEvent.FlowsObserved}) as records to each matching flow log's
 * log group, one stream per interface and traffic type ({@code eni-…-all}), as AWS names them.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html">VPC Flow Logs</a>
 */
public final class FlowLogs implements EventHandler {
  private final ScopedTable<FlowLogRecord> flowLogs = new ScopedTable<>();
  private final Ec2State ec2;
  private final FlowLogDestinations destinations;
  private final List<ActionHandler> parts;

  public FlowLogs(Ec2State ec2, FlowLogDestinations destinations) {
    this.ec2 = ec2;
    this.destinations = destinations;
    this.parts = List.of(new FlowLogActions(flowLogs, ec2, destinations));
    ec2.taggable().register("fl", FlowLogActions.TAG_TYPE, (scope, id) -> flowLogs.find(scope, id).isPresent(),
        FlowLogActions::notFound);
  }

  public List<ActionHandler> parts() {
    return parts;
  }

  /**
   * The VPCs some flow log watches (itself, a subnet or an interface in it), each with the
   * shortest MaxAggregationInterval (seconds) among those flow logs.
   */
  public Map<String, Integer> watchedVpcs() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (var e : flowLogs.everywhere()) {
      FlowLogRecord r = e.getValue();
      String vpcId = switch (r.resourceType()) {
        case VPC -> r.resourceId();
        case SUBNET -> ec2.subnets().find(e.getKey(), r.resourceId()).map(s -> s.vpcId()).orElse(null);
        default -> ec2.networkInterfaces().find(e.getKey(), r.resourceId()).map(NetworkInterfaceRecord::vpcId).orElse(null);
      };
      if (vpcId != null) {
        out.merge(vpcId, r.maxAggregationInterval(), Math::min);
      }
    }
    return out;
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    if (!(event instanceof ControlEvent.FlowsObserved observed) || flowLogs.everywhere().isEmpty()) {
      return false;
    }
    Map<String, Map.Entry<Scope, NetworkInterfaceRecord>> enis = new HashMap<>();
    for (var e : ec2.networkInterfaces().everywhere()) {
      enis.put(e.getValue().networkInterfaceId(), e);
    }
    Map<Stream, List<FlowLogDestinations.TimedRecord>> batches = new LinkedHashMap<>();
    for (ControlEvent.ObservedFlow flow : observed.flows()) {
      var eni = enis.get(flow.networkInterfaceId());
      if (eni == null) {
        continue;
      }
      for (FlowLogRecord log : flowLogs.all(eni.getKey())) {
        if (covers(log, eni.getValue()) && wants(log.trafficType(), flow.accepted())) {
          String line = FlowRecordLine.render(FlowLogFormat.parse(log.logFormat()), eni.getKey(), eni.getValue(), flow);
          Stream stream = new Stream(eni.getKey(), log.logGroupName(), flow.networkInterfaceId() + "-"
              + log.trafficType().toString().toLowerCase(java.util.Locale.ROOT));
          batches.computeIfAbsent(stream, s -> new ArrayList<>()).add(new FlowLogDestinations.TimedRecord(flow.start() * 1000, line));
        }
      }
    }
    boolean changed = false;
    for (var b : batches.entrySet()) {
      changed |= destinations.deliver(b.getKey().scope(), b.getKey().group(), b.getKey().name(), b.getValue(), now);
    }
    return changed;
  }

  private record Stream(Scope scope, String group, String name) {}

  private static boolean covers(FlowLogRecord log, NetworkInterfaceRecord eni) {
    return switch (log.resourceType()) {
      case VPC -> log.resourceId().equals(eni.vpcId());
      case SUBNET -> log.resourceId().equals(eni.subnetId());
      default -> log.resourceId().equals(eni.networkInterfaceId());
    };
  }

  private static boolean wants(TrafficType type, boolean accepted) {
    return switch (type) {
      case ALL -> true;
      case ACCEPT -> accepted;
      case REJECT -> !accepted;
      default -> false;
    };
  }
}
