package dev.privatelink.control.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AnalysisComponent;
import software.amazon.awssdk.services.ec2.model.AnalysisPacketHeader;
import software.amazon.awssdk.services.ec2.model.Explanation;
import software.amazon.awssdk.services.ec2.model.PathComponent;
import software.amazon.awssdk.services.ec2.model.PortRange;

/**
 * The forward path as it is walked: components numbered in order, and the first explanation of
 * what blocks it, after which nothing more is added.
 */
final class Walk {
  private final String region;
  private final List<PathComponent> components = new ArrayList<>();
  private @Nullable Explanation blocked;
  private @Nullable Explanation deferred;

  Walk(String region) {
    this.region = region;
  }

  /** Adds a hop: {@code id} names the component, {@code details} fills the rest of AWS's PathComponent. */
  void hop(String accountId, String id, UnaryOperator<PathComponent.Builder> details) {
    if (blocked == null) {
      components.add(details.apply(PathComponent.builder().sequenceNumber(components.size() + 1)
          .component(component(region, accountId, id))).build());
    }
  }

  /** Records what blocks the path; false, so a hop can {@code return walk.block(…)}. */
  boolean block(ExplanationCode code, UnaryOperator<Explanation.Builder> details) {
    if (blocked == null) {
      blocked = details.apply(Explanation.builder().explanationCode(code.name())).build();
    }
    return false;
  }

  /**
   * Records a state that blocks the path only if its configuration admits the flow all the way:
   * unhealthy targets are reported after any rule, route or listener further on that blocks it.
   */
  void defer(ExplanationCode code, UnaryOperator<Explanation.Builder> details) {
    if (deferred == null) {
      deferred = details.apply(Explanation.builder().explanationCode(code.name())).build();
    }
  }

  /** Ends the walk: a deferred state blocks the path if nothing else did. */
  Walk finish() {
    if (blocked == null) {
      blocked = deferred;
    }
    return this;
  }

  boolean isBlocked() {
    return blocked != null;
  }

  List<PathComponent> components() {
    return List.copyOf(components);
  }

  List<Explanation> explanations() {
    return blocked == null ? List.of() : List.of(blocked);
  }

  String region() {
    return region;
  }

  /** An AnalysisComponent with the ARN AWS gives the resource its id names. */
  static AnalysisComponent component(String region, String accountId, String id) {
    return AnalysisComponent.builder().id(id).arn(ResourceArns.of(region, accountId, id)).build();
  }

  static AnalysisPacketHeader header(Flow flow) {
    return AnalysisPacketHeader.builder().protocol(flow.protocol()).sourceAddresses(flow.sourceIp())
        .destinationAddresses(flow.destinationIp())
        .destinationPortRanges(PortRange.builder().from(flow.destinationPort()).to(flow.destinationPort()).build()).build();
  }
}
