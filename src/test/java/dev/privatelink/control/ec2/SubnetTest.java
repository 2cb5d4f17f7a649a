package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;

class SubnetTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void createSubnetReservesFiveAddressesAndNamesItsZone() {
    String vpcId = f.vpc("10.0.0.0/16");
    CreateSubnetResponse r = f.call(CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.0.0/20")
        .availabilityZone("us-east-1b").build());
    var s = r.subnet();
    assertTrue(s.subnetId().matches("subnet-" + Ec2Fixture.ID17));
    assertEquals("pending", s.stateAsString());
    assertEquals(4096 - 5, s.availableIpAddressCount());
    assertEquals("us-east-1b", s.availabilityZone());
    assertEquals("use1-az2", s.availabilityZoneId());
    assertEquals("arn:aws:ec2:us-east-1:111111111111:subnet/" + s.subnetId(), s.subnetArn());
    f.ready(s.subnetId());
    DescribeSubnetsResponse d = f.call(DescribeSubnetsRequest.builder().subnetIds(s.subnetId()).build());
    assertEquals("available", d.subnets().get(0).stateAsString());
  }

  @Test
  void cidrMustLieInTheVpcAndNotOverlap() {
    String vpcId = f.vpc("10.0.0.0/16");
    f.subnet(vpcId, "10.0.0.0/20", "us-east-1a");
    var e = f.fails("InvalidSubnet.Range", CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.1.0.0/24").build());
    assertEquals("The CIDR '10.1.0.0/24' is invalid.", e.getMessage());
    e = f.fails("InvalidSubnet.Conflict", CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.1.0/24").build());
    assertEquals("The CIDR '10.0.1.0/24' conflicts with another subnet", e.getMessage());
    f.fails("InvalidSubnet.Range", CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.16.0/29").build());
    f.fails("InvalidVpcID.NotFound", CreateSubnetRequest.builder().vpcId("vpc-00000000000000000").cidrBlock("10.0.16.0/24").build());
  }

  @Test
  void unknownZoneListsTheZonesThatExist() {
    String vpcId = f.vpc("10.0.0.0/16");
    var e = f.fails("InvalidParameterValue", CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.0.0/24")
        .availabilityZone("us-east-1z").build());
    assertEquals("Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in "
        + "the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.", e.getMessage());
    CreateSubnetResponse byId = f.call(CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.0.0.0/24")
        .availabilityZoneId("use1-az1").build());
    assertEquals("us-east-1a", byId.subnet().availabilityZone());
  }

  @Test
  void filtersAndMapPublicIp() {
    String vpcId = f.vpc("10.0.0.0/16");
    String a = f.subnet(vpcId, "10.0.0.0/20", "us-east-1a");
    f.subnet(vpcId, "10.0.16.0/20", "us-east-1b");
    f.call(ModifySubnetAttributeRequest.builder().subnetId(a).mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()).build());
    DescribeSubnetsResponse r = f.call(DescribeSubnetsRequest.builder().filters(
        Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("map-public-ip-on-launch").values("true").build()).build());
    assertEquals(1, r.subnets().size());
    assertEquals(a, r.subnets().get(0).subnetId());
    assertTrue(r.subnets().get(0).mapPublicIpOnLaunch());
    r = f.call(DescribeSubnetsRequest.builder().filters(Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("availability-zone").values("us-east-1b").build()).build());
    assertEquals("10.0.16.0/20", r.subnets().get(0).cidrBlock());
  }

  @Test
  void subnetWithAnInstanceCannotBeDeleted() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");
    f.run(subnetId);
    f.fails("DependencyViolation", DeleteSubnetRequest.builder().subnetId(subnetId).build());
  }
}
