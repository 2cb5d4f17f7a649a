package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.control.ControlEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

class InstanceTest {
  private final Ec2Fixture f = new Ec2Fixture();

  private String publicSubnet(String vpcId) {
    String subnetId = f.subnet(vpcId, "10.0.0.0/20", "us-east-1a");
    f.call(ModifySubnetAttributeRequest.builder().subnetId(subnetId)
        .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()).build());
    return subnetId;
  }

  private Instance describe(String id) {
    DescribeInstancesResponse r = f.call(DescribeInstancesRequest.builder().instanceIds(id).build());
    return r.reservations().get(0).instances().get(0);
  }

  @Test
  void runInstanceTakesTheFirstFreeAddressAndAPublicOne() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = publicSubnet(vpcId);
    String groupId = f.group(vpcId, "service");
    String script = "#!/bin/bash\nyum install -y nginx\n";
    RunInstancesResponse r = f.call(RunInstancesRequest.builder().imageId(f.al2023()).instanceType("t3.nano")
        .subnetId(subnetId).securityGroupIds(groupId).minCount(1).maxCount(1)
        .userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)))
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
            .tags(Tag.builder().key("Name").value("PrivateLink Demo Service").build()).build()).build());
    assertTrue(r.reservationId().matches("r-" + Ec2Fixture.ID17));
    Instance i = r.instances().get(0);
    assertTrue(i.instanceId().matches("i-" + Ec2Fixture.ID17));
    assertEquals("pending", i.state().nameAsString());
    assertEquals(0, i.state().code());
    assertEquals("10.0.0.4", i.privateIpAddress());
    assertEquals("ip-10-0-0-4.ec2.internal", i.privateDnsName());
    assertEquals("203.0.113.1", i.publicIpAddress());
    assertEquals("", i.publicDnsName(), "no public DNS name without enableDnsHostnames");
    assertEquals(groupId, i.securityGroups().get(0).groupId());
    assertEquals("interface", i.networkInterfaces().get(0).interfaceType());
    assertEquals(0, i.networkInterfaces().get(0).attachment().deviceIndex());
    assertEquals("PrivateLink Demo Service", i.tags().get(0).value());
    assertEquals("pending", i.stateReason().code(), "AWS explains a pending instance");
    assertEquals("pending", i.stateReason().message());
    assertEquals("pending", describe(i.instanceId()).stateReason().code());

    f.ready(i.instanceId());
    assertEquals(16, describe(i.instanceId()).state().code());
    assertNull(describe(i.instanceId()).stateReason(), "a running instance carries no state reason");

    DescribeInstanceAttributeResponse userData = f.call(DescribeInstanceAttributeRequest.builder()
        .instanceId(i.instanceId()).attribute(InstanceAttributeName.USER_DATA).build());
    assertEquals(script, new String(Base64.getDecoder().decode(userData.userData().value()), StandardCharsets.UTF_8));
    var inst = f.cloud.read(features -> features.ec2().instances()).get(0).getValue();
    assertEquals(script, inst.launch().userData());

    DescribeSubnetsResponse s = f.call(DescribeSubnetsRequest.builder().subnetIds(subnetId).build());
    assertEquals(4096 - 5 - 1, s.subnets().get(0).availableIpAddressCount());
    DescribeNetworkInterfacesResponse enis = f.call(DescribeNetworkInterfacesRequest.builder()
        .filters(Filter.builder().name("attachment.instance-id").values(i.instanceId()).build()).build());
    assertEquals("10.0.0.4", enis.networkInterfaces().get(0).privateIpAddress());
    DescribeVolumesResponse vols = f.call(DescribeVolumesRequest.builder()
        .filters(Filter.builder().name("attachment.instance-id").values(i.instanceId()).build()).build());
    assertEquals(8, vols.volumes().get(0).size());
  }

  @Test
  void launchIsValidatedBeforeAnythingChanges() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    String ami = f.al2023();
    var base = RunInstancesRequest.builder().imageId(ami).instanceType("t3.nano").subnetId(subnetId).minCount(1).maxCount(1);
    f.fails("InvalidAMIID.NotFound", base.copy().imageId("ami-00000000000000000").build());
    f.fails("InvalidParameterValue", base.copy().instanceType("t3.gigantic").build());
    f.fails("InvalidParameterValue", base.copy().instanceType("t4g.nano").build());
    f.fails("InvalidKeyPair.NotFound", base.copy().keyName("missing").build());
    // Without a subnet it lands in the default VPC (DefaultVpcTest); a group name needs that fallback.
    f.fails("InvalidParameterCombination", base.copy().securityGroups("default").build());
    f.fails("InvalidSubnetID.NotFound", base.copy().subnetId("subnet-00000000000000000").build());
    f.fails("InvalidGroup.NotFound", base.copy().securityGroupIds("sg-00000000000000000").build());
    String otherVpcGroup = f.group(f.vpc("10.9.0.0/16"), "elsewhere");
    f.fails("InvalidGroup.NotFound", base.copy().securityGroupIds(otherVpcGroup).build());
    f.fails("InvalidParameterValue", base.copy().userData("!!!not base64").build());
    f.fails("InvalidParameterValue", base.copy().minCount(2).maxCount(1).build());
    f.fails("InsufficientFreeAddressesInSubnet", base.copy().minCount(300).maxCount(300).build());
  }

  @Test
  void manyInstancesTakeConsecutiveAddresses() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/28", "us-east-1a");
    RunInstancesResponse r = f.call(RunInstancesRequest.builder().imageId(f.al2023()).instanceType("t3.micro")
        .subnetId(subnetId).minCount(1).maxCount(20).build());
    assertEquals(11, r.instances().size(), "a /28 has 16 - 5 usable addresses");
    assertEquals("10.0.0.14", r.instances().get(10).privateIpAddress());
    assertNull(r.instances().get(0).publicIpAddress());
  }

  @Test
  void terminateGoesThroughShuttingDownAndKeepsTheInstanceVisible() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    String id = f.run(subnetId).instances().get(0).instanceId();
    f.ready(id);
    TerminateInstancesResponse t = f.call(TerminateInstancesRequest.builder().instanceIds(id).build());
    assertEquals(16, t.terminatingInstances().get(0).previousState().code());
    assertEquals(32, t.terminatingInstances().get(0).currentState().code());
    f.ready(id);
    Instance i = describe(id);
    assertEquals("terminated", i.state().nameAsString());
    assertEquals("Client.UserInitiatedShutdown", i.stateReason().code());
    DescribeNetworkInterfacesResponse enis = f.call(DescribeNetworkInterfacesRequest.builder().build());
    assertTrue(enis.networkInterfaces().isEmpty(), "the interface is deleted on termination");
    DescribeInstancesResponse running = f.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("instance-state-name").values("running").build()).build());
    assertTrue(running.reservations().isEmpty());
    f.fails("InvalidInstanceID.NotFound", TerminateInstancesRequest.builder().instanceIds("i-00000000000000000").build());
  }

  @Test
  void consoleOutputIsWhatTheHostReported() {
    String vpcId = f.vpc("10.0.0.0/16");
    String id = f.run(f.subnet(vpcId, "10.0.0.0/24", "us-east-1a")).instances().get(0).instanceId();
    GetConsoleOutputResponse empty = f.call(GetConsoleOutputRequest.builder().instanceId(id).build());
    assertNull(empty.output());
    f.cloud.report(new ControlEvent.ConsoleOutput(id, "hello\n"));
    f.cloud.report(new ControlEvent.ConsoleOutput(id, "world\n"));
    GetConsoleOutputResponse out = f.call(GetConsoleOutputRequest.builder().instanceId(id).build());
    assertEquals("hello\nworld\n", new String(Base64.getDecoder().decode(out.output()), StandardCharsets.UTF_8));
  }

  @Test
  void describeFiltersByTagAndPages() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    f.call(RunInstancesRequest.builder().imageId(f.al2023()).instanceType("t3.nano").subnetId(subnetId).minCount(3).maxCount(3)
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
            .tags(Tag.builder().key("Name").value("web").build()).build()).build());
    DescribeInstancesResponse page = f.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("tag:Name").values("web").build()).maxResults(2).build());
    assertEquals(2, page.reservations().get(0).instances().size());
    DescribeInstancesResponse rest = f.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("tag:Name").values("web").build()).maxResults(2).nextToken(page.nextToken()).build());
    assertEquals(1, rest.reservations().get(0).instances().size());
    assertNull(rest.nextToken());
  }
}
