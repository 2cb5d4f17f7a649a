package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;

/**
 * Accounts through the SDK: one account's resources are invisible to another, a consumer is
 * refused until the provider allows it, and the acceptance flow moves endpoints through AWS's
 * states (control plane only: states settle at once).
 */
class AccountsAndAcceptanceTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients provider;
  StackClients consumer;
  String serviceId;
  String serviceName;
  String consumerVpc;
  String consumerSubnet;

  @BeforeEach
  void provider() {
    CLOUD.reset();
    provider = CLOUD.clients("111111111111");
    consumer = CLOUD.clients("222222222222");
    var ec2 = provider.ec2();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
    String nlb = provider.elb().createLoadBalancer(r -> r.name("svc").type("network").scheme("internal").subnets(subnet))
        .loadBalancers().getFirst().loadBalancerArn();
    OneSubnet.await(() -> "active".equals(provider.elb().describeLoadBalancers(r -> r.loadBalancerArns(nlb)).loadBalancers().getFirst().state().codeAsString()));
    var service = ec2.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb).acceptanceRequired(true)).serviceConfiguration();
    serviceId = service.serviceId();
    serviceName = service.serviceName();
    consumerVpc = consumer.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    consumerSubnet = consumer.ec2().createSubnet(r -> r.vpcId(consumerVpc).cidrBlock("10.0.0.0/24").availabilityZone("us-east-1a"))
        .subnet().subnetId();
  }

  private String createEndpoint() {
    return consumer.ec2().createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(consumerVpc).serviceName(serviceName)
        .subnetIds(consumerSubnet)).vpcEndpoint().vpcEndpointId();
  }

  private String state(String endpointId) {
    return consumer.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(endpointId)).vpcEndpoints().getFirst().stateAsString();
  }

  @Test
  void accountsDoNotSeeEachOther() {
    assertEquals(1, consumer.ec2().describeVpcs(r -> r.filters(f -> f.name("is-default").values("false"))).vpcs().size(),
        "the consumer sees only its own VPC (and its default VPC)");
    Ec2Exception e = assertThrows(Ec2Exception.class, () -> consumer.ec2().describeVpcs(r -> r.vpcIds(
        provider.ec2().describeVpcs().vpcs().getFirst().vpcId())));
    assertEquals("InvalidVpcID.NotFound", e.awsErrorDetails().errorCode());
    assertThrows(LoadBalancerNotFoundException.class, () -> consumer.elb().describeLoadBalancers(r -> r.names("svc")));
    assertEquals(0, consumer.ec2().describeVpcEndpointServiceConfigurations().serviceConfigurations().size());
    assertEquals("222222222222", consumer.sts().getCallerIdentity().account());
  }

  @Test
  void aConsumerIsRefusedUntilAllowed() {
    Ec2Exception refused = assertThrows(Ec2Exception.class, this::createEndpoint);
    assertEquals("InvalidServiceName", refused.awsErrorDetails().errorCode());
    assertTrue(refused.awsErrorDetails().errorMessage().contains(serviceName), refused.getMessage());
    assertEquals(0, consumer.ec2().describeVpcEndpoints().vpcEndpoints().size(), "nothing half-made");
    assertEquals(0, consumer.ec2().describeVpcEndpointServices(r -> r.filters(f -> f.name("service-name").values(serviceName)))
        .serviceDetails().size(), "a service that does not allow the caller is not listed");

    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).addAllowedPrincipals("arn:aws:iam::222222222222:root"));
    assertEquals(serviceName, consumer.ec2().describeVpcEndpointServices(r -> r.serviceNames(serviceName)).serviceDetails()
        .getFirst().serviceName());
    assertEquals("pendingAcceptance", state(createEndpoint()));
  }

  @Test
  void acceptanceAndRejection() {
    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).addAllowedPrincipals("*"));
    String accepted = createEndpoint();
    String rejected = createEndpoint();
    assertEquals("pendingAcceptance", state(accepted));
    var connections = provider.ec2().describeVpcEndpointConnections(r -> r.filters(f -> f.name("service-id").values(serviceId)))
        .vpcEndpointConnections();
    assertEquals(2, connections.size());
    assertEquals("222222222222", connections.getFirst().vpcEndpointOwner());

    provider.ec2().acceptVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(accepted));
    OneSubnet.await(() -> "available".equals(state(accepted)));
    provider.ec2().rejectVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(rejected));
    assertEquals("rejected", state(rejected));

    var blocked = provider.ec2().deleteVpcEndpointServiceConfigurations(r -> r.serviceIds(serviceId)).unsuccessful();
    assertEquals(1, blocked.size(), "a service with an available connection cannot be deleted");
    assertEquals("ExistingVpcEndpointConnections", blocked.getFirst().error().code());
    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).removeAllowedPrincipals("*"));
    assertEquals("available", state(accepted), "removing a principal leaves accepted connections alone");
  }

  @Test
  void connectionNotificationsCanBeFollowed() throws Exception {
    provider.ec2().modifyVpcEndpointServicePermissions(r -> r.serviceId(serviceId).addAllowedPrincipals("*"));
    provider.ec2().createVpcEndpointConnectionNotification(r -> r.serviceId(serviceId)
        .connectionNotificationArn("arn:aws:sns:us-east-1:111111111111:endpoint-events").connectionEvents("Connect", "Accept"));
    String endpoint = createEndpoint();
    provider.ec2().acceptVpcEndpointConnections(r -> r.serviceId(serviceId).vpcEndpointIds(endpoint));
    String body = new dev.privatelink.testing.RawAws(CLOUD.endpoint())
        .signed("GET", "/_privatelink/notifications", "111111111111", "secret", "ec2").body();
    var messages = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    assertEquals(2, messages.size(), body);
    assertEquals("Connect", messages.get(0).get("event").asText());
    assertEquals("Accept", messages.get(1).get("event").asText());
    assertTrue(messages.get(1).get("json").asText().contains(endpoint), body);
  }
}
