package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;

class VpcCidrTest {
  private final Ec2Fixture f = new Ec2Fixture();
  private final String vpcId = f.vpc("10.0.0.0/16");

  private Vpc vpc() {
    DescribeVpcsResponse r = f.call(DescribeVpcsRequest.builder().vpcIds(vpcId).build());
    return r.vpcs().getFirst();
  }

  private AssociateVpcCidrBlockResponse associate(String cidr) {
    return f.call(AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock(cidr).build());
  }

  @Test
  void secondaryBlockIsAssociatedAndTakesSubnets() {
    AssociateVpcCidrBlockResponse r = associate("10.1.0.0/16");
    assertEquals(VpcCidrBlockStateCode.ASSOCIATING, r.cidrBlockAssociation().cidrBlockState().state());
    assertTrue(r.cidrBlockAssociation().associationId().matches("vpc-cidr-assoc-" + Ec2Fixture.ID17));
    List<VpcCidrBlockAssociation> set = vpc().cidrBlockAssociationSet();
    assertEquals(List.of("10.0.0.0/16", "10.1.0.0/16"), set.stream().map(VpcCidrBlockAssociation::cidrBlock).toList());
    assertEquals(VpcCidrBlockStateCode.ASSOCIATED, set.get(1).cidrBlockState().state());
    assertEquals("10.0.0.0/16", vpc().cidrBlock(), "the primary block stays the VPC's CidrBlock");
    f.subnet(vpcId, "10.1.2.0/24", "us-east-1a");
    DescribeVpcsResponse found = f.call(DescribeVpcsRequest.builder().filters(Filter.builder()
        .name("cidr-block-association.cidr-block").values("10.1.0.0/16").build()).build());
    assertEquals(1, found.vpcs().size());
    f.fails("InvalidCidrBlock.InUse", DisassociateVpcCidrBlockRequest.builder()
        .associationId(r.cidrBlockAssociation().associationId()).build());
  }

  @Test
  void awsRulesForSecondaryBlocks() {
    f.fails("InvalidVpc.Range", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("10.0.128.0/17").build());
    f.fails("InvalidVpc.Range", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("10.2.0.0/29").build());
    f.fails("InvalidVpc.Range", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("10.2.0.0/15").build());
    f.fails("InvalidVpc.Range", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("192.168.0.0/16").build());
    f.fails("InvalidVpc.Range", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("169.254.0.0/16").build());
    f.fails("InvalidVpcID.NotFound", AssociateVpcCidrBlockRequest.builder().vpcId("vpc-00000000000000000").cidrBlock("10.3.0.0/16").build());
    f.fails("MissingParameter", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).build());
    associate("100.64.0.0/16");
    associate("10.1.0.0/16");
    associate("10.2.0.0/16");
    associate("10.3.0.0/16");
    f.fails("CidrLimitExceeded", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).cidrBlock("10.4.0.0/16").build());
  }

  @Test
  void amazonProvidedIpv6IsASlash56Record() {
    AssociateVpcCidrBlockResponse r = f.call(AssociateVpcCidrBlockRequest.builder().vpcId(vpcId)
        .amazonProvidedIpv6CidrBlock(true).build());
    var a = r.ipv6CidrBlockAssociation();
    assertEquals(VpcCidrBlockStateCode.ASSOCIATING, a.ipv6CidrBlockState().state());
    assertTrue(a.ipv6CidrBlock().matches("2600:1f18:[0-9a-f]{1,4}:[0-9a-f]{2}00::/56"), a.ipv6CidrBlock());
    assertEquals("us-east-1", a.networkBorderGroup());
    var shown = vpc().ipv6CidrBlockAssociationSet().getFirst();
    assertEquals(a.ipv6CidrBlock(), shown.ipv6CidrBlock());
    assertEquals(VpcCidrBlockStateCode.ASSOCIATED, shown.ipv6CidrBlockState().state());
    f.fails("CidrLimitExceeded", AssociateVpcCidrBlockRequest.builder().vpcId(vpcId).amazonProvidedIpv6CidrBlock(true).build());
    DisassociateVpcCidrBlockResponse gone = f.call(DisassociateVpcCidrBlockRequest.builder().associationId(a.associationId()).build());
    assertEquals(VpcCidrBlockStateCode.DISASSOCIATING, gone.ipv6CidrBlockAssociation().ipv6CidrBlockState().state());
    assertTrue(vpc().ipv6CidrBlockAssociationSet().isEmpty());
  }

  @Test
  void thePrimaryBlockStays() {
    String primary = vpc().cidrBlockAssociationSet().getFirst().associationId();
    f.fails("OperationNotPermitted", DisassociateVpcCidrBlockRequest.builder().associationId(primary).build());
    f.fails("InvalidVpcCidrBlockAssociationID.NotFound", DisassociateVpcCidrBlockRequest.builder()
        .associationId("vpc-cidr-assoc-00000000000000000").build());
    f.fails("InvalidSubnet.Range", CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock("10.1.0.0/24").build());
  }

  @Test
  void classicLinkIsRetired() {
    f.fails("UnsupportedOperation", software.amazon.awssdk.services.ec2.model.DescribeVpcClassicLinkRequest.builder()
        .vpcIds(vpcId).build());
    f.fails("UnsupportedOperation", software.amazon.awssdk.services.ec2.model.EnableVpcClassicLinkRequest.builder()
        .vpcId(vpcId).build());
    f.fails("UnsupportedOperation", software.amazon.awssdk.services.ec2.model.DescribeClassicLinkInstancesRequest.builder().build());
  }
}
