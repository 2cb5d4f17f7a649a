package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Registration of targets with target groups and their health as DescribeTargetHealth shows it.
 * Deregistered targets of a group in use drain for the group's deregistration delay; the
 * {@link TargetEvents} remove them when the data plane says the delay has passed.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html">RegisterTargets</a>,
 *     DeregisterTargets, DescribeTargetHealth
 */
public record Targets(ElbState state, TargetChecks checks, TargetHealthView health) implements ActionHandler {
  private static final int MAX_TARGETS = 1000;

  public RegisterTargetsResponse registerTargets(RequestContext ctx, RegisterTargetsRequest request) {
    Scope scope = ctx.scope();
    TargetGroupRecord group = state.targetGroup(scope, request.targetGroupArn());
    if (request.targets().isEmpty()) {
      throw ElbErrors.validation("At least one target must be specified");
    }
    List<RegisteredTarget> current = new ArrayList<>(state.targetsOf(scope, group.arn()));
    for (TargetDescription t : request.targets()) {
      int port = port(group, t);
      String zone = checks.check(scope, group, t.id(), port, t.availabilityZone(), current);
      current.removeIf(r -> r.sameTarget(t.id(), port));
      current.add(new RegisteredTarget(t.id(), port, zone, null, null, null, null));
    }
    if (current.size() > MAX_TARGETS) {
      throw ElbErrors.code("TooManyTargets", "You've reached the limit on the number of targets per target group");
    }
    state.targets.put(scope, group.arn(), List.copyOf(current));
    return RegisterTargetsResponse.builder().build();
  }

  public DeregisterTargetsResponse deregisterTargets(RequestContext ctx, DeregisterTargetsRequest request) {
    Scope scope = ctx.scope();
    TargetGroupRecord group = state.targetGroup(scope, request.targetGroupArn());
    List<RegisteredTarget> current = new ArrayList<>(state.targetsOf(scope, group.arn()));
    for (TargetDescription t : request.targets()) {
      int port = port(group, t);
      if (current.stream().noneMatch(r -> r.sameTarget(t.id(), port))) {
        throw ElbErrors.invalidTarget("The following targets are not registered in target group '"
            + group.arn() + "': '" + t.id() + "'");
      }
    }
    boolean drains = state.inUse(scope, group.arn())
        && !"0".equals(group.attributes().get("deregistration_delay.timeout_seconds"));
    for (TargetDescription t : request.targets()) {
      int port = port(group, t);
      // AWS only drains targets that may still carry connections: those of a group a load balancer uses.
      current.replaceAll(r -> r.sameTarget(t.id(), port) && drains && !r.draining() ? r.drainingFrom(ctx.now()) : r);
      if (!drains) {
        current.removeIf(r -> r.sameTarget(t.id(), port));
      }
    }
    state.targets.put(scope, group.arn(), List.copyOf(current));
    return DeregisterTargetsResponse.builder().build();
  }

  @ReadOnly
  public DescribeTargetHealthResponse describeTargetHealth(RequestContext ctx, DescribeTargetHealthRequest request) {
    Scope scope = ctx.scope();
    TargetGroupRecord group = state.targetGroup(scope, request.targetGroupArn());
    List<RegisteredTarget> registered = state.targetsOf(scope, group.arn());
    List<TargetHealthDescription> out = new ArrayList<>();
    if (request.targets().isEmpty()) {
      registered.forEach(r -> out.add(health.describe(scope, group, r)));
    } else {
      for (TargetDescription t : request.targets()) {
        int port = port(group, t);
        var match = registered.stream().filter(r -> r.sameTarget(t.id(), port)).findFirst();
        out.add(match.isPresent() ? health.describe(scope, group, match.get())
            : health.notRegistered(group, t.id(), port));
      }
    }
    return DescribeTargetHealthResponse.builder().targetHealthDescriptions(out).build();
  }

  private static int port(TargetGroupRecord group, TargetDescription t) {
    int port = t.port() != null ? t.port() : group.port();
    if (port < 1 || port > 65535) {
      throw ElbErrors.validation("Port must be between 1 and 65535");
    }
    return port;
  }
}
