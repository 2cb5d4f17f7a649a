package dev.privatelink.control.elb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The attribute keys one kind of resource accepts, their defaults as AWS lists them, and the
 * values each may take. Modify calls check a whole batch against these before changing anything.
 */
final class AttributeRules {
  private static final Pattern INT = Pattern.compile("-?\\d{1,9}");
  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, Predicate<String>> checks = new LinkedHashMap<>();
  private final String kind;

  AttributeRules(String kind) {
    this.kind = kind;
  }

  AttributeRules bool(String key, boolean value) {
    return add(key, String.valueOf(value), v -> v.equals("true") || v.equals("false"));
  }

  AttributeRules range(String key, int value, int min, int max) {
    return add(key, String.valueOf(value), v -> INT.matcher(v).matches() && Integer.parseInt(v) >= min
        && Integer.parseInt(v) <= max);
  }

  AttributeRules oneOf(String key, String value, String... allowed) {
    List<String> options = List.of(allowed);
    return add(key, value, options::contains);
  }

  AttributeRules text(String key, String value) {
    return add(key, value, v -> true);
  }

  private AttributeRules add(String key, String value, Predicate<String> check) {
    defaults.put(key, value);
    checks.put(key, check);
    return this;
  }

  Map<String, String> defaults() {
    return new LinkedHashMap<>(defaults);
  }

  /** Throws ValidationError for an unknown key and InvalidConfigurationRequest for a bad value. */
  void check(String key, String value) {
    Predicate<String> check = checks.get(key);
    if (check == null) {
      throw ElbErrors.validation(kind + " attribute key '" + key + "' is not recognized");
    }
    if (value == null || !check.test(value)) {
      throw ElbErrors.invalidConfiguration(kind + " attribute '" + key + "' cannot have value '" + value + "'");
    }
  }

  /**
   * The changes a Modify*Attributes call asks for, each checked first (see {@link #check}), so a
   * bad one throws before anything changes; a key given twice keeps its last value.
   */
  <A> Map<String, String> changes(List<A> attributes, Function<A, String> key, Function<A, String> value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (A a : attributes) {
      check(key.apply(a), value.apply(a));
      out.put(key.apply(a), value.apply(a));
    }
    return out;
  }

  /** The stored attributes in AWS's order, each made into its SDK shape by {@code attribute}. */
  <A> List<A> render(Map<String, String> stored, BiFunction<String, String, A> attribute) {
    return ordered(stored).entrySet().stream().map(e -> attribute.apply(e.getKey(), e.getValue())).toList();
  }

  /** The stored attributes in the order AWS lists the keys. */
  Map<String, String> ordered(Map<String, String> stored) {
    Map<String, String> out = new LinkedHashMap<>();
    defaults.keySet().forEach(k -> out.put(k, stored.getOrDefault(k, defaults.get(k))));
    return out;
  }

  static AttributeRules applicationLoadBalancer() {
    return new AttributeRules("Load balancer")
        .bool("access_logs.s3.enabled", false).text("access_logs.s3.bucket", "").text("access_logs.s3.prefix", "")
        .bool("connection_logs.s3.enabled", false).text("connection_logs.s3.bucket", "")
        .text("connection_logs.s3.prefix", "")
        .bool("deletion_protection.enabled", false)
        .range("idle_timeout.timeout_seconds", 60, 1, 4000)
        .range("client_keep_alive.seconds", 3600, 60, 604800)
        .oneOf("routing.http.desync_mitigation_mode", "defensive", "monitor", "defensive", "strictest")
        .bool("routing.http.drop_invalid_header_fields.enabled", false)
        .bool("routing.http.preserve_host_header.enabled", false)
        .bool("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", false)
        .bool("routing.http.xff_client_port.enabled", false)
        .oneOf("routing.http.xff_header_processing.mode", "append", "append", "preserve", "remove")
        .bool("routing.http2.enabled", true)
        .bool("waf.fail_open.enabled", false)
        .bool("load_balancing.cross_zone.enabled", true)
        .bool("zonal_shift.config.enabled", false);
  }

  static AttributeRules networkLoadBalancer() {
    return new AttributeRules("Load balancer")
        .bool("access_logs.s3.enabled", false).text("access_logs.s3.bucket", "").text("access_logs.s3.prefix", "")
        .bool("deletion_protection.enabled", false)
        .bool("load_balancing.cross_zone.enabled", false)
        .oneOf("dns_record.client_routing_policy", "any_availability_zone", "any_availability_zone",
            "availability_zone_affinity", "partial_availability_zone_affinity")
        .bool("zonal_shift.config.enabled", false);
  }

  static AttributeRules networkListener() {
    return new AttributeRules("Listener").range("tcp.idle_timeout.seconds", 350, 60, 6000);
  }

  static AttributeRules applicationListener() {
    return new AttributeRules("Listener");
  }
}
