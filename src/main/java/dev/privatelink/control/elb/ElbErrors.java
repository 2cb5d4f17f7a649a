package dev.privatelink.control.elb;

import dev.privatelink.control.AwsException;

/**
 * The ELBv2 error catalogue: AWS's codes with the HTTP status the elbv2 2015-12-01 model gives
 * (400 for all of these), and messages of the kind AWS writes.
 */
final class ElbErrors {
  private ElbErrors() {}

  static AwsException validation(String message) {
    return AwsException.badRequest("ValidationError", message);
  }

  static AwsException invalidConfiguration(String message) {
    return AwsException.badRequest("InvalidConfigurationRequest", message);
  }

  static AwsException loadBalancerNotFound(String what) {
    return AwsException.badRequest("LoadBalancerNotFound", "One or more load balancers not found" + detail(what));
  }

  static AwsException targetGroupNotFound(String what) {
    return AwsException.badRequest("TargetGroupNotFound", "One or more target groups not found" + detail(what));
  }

  static AwsException listenerNotFound(String what) {
    return AwsException.badRequest("ListenerNotFound", "One or more listeners not found" + detail(what));
  }

  static AwsException ruleNotFound(String what) {
    return AwsException.badRequest("RuleNotFound", "One or more rules not found" + detail(what));
  }

  static AwsException invalidTarget(String message) {
    return AwsException.badRequest("InvalidTarget", message);
  }

  static AwsException resourceInUse(String message) {
    return AwsException.badRequest("ResourceInUse", message);
  }

  static AwsException operationNotPermitted(String message) {
    return AwsException.badRequest("OperationNotPermitted", message);
  }

  static AwsException code(String code, String message) {
    return AwsException.badRequest(code, message);
  }

  private static String detail(String what) {
    return what == null || what.isEmpty() ? "" : ": '" + what + "'";
  }
}
