package dev.privatelink.dataplane.elb;

import org.jspecify.annotations.Nullable;

/** A health-check matcher such as {@code 200}, {@code 200-399} or {@code 200,302}. */
record StatusMatcher(@Nullable String expression) {
  boolean matches(int code) {
    String expr = expression == null || expression.isBlank() ? "200-399" : expression;
    for (String part : expr.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      if (dash > 0) {
        int lo = Integer.parseInt(p.substring(0, dash).trim());
        int hi = Integer.parseInt(p.substring(dash + 1).trim());
        if (code >= lo && code <= hi) {
          return true;
        }
      } else if (!p.isEmpty() && Integer.parseInt(p) == code) {
        return true;
      }
    }
    return false;
  }
}
