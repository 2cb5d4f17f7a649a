package dev.privatelink.dataplane.spec;

import java.util.List;

/** A security group's rules. Rules are allow-only; return traffic of an allowed flow is allowed. */
public record SecurityGroupSpec(String groupId, List<SgRule> ingress, List<SgRule> egress) {
  public SecurityGroupSpec {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
  }
}
