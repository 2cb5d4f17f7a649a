package dev.privatelink.control.elb;

import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/**
 * Checks the actions of a listener or rule and puts them in the form AWS echoes: a forward to one
 * group carries both {@code TargetGroupArn} and a {@code ForwardConfig} of weight 1. Forwarded
 * groups must exist, speak a protocol the listener can forward to, sit in the load balancer's VPC
 * and belong to no other load balancer.
 */
final class ActionRules {
  private static final Map<String, Set<String>> FORWARDABLE = Map.of(
      "HTTP", Set.of("HTTP", "HTTPS"), "HTTPS", Set.of("HTTP", "HTTPS"),
      "TCP", Set.of("TCP", "TCP_UDP"), "TLS", Set.of("TCP", "TLS"),
      "UDP", Set.of("UDP", "TCP_UDP"), "TCP_UDP", Set.of("TCP_UDP"));
  private static final Set<String> CONTENT_TYPES = Set.of("text/plain", "text/css", "text/html",
      "application/javascript", "application/json");
  private final ElbState state;

  ActionRules(ElbState state) {
    this.state = state;
  }

  List<Action> check(Scope scope, LoadBalancerRecord lb, String listenerProtocol, List<Action> actions) {
    if (actions == null || actions.isEmpty()) {
      throw ElbErrors.validation("At least one action must be specified");
    }
    if (actions.size() > 1) {
      throw ElbErrors.code("TooManyActions", "Only one action is supported per listener or rule");
    }
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      String type = a.typeAsString();
      if (type == null) {
        throw ElbErrors.validation("An action type must be specified");
      }
      if (a.type() != ActionTypeEnum.FORWARD && !lb.isApplication()) {
        throw ElbErrors.code("InvalidLoadBalancerAction", "Action type '" + type
            + "' is not supported by network load balancers");
      }
      out.add(switch (a.type()) {
        case FORWARD -> forward(scope, lb, listenerProtocol, a);
        case FIXED_RESPONSE -> fixedResponse(a);
        case REDIRECT -> redirect(a);
        case AUTHENTICATE_OIDC, AUTHENTICATE_COGNITO, JWT_VALIDATION, UNKNOWN_TO_SDK_VERSION -> throw ElbErrors.code("InvalidLoadBalancerAction", "Action type '" + type
            + "' is not supported by privatelink-local");
      });
    }
    return out;
  }

  private Action forward(Scope scope, LoadBalancerRecord lb, String listenerProtocol, Action a) {
    List<TargetGroupTuple> tuples = new ArrayList<>();
    if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
      for (TargetGroupTuple t : a.forwardConfig().targetGroups()) {
        int weight = t.weight() == null ? 1 : t.weight();
        if (weight < 0 || weight > 999) {
          throw ElbErrors.validation("Target group weight must be between 0 and 999");
        }
        tuples.add(TargetGroupTuple.builder().targetGroupArn(t.targetGroupArn()).weight(weight).build());
      }
      if (a.targetGroupArn() != null && (tuples.size() != 1 || !tuples.getFirst().targetGroupArn().equals(a.targetGroupArn()))) {
        throw ElbErrors.validation("You cannot specify both a target group ARN and a forward config with different target groups");
      }
    } else if (a.targetGroupArn() != null) {
      tuples.add(TargetGroupTuple.builder().targetGroupArn(a.targetGroupArn()).weight(1).build());
    } else {
      throw ElbErrors.validation("A target group ARN must be specified for a forward action");
    }
    if (tuples.size() > 5 || (!lb.isApplication() && tuples.size() > 1)) {
      throw ElbErrors.validation("Too many target groups in a forward action");
    }
    tuples.forEach(t -> checkGroup(scope, lb, listenerProtocol, t.targetGroupArn()));
    var b = Action.builder().type(ActionTypeEnum.FORWARD).forwardConfig(ForwardActionConfig.builder().targetGroups(tuples)
        .targetGroupStickinessConfig(TargetGroupStickinessConfig.builder().enabled(false).build()).build());
    if (tuples.size() == 1) {
      b.targetGroupArn(tuples.getFirst().targetGroupArn());
    }
    return b.build();
  }

  private void checkGroup(Scope scope, LoadBalancerRecord lb, String listenerProtocol, String arn) {
    TargetGroupRecord group = state.targetGroup(scope, arn);
    if (!FORWARDABLE.getOrDefault(listenerProtocol, Set.of()).contains(group.protocol())) {
      throw ElbErrors.code("IncompatibleProtocols", "Listener protocol '" + listenerProtocol
          + "' is not compatible with target group protocol '" + group.protocol() + "'");
    }
    if (group.targetType() == TargetTypeEnum.ALB && !ElbProtocols.isTcp(listenerProtocol)) {
      throw ElbErrors.code("IncompatibleProtocols", "Target groups of type 'alb' need a TCP listener");
    }
    if (!group.vpcId().equals(lb.vpcId())) {
      throw ElbErrors.invalidConfiguration("The target group '" + arn + "' is in VPC '" + group.vpcId()
          + "', not in the load balancer's VPC '" + lb.vpcId() + "'");
    }
    List<String> users = state.loadBalancersOf(scope, arn);
    if (users.stream().anyMatch(u -> !u.equals(lb.arn()))) {
      throw ElbErrors.code("TargetGroupAssociationLimit",
          "The following target groups cannot be associated with more than one load balancer: " + arn);
    }
  }

  private static Action fixedResponse(Action a) {
    FixedResponseActionConfig c = a.fixedResponseConfig();
    if (c == null || c.statusCode() == null || !c.statusCode().matches("[245]\\d\\d")) {
      throw ElbErrors.validation("A fixed-response action needs a status code 2XX, 4XX or 5XX");
    }
    if (c.contentType() != null && !CONTENT_TYPES.contains(c.contentType())) {
      throw ElbErrors.validation("Content type '" + c.contentType() + "' is not supported");
    }
    if (c.messageBody() != null && c.messageBody().length() > 1024) {
      throw ElbErrors.validation("The message body of a fixed-response action is limited to 1024 characters");
    }
    return Action.builder().type(ActionTypeEnum.FIXED_RESPONSE).fixedResponseConfig(c).build();
  }

  private static Action redirect(Action a) {
    RedirectActionConfig c = a.redirectConfig();
    if (c == null || c.statusCode() == null
        || c.statusCode() == RedirectActionStatusCodeEnum.UNKNOWN_TO_SDK_VERSION) {
      throw ElbErrors.validation("A redirect action needs status code HTTP_301 or HTTP_302");
    }
    if (c.protocol() != null && !List.of("HTTP", "HTTPS", "#{protocol}").contains(c.protocol())) {
      throw ElbErrors.validation("Redirect protocol must be HTTP, HTTPS or #{protocol}");
    }
    var full = RedirectActionConfig.builder().statusCode(c.statusCodeAsString())
        .protocol(orDefault(c.protocol(), "#{protocol}")).host(orDefault(c.host(), "#{host}"))
        .port(orDefault(c.port(), "#{port}")).path(orDefault(c.path(), "/#{path}"))
        .query(orDefault(c.query(), "#{query}")).build();
    return Action.builder().type(ActionTypeEnum.REDIRECT).redirectConfig(full).build();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
