package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Filters;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessStates;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

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
        .cidrBlockAssociationSet(VpcCidrBlockAssociation.builder().associationId(v.cidrAssociationId())
            .cidrBlock(v.cidr().toString()).cidrBlockState(VpcCidrBlockState.builder().state("associated").build()).build())
        .blockPublicAccessStates(BlockPublicAccessStates.builder().internetGatewayBlockMode("off").build())
        .tags(state.tagList(scope, v.vpcId()))
        .build();
  }

  /** DescribeVpcs' filter names. */
  Filters<VpcRecord> filters(Scope scope) {
    return Filters.<VpcRecord>of(v -> state.tagMap(scope, v.vpcId()))
        .one("vpc-id", VpcRecord::vpcId)
        .one("cidr", v -> v.cidr().toString())
        .one("cidr-block-association.cidr-block", v -> v.cidr().toString())
        .one("cidr-block-association.association-id", VpcRecord::cidrAssociationId)
        .one("cidr-block-association.state", v -> "associated")
        .one("state", VpcRecord::state)
        .one("owner-id", VpcRecord::ownerId)
        .one("is-default", VpcRecord::isDefault)
        .one("isDefault", VpcRecord::isDefault)
        .one("dhcp-options-id", VpcRecord::dhcpOptionsId)
        .one("instance-tenancy", VpcRecord::instanceTenancy)
        .build();
  }
}
