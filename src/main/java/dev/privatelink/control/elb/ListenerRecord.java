package dev.privatelink.control.elb;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;

/**
 * A listener as stored. Its default rule (what DescribeRules shows with priority {@code default})
 * is the listener's default actions under {@code defaultRuleArn}.
 *
 * @param defaultCertificate the ACM ARN of the default certificate, null for HTTP/TCP/UDP
 * @param extraCertificates the SNI certificates added by AddListenerCertificates, in order
 */
public record ListenerRecord(String arn, String loadBalancerArn, int port, String protocol,
    @Nullable String defaultCertificate, List<String> extraCertificates, @Nullable String sslPolicy,
    List<String> alpnPolicy, List<Action> defaultActions,
    Map<String, String> attributes, String defaultRuleArn) {
  public ListenerRecord {
    extraCertificates = List.copyOf(extraCertificates);
    alpnPolicy = List.copyOf(alpnPolicy);
    defaultActions = List.copyOf(defaultActions);
    attributes = Map.copyOf(attributes);
  }

  boolean isSecure() {
    return ElbProtocols.isSecure(protocol);
  }

  ListenerRecord withExtraCertificates(List<String> extras) {
    return new ListenerRecord(arn, loadBalancerArn, port, protocol, defaultCertificate, extras, sslPolicy, alpnPolicy,
        defaultActions, attributes, defaultRuleArn);
  }

  ListenerRecord withAttributes(Map<String, String> newAttributes) {
    return new ListenerRecord(arn, loadBalancerArn, port, protocol, defaultCertificate, extraCertificates, sslPolicy,
        alpnPolicy, defaultActions, newAttributes, defaultRuleArn);
  }
}
