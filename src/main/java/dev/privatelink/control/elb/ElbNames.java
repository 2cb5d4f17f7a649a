package dev.privatelink.control.elb;

import java.util.regex.Pattern;

/**
 * The naming rules AWS applies to load balancer and target group names: at most 32 characters,
 * alphanumerics and hyphens, no hyphen at either end; load balancer names must not begin with
 * {@code internal-} because AWS uses that prefix in internal DNS names.
 */
final class ElbNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?");

  private ElbNames() {}

  static void checkLoadBalancerName(String name) {
    check(name, "Load balancer");
    if (name.startsWith("internal-")) {
      throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
    }
  }

  static void checkTargetGroupName(String name) {
    check(name, "Target group");
  }

  private static void check(String name, String kind) {
    if (name == null || name.isEmpty()) {
      throw ElbErrors.validation("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
    }
    if (name.length() > 32) {
      throw ElbErrors.validation(kind + " name '" + name + "' cannot be longer than '32' characters");
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      throw ElbErrors.validation(kind + " name '" + name + "' cannot begin or end with '-' character");
    }
    if (!NAME.matcher(name).matches()) {
      throw ElbErrors.validation(kind + " name '" + name + "' can only contain characters that are alphanumeric characters or hyphens(-)");
    }
  }
}
