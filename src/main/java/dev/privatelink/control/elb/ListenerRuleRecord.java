package dev.privatelink.control.elb;

import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** A non-default listener rule: priority 1–50000, conditions and actions as AWS echoes them. */
public record ListenerRuleRecord(String arn, String listenerArn, int priority, List<RuleCondition> conditions, List<Action> actions) {
  public ListenerRuleRecord {
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
  }

  ListenerRuleRecord withPriority(int newPriority) {
    return new ListenerRuleRecord(arn, listenerArn, newPriority, conditions, actions);
  }
}
