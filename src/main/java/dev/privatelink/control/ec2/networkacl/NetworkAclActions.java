package dev.privatelink.control.ec2.networkacl;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html">DescribeNetworkAcls</a>:
 * each VPC's default network ACL (rule 100 allows everything, the {@code *} rule 32767 denies the
 * rest, both ways), associated with every subnet of the VPC. ACLs are shown, not enforced.
 */
public record NetworkAclActions(Ec2State state) implements ActionHandler {
  @ReadOnly
  public DescribeNetworkAclsResponse describeNetworkAcls(RequestContext ctx, DescribeNetworkAclsRequest request) {
    Scope scope = ctx.scope();
    Filters<NetworkAcl> filters = Filters.<NetworkAcl>of(a -> state.tagMap(scope, a.networkAclId()))
        .one("network-acl-id", NetworkAcl::networkAclId)
        .one("vpc-id", NetworkAcl::vpcId)
        .one("default", NetworkAcl::isDefault)
        .one("owner-id", NetworkAcl::ownerId)
        .many("association.subnet-id", a -> a.associations().stream().map(NetworkAclAssociation::subnetId).toList())
        .many("association.association-id", a -> a.associations().stream().map(NetworkAclAssociation::networkAclAssociationId).toList())
        .many("association.network-acl-id", a -> a.associations().stream().map(NetworkAclAssociation::networkAclId).toList())
        .many("entry.rule-number", a -> a.entries().stream().map(e -> String.valueOf(e.ruleNumber())).toList())
        .many("entry.rule-action", a -> a.entries().stream().map(NetworkAclEntry::ruleActionAsString).toList())
        .many("entry.egress", a -> a.entries().stream().map(e -> String.valueOf(e.egress())).toList())
        .many("entry.cidr", a -> a.entries().stream().map(NetworkAclEntry::cidrBlock).toList())
        .many("entry.protocol", a -> a.entries().stream().map(NetworkAclEntry::protocol).toList())
        .build();
    // One default ACL per VPC, rendered whole: the filters read its entries and associations.
    List<NetworkAcl> acls = state.vpcs().all(scope).stream().map(v -> render(scope, v)).toList();
    Page<NetworkAcl> page = Describe.of(NetworkAcl::networkAclId, Ec2Errors::networkAclNotFound, filters)
        .page(acls, request.networkAclIds(), request.filters(), request.maxResults(), request.nextToken());
    return DescribeNetworkAclsResponse.builder().networkAcls(page.items()).nextToken(page.nextToken()).build();
  }

  private NetworkAcl render(Scope scope, VpcRecord vpc) {
    String aclId = vpc.defaultNetworkAclId();
    List<NetworkAclAssociation> associations = state.subnets().where(scope, s -> s.vpcId().equals(vpc.vpcId())).stream()
        .map(s -> NetworkAclAssociation.builder().networkAclAssociationId(s.networkAclAssociationId())
            .networkAclId(aclId).subnetId(s.subnetId()).build()).toList();
    return NetworkAcl.builder().networkAclId(aclId).vpcId(vpc.vpcId()).ownerId(vpc.ownerId()).isDefault(true)
        .associations(associations)
        .entries(entry(true, 100, "allow"), entry(true, 32767, "deny"), entry(false, 100, "allow"), entry(false, 32767, "deny"))
        .tags(state.tagList(scope, aclId)).build();
  }

  private static NetworkAclEntry entry(boolean egress, int number, String action) {
    return NetworkAclEntry.builder().ruleNumber(number).protocol("-1").ruleAction(action).egress(egress)
        .cidrBlock("0.0.0.0/0").build();
  }
}
