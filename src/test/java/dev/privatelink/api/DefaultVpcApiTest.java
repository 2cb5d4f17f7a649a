package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.server.LocalCloud;
import dev.privatelink.server.ServerOptions;
import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.DhcpOptions;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The default VPC and DHCP options through the AWS SDK: the shapes AWS sends, the errors AWS
 * answers with, the fallbacks of actions given no VPC or subnet, and a restart that replays them.
 */
class DefaultVpcApiTest {
  @RegisterExtension
  static final LocalCloudExtension CLOUD = LocalCloudExtension.controlPlaneOnly();
  StackClients c;

  @BeforeEach
  void fresh() {
    CLOUD.reset();
    c = CLOUD.clients("111111111111");
  }

  private Vpc defaultVpc() {
    List<Vpc> vpcs = c.ec2().describeVpcs(r -> r.filters(Filter.builder().name("isDefault").values("true").build())).vpcs();
    assertEquals(1, vpcs.size());
    return vpcs.getFirst();
  }

  private static String code(Runnable call) {
    Ec2Exception e = assertThrows(Ec2Exception.class, call::run);
    assertEquals(400, e.statusCode());
    return e.awsErrorDetails().errorCode();
  }

  @Test
  void theDefaultVpcAndItsSubnetsHaveAwsShapes() {
    Vpc vpc = defaultVpc();
    assertEquals("172.31.0.0/16", vpc.cidrBlock());
    assertTrue(vpc.isDefault());
    assertEquals("available", vpc.stateAsString());
    assertTrue(vpc.dhcpOptionsId().matches("dopt-[0-9a-f]{17}"));
    var attribute = c.ec2().describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc")).accountAttributes();
    assertEquals(vpc.vpcId(), attribute.getFirst().attributeValues().getFirst().attributeValue());
    List<Subnet> subnets = c.ec2().describeSubnets(r -> r.filters(
        Filter.builder().name("vpc-id").values(vpc.vpcId()).build(),
        Filter.builder().name("default-for-az").values("true").build())).subnets();
    assertEquals(6, subnets.size());
    Subnet a = subnets.getFirst();
    assertEquals("us-east-1a", a.availabilityZone());
    assertEquals("172.31.0.0/20", a.cidrBlock());
    assertTrue(a.defaultForAz());
    assertTrue(a.mapPublicIpOnLaunch());
    var igw = c.ec2().describeInternetGateways(r -> r.filters(Filter.builder().name("attachment.vpc-id")
        .values(vpc.vpcId()).build())).internetGateways();
    assertEquals(1, igw.size());
    var main = c.ec2().describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc.vpcId()).build(),
        Filter.builder().name("association.main").values("true").build())).routeTables().getFirst();
    assertTrue(main.routes().stream().anyMatch(rt -> "0.0.0.0/0".equals(rt.destinationCidrBlock())
        && igw.getFirst().internetGatewayId().equals(rt.gatewayId())));
  }

  @Test
  void securityGroupsAndInstancesWithoutAVpcGoToTheDefaultVpc() {
    Vpc vpc = defaultVpc();
    String web = c.ec2().createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
    c.ec2().authorizeSecurityGroupIngress(r -> r.groupName("web").ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0"));
    var group = c.ec2().describeSecurityGroups(r -> r.groupNames("web")).securityGroups().getFirst();
    assertEquals(web, group.groupId());
    assertEquals(vpc.vpcId(), group.vpcId());
    assertEquals(80, group.ipPermissions().getFirst().fromPort());
    String ami = c.ec2().describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name")
        .values("al2023-ami-2023.*-x86_64").build())).images().getFirst().imageId();
    Instance i = c.ec2().runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
        .securityGroups("web").placement(p -> p.availabilityZone("us-east-1b"))).instances().getFirst();
    assertEquals(vpc.vpcId(), i.vpcId());
    assertEquals("us-east-1b", i.placement().availabilityZone());
    assertTrue(i.privateIpAddress().startsWith("172.31.1") || i.privateIpAddress().startsWith("172.31.2"),
        i.privateIpAddress());
    assertEquals(List.of(web), i.securityGroups().stream().map(g -> g.groupId()).toList());
    assertEquals("InvalidGroup.NotFound", code(() -> c.ec2().describeSecurityGroups(r -> r.groupNames("nope"))));
  }

  @Test
  void deletingTheDefaultVpcAndBringingItBack() {
    Vpc vpc = defaultVpc();
    assertEquals("DefaultVpcAlreadyExists", code(() -> c.ec2().createDefaultVpc(r -> { })));
    assertEquals("DependencyViolation", code(() -> c.ec2().deleteVpc(r -> r.vpcId(vpc.vpcId()))));
    String igw = c.ec2().describeInternetGateways().internetGateways().getFirst().internetGatewayId();
    c.ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc.vpcId()));
    c.ec2().deleteInternetGateway(r -> r.internetGatewayId(igw));
    c.ec2().describeSubnets().subnets().forEach(s -> c.ec2().deleteSubnet(r -> r.subnetId(s.subnetId())));
    c.ec2().deleteVpc(r -> r.vpcId(vpc.vpcId()));
    assertEquals(List.of(), c.ec2().describeVpcs().vpcs());
    assertEquals("VPCIdNotSpecified", code(() -> c.ec2().createSecurityGroup(r -> r.groupName("x").description("x"))));
    assertEquals("DefaultVpcDoesNotExist", code(() -> c.ec2().createDefaultSubnet(r -> r.availabilityZone("us-east-1a"))));
    Vpc back = c.ec2().createDefaultVpc(r -> { }).vpc();
    assertTrue(back.isDefault());
    assertEquals("172.31.0.0/16", back.cidrBlock());
    assertEquals(6, c.ec2().describeSubnets().subnets().size());
    String a = c.ec2().describeSubnets(r -> r.filters(Filter.builder().name("availability-zone").values("us-east-1a").build()))
        .subnets().getFirst().subnetId();
    assertEquals("DefaultSubnetAlreadyExistsInAvailabilityZone",
        code(() -> c.ec2().createDefaultSubnet(r -> r.availabilityZone("us-east-1a"))));
    c.ec2().deleteSubnet(r -> r.subnetId(a));
    Subnet again = c.ec2().createDefaultSubnet(r -> r.availabilityZone("us-east-1a")).subnet();
    assertEquals("172.31.0.0/20", again.cidrBlock());
    assertTrue(again.defaultForAz());
    CLOUD.reset();
    assertEquals(vpc.vpcId(), defaultVpc().vpcId(), "the moto reset brings back the original default VPC");
  }

  @Test
  void dhcpOptionsLifecycle() {
    Vpc vpc = defaultVpc();
    DhcpOptions amazon = c.ec2().describeDhcpOptions(r -> r.dhcpOptionsIds(vpc.dhcpOptionsId())).dhcpOptions().getFirst();
    assertEquals("domain-name", amazon.dhcpConfigurations().getFirst().key());
    assertEquals("ec2.internal", amazon.dhcpConfigurations().getFirst().values().getFirst().value());
    DhcpOptions corp = c.ec2().createDhcpOptions(r -> r.dhcpConfigurations(
        d -> d.key("domain-name").values("corp.example"), d -> d.key("domain-name-servers").values("10.0.0.2", "10.0.0.3"))
        .tagSpecifications(t -> t.resourceType("dhcp-options").tags(tag -> tag.key("Name").value("corp")))).dhcpOptions();
    assertEquals("corp", corp.tags().getFirst().value());
    assertEquals(List.of("10.0.0.2", "10.0.0.3"), corp.dhcpConfigurations().get(1).values().stream().map(v -> v.value()).toList());
    var byTag = c.ec2().describeDhcpOptions(r -> r.filters(Filter.builder().name("tag:Name").values("corp").build())).dhcpOptions();
    assertEquals(List.of(corp.dhcpOptionsId()), byTag.stream().map(DhcpOptions::dhcpOptionsId).toList());
    var paged = c.ec2().describeDhcpOptionsPaginator(r -> r.maxResults(5)).dhcpOptions().stream().toList();
    assertEquals(2, paged.size());
    String vpcId = c.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    assertEquals(vpc.dhcpOptionsId(), c.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().getFirst().dhcpOptionsId());
    c.ec2().associateDhcpOptions(r -> r.vpcId(vpcId).dhcpOptionsId(corp.dhcpOptionsId()));
    assertEquals(corp.dhcpOptionsId(), c.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().getFirst().dhcpOptionsId());
    assertEquals("DependencyViolation", code(() -> c.ec2().deleteDhcpOptions(r -> r.dhcpOptionsId(corp.dhcpOptionsId()))));
    c.ec2().associateDhcpOptions(r -> r.vpcId(vpcId).dhcpOptionsId("default"));
    assertEquals("default", c.ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().getFirst().dhcpOptionsId());
    c.ec2().deleteDhcpOptions(r -> r.dhcpOptionsId(corp.dhcpOptionsId()));
    assertEquals("InvalidDhcpOptionID.NotFound",
        code(() -> c.ec2().describeDhcpOptions(r -> r.dhcpOptionsIds(corp.dhcpOptionsId()))));
    assertEquals("InvalidParameterValue",
        code(() -> c.ec2().createDhcpOptions(r -> r.dhcpConfigurations(d -> d.key("colour").values("blue")))));
  }

  @Test
  void aRestartReplaysTheSameDefaultVpc(@TempDir Path dir) throws Exception {
    String vpcId;
    String groupId;
    var options = ServerOptions.builder(dir).port(0).hostMode(ServerOptions.HostMode.CONTROL_PLANE_ONLY).build();
    try (LocalCloud first = LocalCloud.start(options);
         var sdk = new StackClients(java.net.URI.create(first.endpoint()), "111111111111", Region.US_EAST_1)) {
      vpcId = sdk.ec2().describeVpcs().vpcs().getFirst().vpcId();
      groupId = sdk.ec2().createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
    }
    try (LocalCloud second = LocalCloud.start(options);
         var sdk = new StackClients(java.net.URI.create(second.endpoint()), "111111111111", Region.US_EAST_1)) {
      var group = sdk.ec2().describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().getFirst();
      assertEquals(vpcId, group.vpcId());
      assertEquals(List.of(vpcId), sdk.ec2().describeVpcs().vpcs().stream().map(Vpc::vpcId).toList());
      assertNull(sdk.ec2().describeDhcpOptions().nextToken());
    }
  }
}
