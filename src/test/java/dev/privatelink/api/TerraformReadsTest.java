package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * What the Terraform AWS provider dereferences or filters by, through the SDK: a missing field
 * crashes it, an ignored filter makes it poll until its timeout (control plane only).
 */
class TerraformReadsTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients aws;
  Ec2Client ec2;
  String vpc;
  String subnet;

  @BeforeEach
  void network() {
    OneSubnet world = OneSubnet.in(CLOUD);
    aws = world.aws();
    ec2 = aws.ec2();
    vpc = world.vpc();
    subnet = world.subnet();
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  @Test
  void authorizeAnswersWithTheRulesItMade() {
    String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
    List<SecurityGroupRule> in = ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
        .fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("10.0.0.0/8")))).securityGroupRules();
    assertEquals(1, in.size());
    assertTrue(in.getFirst().securityGroupRuleId().matches("sgr-[0-9a-f]{17}"));
    assertFalse(in.getFirst().isEgress());
    List<SecurityGroupRule> out = ec2.authorizeSecurityGroupEgress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("udp")
        .fromPort(53).toPort(53).ipRanges(x -> x.cidrIp("10.0.0.2/32")))).securityGroupRules();
    assertEquals(1, out.size());
    assertTrue(out.getFirst().isEgress());
    assertEquals("10.0.0.2/32", out.getFirst().cidrIpv4());
  }

  @Test
  void instanceInterfacesCarryTheirAttachmentAndTerminatedInstancesStayVisible() {
    String ami = ec2.describeImages(r -> r.owners("amazon").filters(filter("name", "al2023-ami-2023.*-x86_64"))).images()
        .getFirst().imageId();
    String id = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.nano").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst().instanceId();
    Instance i = ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst();
    var attachment = i.networkInterfaces().getFirst().attachment();
    assertNotNull(attachment, "the instance's interface names its attachment");
    assertTrue(attachment.attachmentId().startsWith("eni-attach-"));
    NetworkInterface eni = ec2.describeNetworkInterfaces(r -> r.filters(filter("attachment.instance-id", id)))
        .networkInterfaces().getFirst();
    assertEquals(id, eni.attachment().instanceId());
    assertEquals("111111111111", eni.attachment().instanceOwnerId());
    assertEquals(1, ec2.describeNetworkInterfaces(r -> r.filters(filter("attachment.instance-owner-id", "111111111111"),
        filter("attachment.instance-id", id))).networkInterfaces().size());

    OneSubnet.await(() -> state(id) == InstanceStateName.RUNNING);
    ec2.terminateInstances(r -> r.instanceIds(id));
    OneSubnet.await(() -> state(id) == InstanceStateName.TERMINATED);
    assertEquals(1, ec2.describeInstances(r -> r.filters(filter("instance-state-name", "terminated"))).reservations().size());
  }

  private InstanceStateName state(String id) {
    return ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst().state().name();
  }

  @Test
  void routeTablesAreFoundByTheirAssociations() {
    String main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
        .routeTables().getFirst().routeTableId();
    String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    String association = ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet)).associationId();
    var found = ec2.describeRouteTables(r -> r.filters(filter("association.route-table-association-id", association)))
        .routeTables();
    assertEquals(List.of(table), found.stream().map(t -> t.routeTableId()).toList());
    assertEquals(List.of(main), ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
        .routeTables().stream().map(t -> t.routeTableId()).toList());
  }

  @Test
  void loadBalancerInterfacesAreFoundByOwnerAndDescriptionUntilItIsDeleted() {
    var lb = aws.elb().createLoadBalancer(r -> r.name("web").type("network").scheme("internal").subnets(subnet))
        .loadBalancers().getFirst();
    String arn = lb.loadBalancerArn();
    String description = "ELB " + arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
    List<Filter> filters = List.of(filter("attachment.instance-owner-id", "amazon-elb"), filter("description", description));
    List<NetworkInterface> enis = ec2.describeNetworkInterfaces(r -> r.filters(filters)).networkInterfaces();
    assertEquals(1, enis.size());
    assertEquals("amazon-elb", enis.getFirst().attachment().instanceOwnerId());
    assertTrue(enis.getFirst().attachment().attachmentId().startsWith("ela-attach-"));
    assertEquals(1, ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(enis.getFirst().networkInterfaceId()))
        .networkInterfaces().size());

    String group = aws.elb().createTargetGroup(r -> r.name("web").protocol("TCP").port(80).vpcId(vpc))
        .targetGroups().getFirst().targetGroupArn();
    aws.elb().addTags(r -> r.resourceArns(arn).tags(t -> t.key("Name").value("web")));
    var tags = aws.elb().describeTags(r -> r.resourceArns(arn, group, arn)).tagDescriptions();
    assertEquals(List.of(arn, group), tags.stream().map(t -> t.resourceArn()).toList(), "one entry per ARN, in order");
    assertEquals("web", tags.getFirst().tags().getFirst().value());
    assertTrue(tags.get(1).tags().isEmpty());

    aws.elb().deleteLoadBalancer(r -> r.loadBalancerArn(arn));
    assertEquals(0, ec2.describeNetworkInterfaces(r -> r.filters(filters)).networkInterfaces().size());
  }

  @Test
  void endpointInterfacesAndServicePermissionsHaveTheirIds() {
    String nlb = aws.elb().createLoadBalancer(r -> r.name("svc").type("network").scheme("internal").subnets(subnet))
        .loadBalancers().getFirst().loadBalancerArn();
    OneSubnet.await(() -> "active".equals(aws.elb().describeLoadBalancers(r -> r.loadBalancerArns(nlb)).loadBalancers().getFirst()
        .state().codeAsString()));
    var service = ec2.createVpcEndpointServiceConfiguration(r -> r.networkLoadBalancerArns(nlb).acceptanceRequired(false))
        .serviceConfiguration();
    ec2.modifyVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())
        .addAllowedPrincipals("arn:aws:iam::111111111111:root"));
    var allowed = ec2.describeVpcEndpointServicePermissions(r -> r.serviceId(service.serviceId())).allowedPrincipals();
    assertTrue(allowed.getFirst().servicePermissionId().matches("vpce-spn-[0-9a-f]{17}"));

    var endpoint = ec2.createVpcEndpoint(r -> r.vpcEndpointType("Interface").vpcId(vpc).serviceName(service.serviceName())
        .subnetIds(subnet)).vpcEndpoint();
    List<NetworkInterface> enis = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(endpoint.networkInterfaceIds()))
        .networkInterfaces();
    assertEquals(endpoint.networkInterfaceIds(), enis.stream().map(NetworkInterface::networkInterfaceId).toList());
    assertEquals("VPC Endpoint Interface " + endpoint.vpcEndpointId(), enis.getFirst().description());
    assertEquals("amazon-aws", enis.getFirst().attachment().instanceOwnerId());
  }
}
