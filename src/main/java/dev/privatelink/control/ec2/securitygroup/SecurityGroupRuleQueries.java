package dev.privatelink.control.ec2.securitygroup;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;

/**
 * Rules by id, as Terraform's {@code aws_vpc_security_group_*_rule} resources use them:
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html">DescribeSecurityGroupRules</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySecurityGroupRules.html">ModifySecurityGroupRules</a>.
 */
public final class SecurityGroupRuleQueries implements ActionHandler {
  private final Ec2State state;
  private final PermissionParser parser;
  private final PermissionRenderer renderer;

  public SecurityGroupRuleQueries(Ec2State state) {
    this.state = state;
    this.parser = new PermissionParser(state);
    this.renderer = new PermissionRenderer(state);
  }

  @ReadOnly
  public DescribeSecurityGroupRulesResponse describeSecurityGroupRules(RequestContext ctx,
      DescribeSecurityGroupRulesRequest request) {
    Scope scope = ctx.scope();
    Filters<RuleRecord> filters = Filters.<RuleRecord>of(r -> state.tagMap(scope, r.ruleId()))
        .one("group-id", RuleRecord::groupId)
        .one("security-group-rule-id", RuleRecord::ruleId)
        .build();
    List<RuleRecord> rules = state.securityGroups().all(scope).stream().flatMap(g -> g.rules().stream()).toList();
    Page<SecurityGroupRule> page = Describe.of(RuleRecord::ruleId, Ec2Errors::ruleNotFound, filters)
        .page(rules, request.securityGroupRuleIds(), request.filters(), request.maxResults(), request.nextToken())
        .map(r -> renderer.rule(scope, r));
    return DescribeSecurityGroupRulesResponse.builder().securityGroupRules(page.items()).nextToken(page.nextToken()).build();
  }

  public ModifySecurityGroupRulesResponse modifySecurityGroupRules(RequestContext ctx, ModifySecurityGroupRulesRequest request) {
    Scope scope = ctx.scope();
    SecurityGroupRecord group = state.securityGroup(scope, request.groupId());
    if (!request.hasSecurityGroupRules() || request.securityGroupRules().isEmpty()) {
      throw Ec2Errors.required("SecurityGroupRules");
    }
    List<RuleRecord> rules = new ArrayList<>(group.rules());
    for (SecurityGroupRuleUpdate update : request.securityGroupRules()) {
      int index = indexOf(rules, update.securityGroupRuleId());
      SecurityGroupRuleRequest r = update.securityGroupRule();
      if (r == null) {
        throw Ec2Errors.required("SecurityGroupRule");
      }
      RuleRecord changed = parser.parseOne(scope, group, rules.get(index), r.ipProtocol(), r.fromPort(), r.toPort(),
          r.cidrIpv4(), r.cidrIpv6(), r.prefixListId(), r.referencedGroupId(), r.description());
      for (int i = 0; i < rules.size(); i++) {
        if (i != index && rules.get(i).sameAs(changed)) {
          throw AwsException.badRequest("InvalidPermission.Duplicate",
              "the specified rule " + PermissionRenderer.quote(changed) + " already exists");
        }
      }
      rules.set(index, changed);
    }
    state.securityGroups().put(scope, group.groupId(), group.withRules(list -> rules));
    return ModifySecurityGroupRulesResponse.builder().returnValue(true).build();
  }

  private static int indexOf(List<RuleRecord> rules, String ruleId) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).ruleId().equals(ruleId)) {
        return i;
      }
    }
    throw Ec2Errors.ruleNotFound(ruleId);
  }
}
