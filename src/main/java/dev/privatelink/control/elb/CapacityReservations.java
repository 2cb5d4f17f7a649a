package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityReservationStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityReservationStatus;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeCapacityReservationRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeCapacityReservationResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.MinimumLoadBalancerCapacity;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyCapacityReservationRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyCapacityReservationResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ZonalCapacityReservationState;

/**
 * Load balancer capacity unit reservations:
 * <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeCapacityReservation.html">DescribeCapacityReservation</a>
 * and <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyCapacityReservation.html">ModifyCapacityReservation</a>.
 * A reservation is spread evenly over the load balancer's zones and provisioned at once (capacity
 * is not scarce on one machine); decreases and resets are limited per 24 hours as in AWS.
 */
public final class CapacityReservations implements ActionHandler {
  static final int DECREASES_PER_DAY = 4;
  private final ElbState state;
  private final ScopedTable<Reservation> reservations;

  /** The capacity asked for (null once reset) and the decreases of the last day. */
  record Reservation(@Nullable Integer capacityUnits, @Nullable Instant lastModified, List<Instant> decreases) {
    Reservation {
      decreases = List.copyOf(decreases);
    }

    int decreasesRemaining(Instant now) {
      return DECREASES_PER_DAY - (int) decreases.stream().filter(t -> t.isAfter(now.minus(Duration.ofDays(1)))).count();
    }
  }

  CapacityReservations(ElbState state) {
    this.state = state;
    this.reservations = state.capacityReservations;
  }

  @ReadOnly
  public DescribeCapacityReservationResponse describeCapacityReservation(RequestContext ctx,
      DescribeCapacityReservationRequest request) {
    LoadBalancerRecord lb = loadBalancer(ctx.scope(), request.loadBalancerArn());
    Reservation r = reservations.find(ctx.scope(), lb.arn()).orElse(null);
    var out = DescribeCapacityReservationResponse.builder().decreaseRequestsRemaining(r == null ? DECREASES_PER_DAY
        : r.decreasesRemaining(ctx.now())).capacityReservationState(zones(lb, r));
    if (r != null) {
      out.lastModifiedTime(r.lastModified()).minimumLoadBalancerCapacity(minimum(r));
    }
    return out.build();
  }

  public ModifyCapacityReservationResponse modifyCapacityReservation(RequestContext ctx, ModifyCapacityReservationRequest request) {
    Scope scope = ctx.scope();
    LoadBalancerRecord lb = loadBalancer(scope, request.loadBalancerArn());
    boolean reset = Boolean.TRUE.equals(request.resetCapacityReservation());
    Integer units = request.minimumLoadBalancerCapacity() == null ? null : request.minimumLoadBalancerCapacity().capacityUnits();
    if (reset == (units != null)) {
      throw ElbErrors.validation("Specify either a minimum load balancer capacity or a reset of the capacity reservation");
    }
    int minimum = lb.type() == LoadBalancerTypeEnum.APPLICATION ? 100 : 2750;
    if (units != null && units < minimum) {
      throw ElbErrors.invalidConfiguration("The minimum capacity of a " + lb.type() + " load balancer is " + minimum
          + " capacity units");
    }
    Reservation old = reservations.find(scope, lb.arn()).orElse(new Reservation(null, null, List.of()));
    boolean decrease = old.capacityUnits() != null && (reset || units < old.capacityUnits());
    if (decrease && old.decreasesRemaining(ctx.now()) <= 0) {
      throw AwsException.badRequest("CapacityDecreaseRequestLimitExceeded", "Load balancer '" + lb.arn()
          + "' has no capacity decrease requests left for the last 24 hours");
    }
    List<Instant> decreases = new ArrayList<>(old.decreases());
    if (decrease) {
      decreases.add(ctx.now());
    }
    Reservation changed = new Reservation(reset ? null : units, ctx.now(), decreases);
    reservations.put(scope, lb.arn(), changed);
    return ModifyCapacityReservationResponse.builder().lastModifiedTime(changed.lastModified())
        .decreaseRequestsRemaining(changed.decreasesRemaining(ctx.now())).minimumLoadBalancerCapacity(minimum(changed))
        .capacityReservationState(zones(lb, changed)).build();
  }

  private LoadBalancerRecord loadBalancer(Scope scope, String arn) {
    if (arn == null) {
      throw ElbErrors.validation("A load balancer ARN must be specified");
    }
    return state.loadBalancers.find(scope, arn).orElseThrow(() -> ElbErrors.loadBalancerNotFound(arn));
  }

  private static MinimumLoadBalancerCapacity minimum(Reservation r) {
    return r.capacityUnits() == null ? null : MinimumLoadBalancerCapacity.builder().capacityUnits(r.capacityUnits()).build();
  }

  private static List<ZonalCapacityReservationState> zones(LoadBalancerRecord lb, Reservation r) {
    if (r == null || r.capacityUnits() == null) {
      return List.of();
    }
    double each = (double) r.capacityUnits() / lb.nodes().size();
    return lb.nodes().stream().map(n -> ZonalCapacityReservationState.builder().availabilityZone(n.zoneName())
        .effectiveCapacityUnits(each).state(CapacityReservationStatus.builder()
            .code(CapacityReservationStateEnum.PROVISIONED).build()).build()).toList();
  }
}
