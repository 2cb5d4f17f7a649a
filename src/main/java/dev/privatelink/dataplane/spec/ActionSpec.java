package dev.privatelink.dataplane.spec;

import java.util.List;

/** What a listener does with a request or a flow. */
public sealed interface ActionSpec {
  /** Forward to one or more target groups, weighted. */
  record Forward(List<WeightedTargetGroup> targetGroups) implements ActionSpec {
    public Forward {
      targetGroups = List.copyOf(targetGroups);
    }
  }

  /** Answer without a target. */
  record FixedResponse(int statusCode, String contentType, String body) implements ActionSpec {}

  /** Redirect; each part may use AWS's placeholders #{protocol}, #{host}, #{port}, #{path}, #{query}. */
  record Redirect(String protocol, String host, String port, String path, String query, int statusCode)
      implements ActionSpec {}

  /** A target group's share of a forward action. */
  record WeightedTargetGroup(String targetGroupArn, int weight) {}
}
