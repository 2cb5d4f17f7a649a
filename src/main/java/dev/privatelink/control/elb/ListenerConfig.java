package dev.privatelink.control.elb;

import dev.privatelink.model.SslPolicies;
import dev.privatelink.control.Scope;
import dev.privatelink.control.acm.AcmCertificates;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * What a listener is asked to be (by CreateListener, or ModifyListener over the current one),
 * checked as AWS checks it: the protocol fits the load balancer type, the port is free, HTTPS and
 * TLS carry one existing certificate and a known policy, and the default actions are valid.
 */
record ListenerConfig(@Nullable Integer port, @Nullable String protocol, List<Certificate> certificates, @Nullable String sslPolicy,
    List<String> alpnPolicy, List<Action> defaultActions) {
  private static final List<String> ALB_PROTOCOLS = List.of("HTTPS", "HTTP");
  private static final List<String> NLB_PROTOCOLS = List.of("TCP_UDP", "UDP", "TCP", "TLS");
  private static final List<String> ALPN = List.of("HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None");

  /** The checked values; {@code self} is the listener being modified (its own port is not a clash). */
  Checked check(Scope scope, ElbState state, AcmCertificates acm, LoadBalancerRecord lb, @Nullable String self) {
    if (protocol == null) {
      throw ElbErrors.validation("A listener protocol must be specified");
    }
    List<String> allowed = lb.isApplication() ? ALB_PROTOCOLS : NLB_PROTOCOLS;
    if (!allowed.contains(protocol)) {
      throw ElbErrors.validation("Listener protocol '" + protocol + "' must be one of '" + String.join(", ", allowed) + "'");
    }
    if (port == null || port < 1 || port > 65535) {
      throw ElbErrors.validation("Listener port must be between 1 and 65535");
    }
    if (state.listenersOf(scope, lb.arn()).stream().anyMatch(l -> l.port() == port && !l.arn().equals(self))) {
      throw ElbErrors.code("DuplicateListener", "A listener already exists on this port for this load balancer '"
          + lb.arn() + "'");
    }
    boolean secure = ElbProtocols.isSecure(protocol);
    String certificate = secure ? certificate(scope, acm) : null;
    if (!secure && !certificates.isEmpty()) {
      throw ElbErrors.validation("Certificates can only be specified for HTTPS and TLS listeners");
    }
    String policy = secure ? (sslPolicy == null ? SslPolicies.DEFAULT : sslPolicy) : null;
    if (policy != null && SslPolicies.find(policy).isEmpty()) {
      throw ElbErrors.code("SSLPolicyNotFound", "SSL policy '" + policy + "' not found");
    }
    if (!alpnPolicy.isEmpty() && (ProtocolEnum.fromValue(protocol) != ProtocolEnum.TLS || alpnPolicy.size() > 1 || !ALPN.contains(alpnPolicy.getFirst()))) {
      throw ElbErrors.code("ALPNPolicyNotFound", "ALPN policy '" + alpnPolicy + "' is not supported for this listener");
    }
    List<Action> actions = new ActionRules(state).check(scope, lb, protocol, defaultActions);
    return new Checked(port, protocol, certificate, policy, alpnPolicy, actions);
  }

  private String certificate(Scope scope, AcmCertificates acm) {
    if (certificates.isEmpty()) {
      throw ElbErrors.validation("A certificate must be specified for " + protocol + " listeners");
    }
    if (certificates.size() > 1) {
      throw ElbErrors.validation("Only one default certificate can be specified for a listener");
    }
    String arn = certificates.getFirst().certificateArn();
    if (acm.certificate(scope, arn).isEmpty()) {
      throw ElbErrors.code("CertificateNotFound", "Certificate '" + arn + "' not found");
    }
    return arn;
  }

  /** The listener settings after the checks, with the SSL policy defaulted and actions normalised. */
  record Checked(int port, String protocol, @Nullable String certificate, @Nullable String sslPolicy, List<String> alpnPolicy,
      List<Action> defaultActions) {}
}
