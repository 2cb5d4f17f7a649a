package dev.privatelink.control.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.Features;
import dev.privatelink.control.Scope;
import dev.privatelink.testing.FakeNetwork;
import dev.privatelink.control.Wiring;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/** A cloud with a fake network of one VPC with three subnets in three zones, and shortcuts to call it. */
public class ElbFixture {
  public static final String ACCOUNT = "111111111111";
  public static final String REGION = "us-east-1";
  public static final String PRINCIPAL = "arn:aws:iam::111111111111:root";
  public static final Scope SCOPE = new Scope(ACCOUNT, REGION);

  public final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
  public final FakeNetwork network = new FakeNetwork();
  public final Cloud cloud = new Cloud(dev.privatelink.control.MutationLog.NONE, clock,
      Wiring.REAL.withElbNetwork(network));
  public final String vpc = network.addVpc(SCOPE, "10.0.0.0/16");
  public final String subnetA = network.addSubnet(vpc, "10.0.1.0/24", "us-east-1a");
  public final String subnetB = network.addSubnet(vpc, "10.0.2.0/24", "us-east-1b");
  public final String subnetC = network.addSubnet(vpc, "10.0.3.0/24", "us-east-1c");

  @SuppressWarnings("unchecked")
  public <T extends SdkResponse> T call(SdkRequest request) {
    return (T) cloud.call(ACCOUNT, REGION, PRINCIPAL, request);
  }

  public AwsException fails(String code, SdkRequest request) {
    AwsException e = assertThrows(AwsException.class, () -> call(request));
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  public static AwsException fails(String code, Executable call) {
    AwsException e = assertThrows(AwsException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  public void report(ControlEvent event) {
    cloud.report(event);
  }

  public LoadBalancer alb(String name) {
    CreateLoadBalancerResponse r = call(CreateLoadBalancerRequest.builder().name(name).scheme("internal")
        .subnets(subnetA, subnetB).build());
    return r.loadBalancers().getFirst();
  }

  public LoadBalancer nlb(String name) {
    CreateLoadBalancerResponse r = call(CreateLoadBalancerRequest.builder().name(name).type("network")
        .scheme("internal").subnets(subnetA, subnetB).build());
    return r.loadBalancers().getFirst();
  }

  public TargetGroup targetGroup(String name, String protocol, int port, String targetType) {
    CreateTargetGroupResponse r = call(CreateTargetGroupRequest.builder().name(name).protocol(protocol).port(port)
        .vpcId(vpc).targetType(targetType).build());
    return r.targetGroups().getFirst();
  }

  public Listener forwardListener(String lbArn, String protocol, int port, String tgArn) {
    CreateListenerResponse r = call(CreateListenerRequest.builder().loadBalancerArn(lbArn).protocol(protocol).port(port)
        .defaultActions(Action.builder().type("forward").targetGroupArn(tgArn).build()).build());
    return r.listeners().getFirst();
  }

  /** A clock tests move forward. */
  public static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    public void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
