package dev.privatelink.control.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CapacityReservationStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeCapacityReservationRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeCapacityReservationResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyCapacityReservationRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyCapacityReservationResponse;

class CapacityReservationsTest {
  private final ElbFixture f = new ElbFixture();
  private final String alb = f.alb("web").loadBalancerArn();

  private DescribeCapacityReservationResponse describe() {
    return f.call(DescribeCapacityReservationRequest.builder().loadBalancerArn(alb).build());
  }

  private ModifyCapacityReservationResponse reserve(int units) {
    return f.call(ModifyCapacityReservationRequest.builder().loadBalancerArn(alb)
        .minimumLoadBalancerCapacity(c -> c.capacityUnits(units)).build());
  }

  @Test
  void aNewLoadBalancerHasNoReservation() {
    DescribeCapacityReservationResponse r = describe();
    assertNull(r.minimumLoadBalancerCapacity());
    assertTrue(r.capacityReservationState().isEmpty());
    assertEquals(CapacityReservations.DECREASES_PER_DAY, r.decreaseRequestsRemaining());
    f.fails("LoadBalancerNotFound", DescribeCapacityReservationRequest.builder()
        .loadBalancerArn(alb.replace("/web/", "/gone/")).build());
  }

  @Test
  void aReservationIsSpreadOverTheZonesAndDecreasesAreCounted() {
    ModifyCapacityReservationResponse made = reserve(200);
    assertEquals(200, made.minimumLoadBalancerCapacity().capacityUnits());
    DescribeCapacityReservationResponse r = describe();
    assertEquals(2, r.capacityReservationState().size());
    assertEquals(100.0, r.capacityReservationState().getFirst().effectiveCapacityUnits());
    assertEquals(CapacityReservationStateEnum.PROVISIONED, r.capacityReservationState().getFirst().state().code());
    reserve(150);
    assertEquals(3, describe().decreaseRequestsRemaining());
    f.call(ModifyCapacityReservationRequest.builder().loadBalancerArn(alb).resetCapacityReservation(true).build());
    assertNull(describe().minimumLoadBalancerCapacity());
    assertEquals(2, describe().decreaseRequestsRemaining());
    f.clock.advance(Duration.ofDays(2));
    assertEquals(CapacityReservations.DECREASES_PER_DAY, describe().decreaseRequestsRemaining());
  }

  @Test
  void badModificationsAreRefused() {
    f.fails("InvalidConfigurationRequest", ModifyCapacityReservationRequest.builder().loadBalancerArn(alb)
        .minimumLoadBalancerCapacity(c -> c.capacityUnits(10)).build());
    f.fails("ValidationError", ModifyCapacityReservationRequest.builder().loadBalancerArn(alb).build());
    reserve(500);
    for (int units : new int[] {400, 300, 200, 100}) {
      reserve(units);
    }
    f.fails("CapacityDecreaseRequestLimitExceeded", ModifyCapacityReservationRequest.builder().loadBalancerArn(alb)
        .resetCapacityReservation(true).build());
    assertEquals(100, describe().minimumLoadBalancerCapacity().capacityUnits());
  }
}
