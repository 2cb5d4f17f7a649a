package dev.privatelink.control.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.MutationLog;
import dev.privatelink.control.Scope;
import dev.privatelink.testing.FakeNetwork;
import dev.privatelink.control.Wiring;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.ec2.model.*;

/** A real Cloud with fake network and load balancers: a provider account and a consumer account. */
final class World {
  static final String REGION = "us-east-1";
  static final String PROVIDER = "111111111111";
  static final String CONSUMER = "222222222222";
  static final Scope PROVIDER_SCOPE = new Scope(PROVIDER, REGION);
  static final Scope CONSUMER_SCOPE = new Scope(CONSUMER, REGION);
  final FakeNetwork network = new FakeNetwork();
  final FakeLoadBalancers balancers = new FakeLoadBalancers();
  final Cloud cloud = new Cloud(MutationLog.NONE, Clock.systemUTC(), Wiring.REAL.withPrivateLink(network, balancers));
  final String providerVpc = network.addVpc(PROVIDER_SCOPE, true, true);
  final String consumerVpc = network.addVpc(CONSUMER_SCOPE, true, true);
  final String subnetA = network.addSubnet(consumerVpc, "us-east-1a");
  final String subnetB = network.addSubnet(consumerVpc, "us-east-1b");
  final String subnetC = network.addSubnet(consumerVpc, "us-east-1c");

  PrivateLink privateLink() {
    return cloud.read(f -> f.privateLink());
  }

  @SuppressWarnings("unchecked")
  <T extends SdkResponse> T provider(SdkRequest request) {
    return (T) cloud.call(PROVIDER, REGION, "arn:aws:iam::" + PROVIDER + ":root", request);
  }

  @SuppressWarnings("unchecked")
  <T extends SdkResponse> T consumer(SdkRequest request) {
    return (T) cloud.call(CONSUMER, REGION, "arn:aws:iam::" + CONSUMER + ":root", request);
  }

  boolean ready(String id) {
    return cloud.report(new ControlEvent.ResourceReady(id));
  }

  static AwsException fails(String code, Executable call) {
    AwsException e = assertThrows(AwsException.class, call);
    assertEquals(code, e.code(), e.getMessage());
    return e;
  }

  /** An active NLB in zones a and b, and a service in front of it. */
  ServiceConfiguration service(boolean acceptanceRequired) {
    String nlb = balancers.add(PROVIDER_SCOPE, providerVpc, "active", "us-east-1b", "us-east-1a");
    CreateVpcEndpointServiceConfigurationResponse r = provider(CreateVpcEndpointServiceConfigurationRequest.builder()
        .networkLoadBalancerArns(nlb).acceptanceRequired(acceptanceRequired).build());
    return r.serviceConfiguration();
  }

  void allow(ServiceConfiguration service, String principal) {
    provider(ModifyVpcEndpointServicePermissionsRequest.builder().serviceId(service.serviceId())
        .addAllowedPrincipals(principal).build());
  }

  VpcEndpoint endpoint(ServiceConfiguration service, String... subnets) {
    CreateVpcEndpointResponse r = consumer(CreateVpcEndpointRequest.builder().vpcEndpointType(VpcEndpointType.INTERFACE)
        .vpcId(consumerVpc).serviceName(service.serviceName()).subnetIds(subnets).build());
    return r.vpcEndpoint();
  }

  VpcEndpoint describeEndpoint(String id) {
    DescribeVpcEndpointsResponse r = consumer(DescribeVpcEndpointsRequest.builder().vpcEndpointIds(id).build());
    return r.vpcEndpoints().getFirst();
  }

  List<VpcEndpointConnection> connections() {
    DescribeVpcEndpointConnectionsResponse r = provider(DescribeVpcEndpointConnectionsRequest.builder().build());
    return r.vpcEndpointConnections();
  }
}
