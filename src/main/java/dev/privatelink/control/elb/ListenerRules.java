package dev.privatelink.control.elb;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Rules of application load balancer listeners. Every listener also has a default rule
 * (priority {@code default}) whose actions are the listener's default actions; it cannot be
 * deleted or reprioritised.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html">CreateRule</a>,
 *     DescribeRules, ModifyRule, DeleteRule, SetRulePriorities
 */
public record ListenerRules(ElbState state, ElbTagging tagging) implements ActionHandler {
  private static final int MAX_RULES = 100;

  public CreateRuleResponse createRule(RequestContext ctx, CreateRuleRequest r) {
    Scope scope = ctx.scope();
    ListenerRecord listener = state.listener(scope, r.listenerArn());
    LoadBalancerRecord lb = state.loadBalancer(scope, listener.loadBalancerArn());
    if (!lb.isApplication()) {
      throw ElbErrors.validation("Rules can only be created on listeners of Application Load Balancers");
    }
    int priority = checkPriority(r.priority());
    if (state.rulesOf(scope, listener.arn()).stream().anyMatch(x -> x.priority() == priority)) {
      throw ElbErrors.code("PriorityInUse", "Priority '" + priority + "' is currently in use");
    }
    if (state.rulesOf(scope, listener.arn()).size() >= MAX_RULES) {
      throw ElbErrors.code("TooManyRules", "You've reached the limit on the number of rules per load balancer");
    }
    List<RuleCondition> conditions = RuleConditions.check(r.conditions());
    List<Action> actions = new ActionRules(state).check(scope, lb, listener.protocol(), r.actions());
    ElbTagging.validate(Map.of(), r.tags());
    String arn = listener.arn().replace(":listener/", ":listener-rule/") + "/" + ctx.ids().hex(16);
    var rule = new ListenerRuleRecord(arn, listener.arn(), priority, conditions, actions);
    state.rules.put(scope, arn, rule);
    tagging.put(scope, arn, r.tags());
    return CreateRuleResponse.builder().rules(render(rule)).build();
  }

  @ReadOnly
  public DescribeRulesResponse describeRules(RequestContext ctx, DescribeRulesRequest r) {
    Scope scope = ctx.scope();
    List<Rule> found = new ArrayList<>();
    if (r.listenerArn() != null && !r.ruleArns().isEmpty()) {
      throw ElbErrors.validation("A listener ARN and rule ARNs cannot be specified at the same time");
    } else if (r.listenerArn() != null) {
      ListenerRecord listener = state.listener(scope, r.listenerArn());
      state.rulesOf(scope, listener.arn()).forEach(x -> found.add(render(x)));
      found.add(defaultRule(listener));
    } else if (!r.ruleArns().isEmpty()) {
      r.ruleArns().forEach(arn -> found.add(find(scope, arn)));
    } else {
      throw ElbErrors.validation("You must specify either a listener ARN or rule ARNs");
    }
    var page = ElbPaging.page(found, Rule::ruleArn, r.pageSize(), r.marker());
    return DescribeRulesResponse.builder().rules(page.items()).nextMarker(page.nextToken()).build();
  }

  public ModifyRuleResponse modifyRule(RequestContext ctx, ModifyRuleRequest r) {
    Scope scope = ctx.scope();
    ListenerRuleRecord rule = state.rule(scope, r.ruleArn());
    ListenerRecord listener = state.listener(scope, rule.listenerArn());
    LoadBalancerRecord lb = state.loadBalancer(scope, listener.loadBalancerArn());
    List<RuleCondition> conditions = r.conditions().isEmpty() ? rule.conditions() : RuleConditions.check(r.conditions());
    List<Action> actions = r.actions().isEmpty() ? rule.actions()
        : new ActionRules(state).check(scope, lb, listener.protocol(), r.actions());
    var updated = new ListenerRuleRecord(rule.arn(), rule.listenerArn(), rule.priority(), conditions, actions);
    state.rules.put(scope, rule.arn(), updated);
    return ModifyRuleResponse.builder().rules(render(updated)).build();
  }

  public DeleteRuleResponse deleteRule(RequestContext ctx, DeleteRuleRequest r) {
    Scope scope = ctx.scope();
    if (state.listenerOfDefaultRule(scope, r.ruleArn()).isPresent()) {
      throw ElbErrors.operationNotPermitted("Default rule '" + r.ruleArn() + "' cannot be deleted");
    }
    ListenerRuleRecord rule = state.rule(scope, r.ruleArn());
    state.rules.remove(scope, rule.arn());
    state.tags.remove(scope, rule.arn());
    return DeleteRuleResponse.builder().build();
  }

  public SetRulePrioritiesResponse setRulePriorities(RequestContext ctx, SetRulePrioritiesRequest r) {
    Scope scope = ctx.scope();
    List<ListenerRuleRecord> changed = new ArrayList<>();
    Set<String> listenersTouched = new HashSet<>();
    for (RulePriorityPair p : r.rulePriorities()) {
      if (state.listenerOfDefaultRule(scope, p.ruleArn()).isPresent()) {
        throw ElbErrors.operationNotPermitted("The priority of the default rule cannot be changed");
      }
      ListenerRuleRecord rule = state.rule(scope, p.ruleArn());
      changed.add(rule.withPriority(checkPriority(p.priority())));
      listenersTouched.add(rule.listenerArn());
    }
    for (String listenerArn : listenersTouched) {
      Set<Integer> seen = new HashSet<>();
      for (ListenerRuleRecord rule : state.rulesOf(scope, listenerArn)) {
        int priority = changed.stream().filter(c -> c.arn().equals(rule.arn())).findFirst().orElse(rule).priority();
        if (!seen.add(priority)) {
          throw ElbErrors.code("PriorityInUse", "Priority '" + priority + "' is currently in use");
        }
      }
    }
    changed.forEach(rule -> state.rules.put(scope, rule.arn(), rule));
    return SetRulePrioritiesResponse.builder().rules(changed.stream().map(ListenerRules::render).toList()).build();
  }

  private Rule find(Scope scope, String arn) {
    var rule = state.rules.find(scope, arn);
    if (rule.isPresent()) {
      return render(rule.get());
    }
    return state.listenerOfDefaultRule(scope, arn).map(ListenerRules::defaultRule)
        .orElseThrow(() -> ElbErrors.ruleNotFound(arn));
  }

  private static int checkPriority(Integer priority) {
    if (priority == null || priority < 1 || priority > 50000) {
      throw ElbErrors.validation("Priority must be between 1 and 50000");
    }
    return priority;
  }

  static Rule render(ListenerRuleRecord rule) {
    return Rule.builder().ruleArn(rule.arn()).priority(String.valueOf(rule.priority())).conditions(rule.conditions())
        .actions(rule.actions()).isDefault(false).build();
  }

  static Rule defaultRule(ListenerRecord listener) {
    return Rule.builder().ruleArn(listener.defaultRuleArn()).priority("default").conditions(List.of())
        .actions(listener.defaultActions()).isDefault(true).build();
  }
}
