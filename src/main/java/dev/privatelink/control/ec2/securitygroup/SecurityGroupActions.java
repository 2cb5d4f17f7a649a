package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html">CreateSecurityGroup</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html">DeleteSecurityGroup</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html">DescribeSecurityGroups</a>.
 * A new group allows all egress; names are unique per VPC and {@code default} is reserved.
 */
public record SecurityGroupActions(Ec2State state) implements ActionHandler {
  public CreateSecurityGroupResponse createSecurityGroup(RequestContext ctx, CreateSecurityGroupRequest request) {
    Scope scope = ctx.scope();
    String name = request.groupName();
    if (name == null || name.isEmpty()) {
      throw Ec2Errors.required("GroupName");
    }
    if (request.description() == null || request.description().isEmpty()) {
      throw Ec2Errors.required("GroupDescription");
    }
    String vpcId = request.vpcId() == null
        ? state.defaultVpc(scope).orElseThrow(Ec2Errors::noDefaultVpc).vpcId()
        : state.vpc(scope, request.vpcId()).vpcId();
    checkName(name, request.description());
    if (!state.securityGroups().where(scope, g -> g.vpcId().equals(vpcId) && g.groupName().equals(name)).isEmpty()) {
      throw AwsException.badRequest("InvalidGroup.Duplicate",
          "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
    }
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "security-group");
    String groupId = ctx.ids().ec2Id("sg");
    var egress = new RuleRecord(ctx.ids().ec2Id("sgr"), groupId, ctx.accountId(), true, "-1", -1, -1, "0.0.0.0/0",
        null, null, null, null, null);
    state.securityGroups().put(scope, groupId, new SecurityGroupRecord(groupId, name, request.description(), vpcId,
        ctx.accountId(), List.of(egress)));
    TagSpecs.apply(state.tags(), scope, groupId, request.tagSpecifications(), "security-group");
    return CreateSecurityGroupResponse.builder().groupId(groupId).securityGroupArn(arn(scope, groupId))
        .tags(state.echoedTags(scope, groupId)).build();
  }

  private static void checkName(String name, String description) {
    if (name.equals("default")) {
      throw AwsException.badRequest("InvalidGroup.Reserved", "The security group 'default' is reserved");
    }
    if (name.startsWith("sg-")) {
      throw AwsException.invalidParameterValue("Group names may not be in the format sg-*");
    }
    if (name.length() > 255) {
      throw AwsException.invalidParameterValue("Value (" + name + ") for parameter GroupName is invalid. Length exceeds 255 characters");
    }
    if (description.length() > 255) {
      throw AwsException.invalidParameterValue("Value for parameter GroupDescription is invalid. Length exceeds 255 characters");
    }
  }

  public DeleteSecurityGroupResponse deleteSecurityGroup(RequestContext ctx, DeleteSecurityGroupRequest request) {
    Scope scope = ctx.scope();
    SecurityGroupRecord group = SecurityGroupLookup.target(state, scope, request.groupId(), request.groupName());
    if (group.isDefault()) {
      throw AwsException.badRequest("CannotDelete", "the specified group: \"" + group.groupId()
          + "\" name: \"default\" cannot be deleted by a user");
    }
    boolean referenced = state.securityGroups().all(scope).stream().anyMatch(g -> !g.groupId().equals(group.groupId())
        && g.rules().stream().anyMatch(r -> group.groupId().equals(r.referencedGroupId())));
    boolean inUse = state.networkInterfaces().all(scope).stream().anyMatch(e -> e.groupIds().contains(group.groupId()));
    if (referenced || inUse) {
      throw AwsException.dependencyViolation("resource " + group.groupId() + " has a dependent object");
    }
    state.securityGroups().remove(scope, group.groupId());
    group.rules().forEach(r -> state.tags().drop(scope, r.ruleId()));
    state.tags().drop(scope, group.groupId());
    return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(group.groupId()).build();
  }

  @ReadOnly
  public DescribeSecurityGroupsResponse describeSecurityGroups(RequestContext ctx, DescribeSecurityGroupsRequest request) {
    Scope scope = ctx.scope();
    var describe = Describe.of(SecurityGroupRecord::groupId, Ec2Errors::groupNotFound, filters(scope));
    // GroupName.N is a second selector, applied after GroupId.N as AWS does (a group matches both);
    // names name groups of the default VPC only, as in AWS.
    List<SecurityGroupRecord> ofIds = describe.matching(state.securityGroups().all(scope), request.groupIds(), List.of());
    String defaultVpc = state.defaultVpc(scope).map(v -> v.vpcId()).orElse(null);
    List<SecurityGroupRecord> named = request.groupNames().isEmpty() ? ofIds
        : Describe.select(ofIds.stream().filter(g -> g.vpcId().equals(defaultVpc)).toList(), request.groupNames(),
            SecurityGroupRecord::groupName, name -> SecurityGroupLookup.notFoundByName(name, defaultVpc));
    Page<SecurityGroup> page = describe.page(named, List.of(), request.filters(), request.maxResults(), request.nextToken())
        .map(g -> render(scope, g));
    return DescribeSecurityGroupsResponse.builder().securityGroups(page.items()).nextToken(page.nextToken()).build();
  }

  private SecurityGroup render(Scope scope, SecurityGroupRecord g) {
    return SecurityGroup.builder().groupId(g.groupId()).groupName(g.groupName()).description(g.description())
        .vpcId(g.vpcId()).ownerId(g.ownerId()).securityGroupArn(arn(scope, g.groupId()))
        .ipPermissions(PermissionRenderer.permissions(g.ingress()))
        .ipPermissionsEgress(PermissionRenderer.permissions(g.egress()))
        .tags(state.tagList(scope, g.groupId())).build();
  }

  static String arn(Scope scope, String groupId) {
    return "arn:aws:ec2:" + scope.region() + ":" + scope.accountId() + ":security-group/" + groupId;
  }

  private Filters<SecurityGroupRecord> filters(Scope scope) {
    var b = Filters.<SecurityGroupRecord>of(g -> state.tagMap(scope, g.groupId()))
        .one("group-id", SecurityGroupRecord::groupId)
        .one("group-name", SecurityGroupRecord::groupName)
        .one("vpc-id", SecurityGroupRecord::vpcId)
        .one("description", SecurityGroupRecord::description)
        .one("owner-id", SecurityGroupRecord::ownerId);
    permissionFilters(scope, b, "ip-permission.", SecurityGroupRecord::ingress);
    permissionFilters(scope, b, "egress.ip-permission.", SecurityGroupRecord::egress);
    return b.build();
  }

  private void permissionFilters(Scope scope, Filters.Builder<SecurityGroupRecord> b, String prefix,
      Function<SecurityGroupRecord, List<RuleRecord>> rules) {
    b.many(prefix + "cidr", g -> values(rules.apply(g), RuleRecord::cidrIpv4))
        .many(prefix + "ipv6-cidr", g -> values(rules.apply(g), RuleRecord::cidrIpv6))
        .many(prefix + "prefix-list-id", g -> values(rules.apply(g), RuleRecord::prefixListId))
        .many(prefix + "protocol", g -> values(rules.apply(g), RuleRecord::protocol))
        .many(prefix + "from-port", g -> values(rules.apply(g), r -> String.valueOf(r.fromPort())))
        .many(prefix + "to-port", g -> values(rules.apply(g), r -> String.valueOf(r.toPort())))
        .many(prefix + "group-id", g -> values(rules.apply(g), RuleRecord::referencedGroupId))
        .many(prefix + "user-id", g -> values(rules.apply(g), RuleRecord::referencedUserId))
        .many(prefix + "group-name", g -> values(rules.apply(g), r -> r.referencedGroupId() == null ? null
            : state.securityGroups().find(new Scope(r.referencedUserId(), scope.region()), r.referencedGroupId())
                .map(SecurityGroupRecord::groupName).orElse(null)));
  }

  private static Collection<String> values(List<RuleRecord> rules, Function<RuleRecord, String> field) {
    return rules.stream().map(field).filter(Objects::nonNull).toList();
  }
}
