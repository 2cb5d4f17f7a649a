package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Adding and removing rules:
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html">AuthorizeSecurityGroupIngress</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupEgress.html">AuthorizeSecurityGroupEgress</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html">RevokeSecurityGroupIngress</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupEgress.html">RevokeSecurityGroupEgress</a>.
 * Each rule gets its {@code sgr-} id; a rule that exists already is InvalidPermission.Duplicate.
 */
public final class SecurityGroupRuleActions implements ActionHandler {
  private static final int MAX_RULES_PER_DIRECTION = 60;
  private final Ec2State state;
  private final PermissionParser parser;
  private final PermissionRenderer renderer;

  public SecurityGroupRuleActions(Ec2State state) {
    this.state = state;
    this.parser = new PermissionParser(state);
    this.renderer = new PermissionRenderer(state);
  }

  public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(RequestContext ctx,
      AuthorizeSecurityGroupIngressRequest r) {
    SecurityGroupRecord group = SecurityGroupLookup.target(state, ctx.scope(), r.groupId(), r.groupName());
    var perms = permissions(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
        r.sourceSecurityGroupName(), r.sourceSecurityGroupOwnerId());
    var added = authorize(ctx, group, false, perms, r.tagSpecifications());
    return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).securityGroupRules(added).build();
  }

  public AuthorizeSecurityGroupEgressResponse authorizeSecurityGroupEgress(RequestContext ctx,
      AuthorizeSecurityGroupEgressRequest r) {
    SecurityGroupRecord group = SecurityGroupLookup.target(state, ctx.scope(), r.groupId(), null);
    var perms = permissions(r.ipPermissions(), r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(),
        r.sourceSecurityGroupName(), r.sourceSecurityGroupOwnerId());
    var added = authorize(ctx, group, true, perms, r.tagSpecifications());
    return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true).securityGroupRules(added).build();
  }

  public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(RequestContext ctx, RevokeSecurityGroupIngressRequest r) {
    SecurityGroupRecord group = SecurityGroupLookup.target(state, ctx.scope(), r.groupId(), r.groupName());
    List<RuleRecord> removed = revoke(ctx.scope(), group, false, r.securityGroupRuleIds(), permissions(r.ipPermissions(),
        r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(), r.sourceSecurityGroupName(), r.sourceSecurityGroupOwnerId()));
    return RevokeSecurityGroupIngressResponse.builder().returnValue(true)
        .revokedSecurityGroupRules(removed.stream().map(PermissionRenderer::revoked).toList()).build();
  }

  public RevokeSecurityGroupEgressResponse revokeSecurityGroupEgress(RequestContext ctx, RevokeSecurityGroupEgressRequest r) {
    SecurityGroupRecord group = SecurityGroupLookup.target(state, ctx.scope(), r.groupId(), null);
    List<RuleRecord> removed = revoke(ctx.scope(), group, true, r.securityGroupRuleIds(), permissions(r.ipPermissions(),
        r.ipProtocol(), r.fromPort(), r.toPort(), r.cidrIp(), r.sourceSecurityGroupName(), r.sourceSecurityGroupOwnerId()));
    return RevokeSecurityGroupEgressResponse.builder().returnValue(true)
        .revokedSecurityGroupRules(removed.stream().map(PermissionRenderer::revoked).toList()).build();
  }

  /** The IpPermissions of a request, or the one the legacy top-level parameters describe. */
  private static List<IpPermission> permissions(List<IpPermission> given, String protocol, Integer from, Integer to,
      String cidrIp, String sourceGroupName, String sourceOwner) {
    if (given != null && !given.isEmpty()) {
      return given;
    }
    if (cidrIp == null && sourceGroupName == null) {
      return List.of();
    }
    var p = IpPermission.builder().ipProtocol(protocol == null ? "-1" : protocol).fromPort(from).toPort(to);
    if (cidrIp != null) {
      p.ipRanges(IpRange.builder().cidrIp(cidrIp).build());
    }
    if (sourceGroupName != null) {
      p.userIdGroupPairs(UserIdGroupPair.builder().groupName(sourceGroupName).userId(sourceOwner).build());
    }
    return List.of(p.build());
  }

  private List<SecurityGroupRule> authorize(RequestContext ctx, SecurityGroupRecord group, boolean egress,
      List<IpPermission> perms, List<TagSpecification> tagSpecs) {
    Scope scope = ctx.scope();
    if (perms.isEmpty()) {
      throw Ec2Errors.required("IpPermissions");
    }
    List<RuleRecord> wanted = parser.parse(scope, group, egress, perms);
    List<RuleRecord> existing = egress ? group.egress() : group.ingress();
    for (int i = 0; i < wanted.size(); i++) {
      RuleRecord w = wanted.get(i);
      boolean repeated = wanted.subList(0, i).stream().anyMatch(w::sameAs);
      if (repeated || existing.stream().anyMatch(w::sameAs)) {
        throw AwsException.badRequest("InvalidPermission.Duplicate",
            "the specified rule " + PermissionRenderer.quote(w) + " already exists");
      }
    }
    if (existing.size() + wanted.size() > MAX_RULES_PER_DIRECTION) {
      throw AwsException.badRequest("RulesPerSecurityGroupLimitExceeded",
          "The maximum number of rules per security group has been reached.");
    }
    TagSpecs.validate(state.tags(), scope, tagSpecs, "security-group-rule");
    List<RuleRecord> added = new ArrayList<>();
    for (RuleRecord w : wanted) {
      added.add(new RuleRecord(ctx.ids().ec2Id("sgr"), w.groupId(), w.groupOwnerId(), w.egress(), w.protocol(),
          w.fromPort(), w.toPort(), w.cidrIpv4(), w.cidrIpv6(), w.prefixListId(), w.referencedGroupId(),
          w.referencedUserId(), w.description()));
    }
    state.securityGroups().put(scope, group.groupId(), group.withRules(list -> {
      list.addAll(added);
      return list;
    }));
    added.forEach(r -> TagSpecs.apply(state.tags(), scope, r.ruleId(), tagSpecs, "security-group-rule"));
    return added.stream().map(r -> renderer.rule(scope, r)).toList();
  }

  private List<RuleRecord> revoke(Scope scope, SecurityGroupRecord group, boolean egress, List<String> ruleIds,
      List<IpPermission> perms) {
    List<RuleRecord> existing = egress ? group.egress() : group.ingress();
    List<RuleRecord> doomed = new ArrayList<>();
    if (ruleIds != null) {
      for (String id : ruleIds) {
        doomed.add(existing.stream().filter(r -> r.ruleId().equals(id)).findFirst()
            .orElseThrow(() -> Ec2Errors.ruleNotFound(id)));
      }
    }
    for (RuleRecord w : perms.isEmpty() ? List.<RuleRecord>of() : parser.parse(scope, group, egress, perms)) {
      doomed.add(existing.stream().filter(w::sameAs).findFirst().orElseThrow(() -> AwsException.badRequest(
          "InvalidPermission.NotFound", "The specified rule does not exist in this security group.")));
    }
    if (doomed.isEmpty()) {
      throw Ec2Errors.required("IpPermissions");
    }
    state.securityGroups().put(scope, group.groupId(), group.withRules(list -> {
      list.removeAll(doomed);
      return list;
    }));
    Ec2Tags tags = state.tags();
    doomed.forEach(r -> tags.drop(scope, r.ruleId()));
    return doomed;
  }
}
