package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.Condition;
import dev.privatelink.dataplane.spec.ListenerSpec.RuleSpec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Listener rules evaluated as an ALB does: by ascending priority, the first rule whose conditions
 * all match wins (a condition matches when any of its values does), else the default action.
 * Host and header values compare case-insensitively, paths case-sensitively; {@code *} matches any
 * run of characters and {@code ?} exactly one.
 */
final class Rules {
  private final List<RuleSpec> sorted;
  private final ActionSpec defaultAction;

  Rules(ListenerSpec listener) {
    this.sorted = listener.rules().stream().sorted(Comparator.comparingInt(RuleSpec::priority)).toList();
    this.defaultAction = listener.defaultAction();
  }

  /** Runs once per request: plain loops, no stream or lambda per rule and condition. */
  ActionSpec select(HttpRequest req) {
    for (RuleSpec r : sorted) {
      if (allMatch(r.conditions(), req)) {
        return r.action();
      }
    }
    return defaultAction;
  }

  private static boolean allMatch(List<Condition> conditions, HttpRequest req) {
    for (Condition c : conditions) {
      if (!matches(c, req)) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(Condition c, HttpRequest req) {
    return switch (c.field()) {
      case HOST_HEADER -> any(c, stripPort(req.headers().get(HttpHeaderNames.HOST)), true);
      case PATH_PATTERN -> any(c, path(req.uri()), false);
      case HTTP_REQUEST_METHOD -> c.values().contains(req.method().name());
      case HTTP_HEADER -> anyHeader(c, req.headers().getAll(c.headerName()));
    };
  }

  private static boolean anyHeader(Condition c, List<String> headerValues) {
    for (String h : headerValues) {
      if (any(c, h, true)) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(Condition c, @Nullable String value, boolean ignoreCase) {
    if (value == null) {
      return false;
    }
    String v = ignoreCase ? value.toLowerCase() : value;
    for (String pattern : c.values()) {
      if (wildcard(ignoreCase ? pattern.toLowerCase() : pattern, v)) {
        return true;
      }
    }
    return false;
  }

  /** Glob match with {@code *} and {@code ?}, iterative with backtracking to the last star. */
  static boolean wildcard(String pattern, String s) {
    int p = 0;
    int i = 0;
    int star = -1;
    int mark = 0;
    while (i < s.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == s.charAt(i))) {
        p++;
        i++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = i;
      } else if (star >= 0) {
        p = star + 1;
        i = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  static String path(String uri) {
    int q = uri.indexOf('?');
    String p = q >= 0 ? uri.substring(0, q) : uri;
    if (p.startsWith("http://") || p.startsWith("https://")) {
      int slash = p.indexOf('/', p.indexOf("//") + 2);
      p = slash < 0 ? "/" : p.substring(slash);
    }
    return p.isEmpty() ? "/" : p;
  }

  static String query(String uri) {
    int q = uri.indexOf('?');
    return q >= 0 ? uri.substring(q + 1) : "";
  }

  static @Nullable String stripPort(@Nullable String host) {
    if (host == null) {
      return null;
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
  }
}
