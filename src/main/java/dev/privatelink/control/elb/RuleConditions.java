package dev.privatelink.control.elb;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Rule conditions on host, path, method and headers, accepted in either of AWS's two forms (the
 * legacy {@code Values} or the per-field config) and echoed with both, as AWS does.
 */
public final class RuleConditions {
  private static final List<String> FIELDS = List.of("host-header", "path-pattern", "http-request-method", "http-header");

  private RuleConditions() {}

  static List<RuleCondition> check(List<RuleCondition> conditions) {
    if (conditions == null || conditions.isEmpty()) {
      throw ElbErrors.validation("At least one condition must be specified");
    }
    List<RuleCondition> out = new ArrayList<>();
    for (RuleCondition c : conditions) {
      out.add(normalise(c));
    }
    return out;
  }

  /** The condition's values whatever form it came in, for the data plane. */
  public static List<String> values(RuleCondition c) {
    return switch (c.field()) {
      case "host-header" -> c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : c.values();
      case "path-pattern" -> c.pathPatternConfig() != null ? c.pathPatternConfig().values() : c.values();
      case "http-request-method" -> c.httpRequestMethodConfig() != null ? c.httpRequestMethodConfig().values() : c.values();
      case "http-header" -> c.httpHeaderConfig() != null ? c.httpHeaderConfig().values() : c.values();
      default -> c.values();
    };
  }

  private static RuleCondition normalise(RuleCondition c) {
    if (c.field() == null || !FIELDS.contains(c.field())) {
      throw ElbErrors.validation("Condition field '" + c.field() + "' must be one of '" + String.join(", ", FIELDS) + "'");
    }
    List<String> values = values(c);
    if (values == null || values.isEmpty() || values.size() > 5) {
      throw ElbErrors.validation("A condition must have between 1 and 5 values");
    }
    var b = RuleCondition.builder().field(c.field());
    return switch (c.field()) {
      case "host-header" -> b.values(values).hostHeaderConfig(HostHeaderConditionConfig.builder().values(values).build()).build();
      case "path-pattern" -> b.values(values).pathPatternConfig(PathPatternConditionConfig.builder().values(values).build()).build();
      case "http-request-method" -> b.httpRequestMethodConfig(methods(values)).build();
      default -> b.httpHeaderConfig(header(c, values)).build();
    };
  }

  private static HttpRequestMethodConditionConfig methods(List<String> values) {
    for (String v : values) {
      if (!v.matches("[A-Z_-]+")) {
        throw ElbErrors.validation("HTTP request method '" + v + "' must contain only A-Z, hyphens and underscores");
      }
    }
    return HttpRequestMethodConditionConfig.builder().values(values).build();
  }

  private static HttpHeaderConditionConfig header(RuleCondition c, List<String> values) {
    String name = c.httpHeaderConfig() == null ? null : c.httpHeaderConfig().httpHeaderName();
    if (name == null || name.isEmpty()) {
      throw ElbErrors.validation("An HTTP header name must be specified for an http-header condition");
    }
    return HttpHeaderConditionConfig.builder().httpHeaderName(name).values(values).build();
  }
}
