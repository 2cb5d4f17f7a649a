package dev.privatelink.control.elb;

import dev.privatelink.model.ConditionField;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Rule conditions on host, path, method and headers, accepted in either of AWS's two forms (the
 * legacy {@code Values} or the per-field config) and echoed with both, as AWS does.
 */
public final class RuleConditions {
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
    return switch (field(c)) {
      case HOST_HEADER -> c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : c.values();
      case PATH_PATTERN -> c.pathPatternConfig() != null ? c.pathPatternConfig().values() : c.values();
      case HTTP_REQUEST_METHOD -> c.httpRequestMethodConfig() != null ? c.httpRequestMethodConfig().values() : c.values();
      case HTTP_HEADER -> c.httpHeaderConfig() != null ? c.httpHeaderConfig().values() : c.values();
    };
  }

  /** The condition's field; a stored condition was checked on the way in, so an unknown one is a bug. */
  public static ConditionField field(RuleCondition c) {
    return ConditionField.of(c.field()).orElseThrow(() -> ElbErrors.validation(
        "Condition field '" + c.field() + "' must be one of '" + String.join(", ", ConditionField.awsNames()) + "'"));
  }

  private static RuleCondition normalise(RuleCondition c) {
    ConditionField field = field(c);
    List<String> values = values(c);
    if (values == null || values.isEmpty() || values.size() > 5) {
      throw ElbErrors.validation("A condition must have between 1 and 5 values");
    }
    var b = RuleCondition.builder().field(c.field());
    return switch (field) {
      case HOST_HEADER -> b.values(values).hostHeaderConfig(HostHeaderConditionConfig.builder().values(values).build()).build();
      case PATH_PATTERN -> b.values(values).pathPatternConfig(PathPatternConditionConfig.builder().values(values).build()).build();
      case HTTP_REQUEST_METHOD -> b.httpRequestMethodConfig(methods(values)).build();
      case HTTP_HEADER -> b.httpHeaderConfig(header(c, values)).build();
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
