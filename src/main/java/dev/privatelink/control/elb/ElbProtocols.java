package dev.privatelink.control.elb;

import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * ELB protocols by family: HTTP and HTTPS are an application load balancer's, the rest a network
 * load balancer's; HTTPS and TLS terminate TLS with a certificate.
 *
 * @see <a href="https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html">CreateListener</a>
 */
final class ElbProtocols {
  private static final Set<ProtocolEnum> APPLICATION = EnumSet.of(ProtocolEnum.HTTP, ProtocolEnum.HTTPS);
  private static final Set<ProtocolEnum> SECURE = EnumSet.of(ProtocolEnum.HTTPS, ProtocolEnum.TLS);
  private static final Set<ProtocolEnum> DATAGRAM = EnumSet.of(ProtocolEnum.UDP, ProtocolEnum.TCP_UDP);

  private ElbProtocols() {}

  /** True for HTTP and HTTPS; a null or unknown protocol is neither. */
  static boolean isApplication(String protocol) {
    return protocol != null && APPLICATION.contains(ProtocolEnum.fromValue(protocol));
  }

  /** True for HTTPS and TLS. */
  static boolean isSecure(String protocol) {
    return protocol != null && SECURE.contains(ProtocolEnum.fromValue(protocol));
  }

  /** True for TCP. */
  static boolean isTcp(String protocol) {
    return protocol != null && ProtocolEnum.fromValue(protocol) == ProtocolEnum.TCP;
  }

  /** True for UDP and TCP_UDP, the protocols that carry datagrams. */
  static boolean carriesUdp(String protocol) {
    return protocol != null && DATAGRAM.contains(ProtocolEnum.fromValue(protocol));
  }
}
