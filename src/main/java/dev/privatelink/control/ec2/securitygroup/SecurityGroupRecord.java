package dev.privatelink.control.ec2.securitygroup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A security group and its rules, each rule kept with its {@code sgr-} id. */
public record SecurityGroupRecord(String groupId, String groupName, String description, String vpcId, String ownerId,
    List<RuleRecord> rules) {
  public SecurityGroupRecord {
    rules = List.copyOf(rules);
  }

  public boolean isDefault() {
    return "default".equals(groupName);
  }

  public List<RuleRecord> ingress() {
    return rules.stream().filter(r -> !r.egress()).toList();
  }

  public List<RuleRecord> egress() {
    return rules.stream().filter(RuleRecord::egress).toList();
  }

  public SecurityGroupRecord withRules(UnaryOperator<List<RuleRecord>> change) {
    return new SecurityGroupRecord(groupId, groupName, description, vpcId, ownerId, change.apply(new ArrayList<>(rules)));
  }
}
