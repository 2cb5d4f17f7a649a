package dev.privatelink.control.elb;

import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

/** A non-default listener rule: priority 1–50000, conditions and actions as AWS echoes them. */
record RuleRecord(String arn, String listenerArn, int priority, List<RuleCondition> conditions, List<Action> actions) {
  RuleRecord {
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
  }

  RuleRecord withPriority(int newPriority) {
    return new RuleRecord(arn, listenerArn, newPriority, conditions, actions);
  }
}
