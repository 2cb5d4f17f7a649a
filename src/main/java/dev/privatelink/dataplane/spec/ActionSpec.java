package dev.privatelink.dataplane.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a listener does with a request or a flow. */
public sealed interface ActionSpec {
  /** Forward to one or more target groups, weighted. */
  record Forward(List<WeightedTargetGroup> targetGroups) implements ActionSpec {
    public Forward {
      targetGroups = List.copyOf(targetGroups);
    }
  }

  /** Answer without a target. */
  record FixedResponse(int statusCode, @Nullable String contentType, @Nullable String body) implements ActionSpec {}

  /** Redirect; each part may use AWS's placeholders #{protocol}, #{host}, #{port}, #{path}, #{query}. */
  record Redirect(@Nullable String protocol, @Nullable String host, @Nullable String port, @Nullable String path,
      @Nullable String query, int statusCode)
      implements ActionSpec {}

  /** A target group's share of a forward action. */
  record WeightedTargetGroup(String targetGroupArn, int weight) {}
}
