package dev.privatelink.dataplane.spec;

import dev.privatelink.model.ConditionField;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listener: port, protocol, and for HTTPS/TLS the certificates (the first is the default, the
 * rest are chosen by SNI) and the SSL policy name.
 *
 * @param protocol {@code TCP}, {@code TLS}, {@code UDP}, {@code HTTP} or {@code HTTPS}
 * @param tcpIdleTimeoutSeconds NLB {@code tcp.idle_timeout.seconds} (350 by default)
 */
public record ListenerSpec(
    String arn,
    int port,
    String protocol,
    List<CertificateSpec> certificates,
    @Nullable String sslPolicy,
    List<String> alpnPolicy,
    int tcpIdleTimeoutSeconds,
    ActionSpec defaultAction,
    List<RuleSpec> rules) {
  public ListenerSpec {
    certificates = List.copyOf(certificates);
    alpnPolicy = List.copyOf(alpnPolicy);
    rules = List.copyOf(rules);
  }

  /** A certificate and its key in PEM, as imported into ACM. */
  public record CertificateSpec(String arn, String certificatePem, @Nullable String chainPem, String privateKeyPem) {}

  /** A listener rule: conditions on host, path, method or headers, and what to do on a match. */
  public record RuleSpec(int priority, List<Condition> conditions, ActionSpec action) {
    public RuleSpec {
      conditions = List.copyOf(conditions);
    }
  }

  /** One rule condition: field {@code host-header}, {@code path-pattern}, {@code http-request-method} or {@code http-header}. */
  public record Condition(ConditionField field, @Nullable String headerName, List<String> values) {
    public Condition {
      values = List.copyOf(values);
    }
  }
}
