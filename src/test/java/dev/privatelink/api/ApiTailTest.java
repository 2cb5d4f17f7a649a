package dev.privatelink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.stacks.StackClients;
import dev.privatelink.testing.LocalCloudExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;

/** The tail of the EC2 and ELBv2 API through the SDK's wire format: instance attributes, CIDR blocks, reservations. */
class ApiTailTest {
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

  private String instance() {
    String ami = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023.*-x86_64")))
        .images().getFirst().imageId();
    String id = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.nano").subnetId(subnet).minCount(1).maxCount(1))
        .instances().getFirst().instanceId();
    OneSubnet.await(() -> state(id) == InstanceStateName.RUNNING);
    return id;
  }

  private InstanceStateName state(String id) {
    return ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst().state().name();
  }

  private static Ec2Exception fails(String code, Runnable call) {
    Ec2Exception e = assertThrows(Ec2Exception.class, call::run);
    assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
    return e;
  }

  @Test
  void instanceAttributesChangeOverTheWire() {
    String id = instance();
    ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(v -> v.value(true)));
    assertTrue(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
        .disableApiTermination().value());
    fails("OperationNotPermitted", () -> ec2.terminateInstances(r -> r.instanceIds(id)));
    ec2.modifyInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_TERMINATION).value("false"));
    String group = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web").description("web")).groupId();
    ec2.modifyInstanceAttribute(r -> r.instanceId(id).groups(group));
    assertEquals(group, ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.GROUP_SET))
        .groups().getFirst().groupId());

    ec2.stopInstances(r -> r.instanceIds(id));
    OneSubnet.await(() -> state(id) == InstanceStateName.STOPPED);
    ec2.modifyInstanceAttribute(r -> r.instanceId(id).userData(u -> u.value(SdkBytes.fromUtf8String("#!/bin/sh\necho new\n"))));
    ec2.modifyInstanceAttribute(r -> r.instanceId(id).instanceType(t -> t.value("t3.small")));
    String data = ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.USER_DATA)).userData().value();
    assertEquals("#!/bin/sh\necho new\n", new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
    assertEquals("t3.small", ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.INSTANCE_TYPE))
        .instanceType().value());

    var metadata = ec2.modifyInstanceMetadataOptions(r -> r.instanceId(id).httpTokens(HttpTokensState.OPTIONAL))
        .instanceMetadataOptions();
    assertEquals(HttpTokensState.OPTIONAL, metadata.httpTokens());
    assertEquals(HttpTokensState.OPTIONAL, ec2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances()
        .getFirst().metadataOptions().httpTokens());
  }

  @Test
  void cidrBlocksReservationsAndClassicLink() {
    var ipv4 = ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.1.0.0/16")).cidrBlockAssociation();
    var ipv6 = ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).amazonProvidedIpv6CidrBlock(true)).ipv6CidrBlockAssociation();
    var shown = ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst();
    assertEquals(2, shown.cidrBlockAssociationSet().size());
    assertEquals(ipv6.ipv6CidrBlock(), shown.ipv6CidrBlockAssociationSet().getFirst().ipv6CidrBlock());
    ec2.disassociateVpcCidrBlock(r -> r.associationId(ipv4.associationId()));
    assertEquals(1, ec2.describeVpcs(r -> r.vpcIds(vpc)).vpcs().getFirst().cidrBlockAssociationSet().size());
    fails("InvalidVpc.Range", () -> ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("172.16.0.0/16")));

    String reservation = ec2.createSubnetCidrReservation(r -> r.subnetId(subnet).cidr("10.0.0.64/26")
        .reservationType(SubnetCidrReservationType.PREFIX)).subnetCidrReservation().subnetCidrReservationId();
    assertEquals(reservation, ec2.getSubnetCidrReservations(r -> r.subnetId(subnet)).subnetIpv4CidrReservations().getFirst()
        .subnetCidrReservationId());
    ec2.deleteSubnetCidrReservation(r -> r.subnetCidrReservationId(reservation));
    assertTrue(ec2.getSubnetCidrReservations(r -> r.subnetId(subnet)).subnetIpv4CidrReservations().isEmpty());

    fails("UnsupportedOperation", () -> ec2.describeVpcClassicLink(r -> r.vpcIds(vpc)));
  }

  @Test
  void capacityReservationOfALoadBalancer() {
    String lb = aws.elb().createLoadBalancer(r -> r.name("net").type("network").scheme("internal").subnets(subnet))
        .loadBalancers().getFirst().loadBalancerArn();
    var none = aws.elb().describeCapacityReservation(r -> r.loadBalancerArn(lb));
    assertFalse(none.hasCapacityReservationState() && !none.capacityReservationState().isEmpty());
    aws.elb().modifyCapacityReservation(r -> r.loadBalancerArn(lb).minimumLoadBalancerCapacity(c -> c.capacityUnits(3000)));
    var some = aws.elb().describeCapacityReservation(r -> r.loadBalancerArn(lb));
    assertEquals(3000, some.minimumLoadBalancerCapacity().capacityUnits());
    assertEquals(3000.0, some.capacityReservationState().getFirst().effectiveCapacityUnits());
  }
}
