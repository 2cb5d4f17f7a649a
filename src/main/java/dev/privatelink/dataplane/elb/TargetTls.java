package dev.privatelink.dataplane.elb;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * TLS from a load balancer node to a target (HTTPS health checks, NLB TLS target groups). AWS does
 * not validate target certificates, so neither does this context.
 */
final class TargetTls {
  /** One client context for every connection to a target. */
  static final SslContext CLIENT = insecureClient();

  private TargetTls() {}

  private static SslContext insecureClient() {
    try {
      return SslContextBuilder.forClient().sslProvider(SslProvider.OPENSSL)
          .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
