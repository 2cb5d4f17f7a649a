package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Filters;
import dev.privatelink.model.Cidr;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessStates;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockStateCode;
import software.amazon.awssdk.services.ec2.model.VpcIpv6CidrBlockAssociation;

/** Turns stored VPCs into the SDK's {@link Vpc} and applies DescribeVpcs' filters. */
final class VpcRenderer {
  private final Ec2State state;

  VpcRenderer(Ec2State state) {
    this.state = state;
  }

  Vpc render(Scope scope, VpcRecord v) {
    return Vpc.builder()
        .vpcId(v.vpcId()).ownerId(v.ownerId()).cidrBlock(v.cidr().toString()).state(v.state())
        .dhcpOptionsId(v.dhcpOptionsId()).instanceTenancy(v.instanceTenancy()).isDefault(v.isDefault())
        .cidrBlockAssociationSet(cidrBlocks(scope, v))
        .ipv6CidrBlockAssociationSet(ipv6Blocks(scope, v))
        .blockPublicAccessStates(BlockPublicAccessStates.builder().internetGatewayBlockMode("off").build())
        .tags(state.tagList(scope, v.vpcId()))
        .build();
  }

  private List<VpcCidrBlockAssociation> cidrBlocks(Scope scope, VpcRecord v) {
    var out = new java.util.ArrayList<>(List.of(ipv4(v.cidrAssociationId(), v.cidr(), VpcCidrBlockStateCode.ASSOCIATED)));
    secondary(scope, v, false).forEach(a -> out.add(ipv4(a.associationId(), a.ipv4(), VpcCidrBlockStateCode.ASSOCIATED)));
    return out;
  }

  /** AWS leaves the IPv6 set out of a VPC that never had an IPv6 block. */
  private @Nullable List<VpcIpv6CidrBlockAssociation> ipv6Blocks(Scope scope, VpcRecord v) {
    List<VpcIpv6CidrBlockAssociation> out = secondary(scope, v, true).stream()
        .map(a -> ipv6(a, VpcCidrBlockStateCode.ASSOCIATED)).toList();
    return out.isEmpty() ? null : out;
  }

  private List<VpcCidrAssociation> secondary(Scope scope, VpcRecord v, boolean ipv6) {
    return state.vpcCidrAssociations().where(scope, a -> a.vpcId().equals(v.vpcId()) && a.isIpv6() == ipv6);
  }

  static VpcCidrBlockAssociation ipv4(String associationId, Cidr cidr, VpcCidrBlockStateCode code) {
    return VpcCidrBlockAssociation.builder().associationId(associationId).cidrBlock(cidr.toString())
        .cidrBlockState(VpcCidrBlockState.builder().state(code).build()).build();
  }

  VpcIpv6CidrBlockAssociation ipv6(VpcCidrAssociation a, VpcCidrBlockStateCode code) {
    return VpcIpv6CidrBlockAssociation.builder().associationId(a.associationId()).ipv6CidrBlock(a.ipv6())
        .ipv6CidrBlockState(VpcCidrBlockState.builder().state(code).build()).networkBorderGroup(a.networkBorderGroup())
        .ipv6Pool("Amazon").ipv6AddressAttribute("public").ipSource("amazon").build();
  }

  /** DescribeVpcs' filter names. */
  Filters<VpcRecord> filters(Scope scope) {
    return Filters.<VpcRecord>of(v -> state.tagMap(scope, v.vpcId()))
        .one("vpc-id", VpcRecord::vpcId)
        .one("cidr", v -> v.cidr().toString())
        .many("cidr-block-association.cidr-block", v -> cidrBlocks(scope, v).stream().map(VpcCidrBlockAssociation::cidrBlock).toList())
        .many("cidr-block-association.association-id", v -> cidrBlocks(scope, v).stream()
            .map(VpcCidrBlockAssociation::associationId).toList())
        .one("cidr-block-association.state", v -> "associated")
        .many("ipv6-cidr-block-association.ipv6-cidr-block", v -> secondary(scope, v, true).stream()
            .map(VpcCidrAssociation::ipv6).toList())
        .many("ipv6-cidr-block-association.association-id", v -> secondary(scope, v, true).stream()
            .map(VpcCidrAssociation::associationId).toList())
        .many("ipv6-cidr-block-association.state", v -> secondary(scope, v, true).stream().map(a -> "associated").toList())
        .one("state", VpcRecord::state)
        .one("owner-id", VpcRecord::ownerId)
        .one("is-default", VpcRecord::isDefault)
        .one("isDefault", VpcRecord::isDefault)
        .one("dhcp-options-id", VpcRecord::dhcpOptionsId)
        .one("instance-tenancy", VpcRecord::instanceTenancy)
        .build();
  }
}
