package dev.privatelink.dataplane.elb;

import dev.privatelink.model.SslPolicies;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.SimpleTrustManagerFactory;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.IllegalReferenceCountException;
import io.netty.util.Mapping;
import io.netty.util.ReferenceCountUtil;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Server TLS for an ALB HTTPS or NLB TLS listener: one OpenSSL (BoringSSL) context per certificate,
 * restricted to the listener's security policy and offering the given ALPN protocols (the ALB h2 and
 * http/1.1, an NLB what its ALPN policy says); SNI picks the certificate whose names match, and the
 * first certificate answers everything else.
 *
 * <p>Contexts are reference counted ({@link SslProvider#OPENSSL_REFCNT}): an engine per connection
 * without a finalizer (the plain OPENSSL provider registers one per engine, that is per
 * connection), released by its SslHandler when the connection ends; the contexts themselves are
 * released by {@link ServerTls#release()} once a listener stops using them.
 */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * The contexts of one listener. {@code only} is set when the listener has a single certificate:
   * it answers every name, so the connection needs no SNI lookup and can get its SslHandler at once.
   */
  record ServerTls(Mapping<String, SslContext> sni, @Nullable SslContext only, List<SslContext> all) {
    /**
     * The handler that starts one connection's TLS: with one certificate an SslHandler at once (no SNI
     * lookup, no handler replaced once the hello is in), else an SniHandler.
     *
     * @return null when the contexts were released as the connection arrived (its certificate replaced)
     */
    @Nullable ChannelHandler newHandler(ByteBufAllocator alloc) {
      if (only == null) {
        return new SniHandler(sni);
      }
      try {
        return only.newHandler(alloc);
      } catch (IllegalReferenceCountException e) {
        return null;
      }
    }

    /** Drops the listener's references; connections still open keep theirs through their engines. */
    void release() {
      all.forEach(ReferenceCountUtil::safeRelease);
    }
  }

  /**
   * The contexts of a secure listener.
   *
   * @param alpn the protocols offered by ALPN, in the server's order of preference; empty for no ALPN
   */
  static ServerTls forListener(ListenerSpec listener, List<String> alpn) {
    List<CertificateSpec> certs = listener.certificates();
    if (certs.isEmpty()) {
      throw new IllegalArgumentException(listener.protocol() + " listener " + listener.arn() + " has no certificate");
    }
    SslPolicies.Policy policy = PolicyCiphers.of(listener.sslPolicy());
    List<SslContext> all = new ArrayList<>();
    try {
      SslContext first = build(certs.get(0), policy, alpn);
      all.add(first);
      DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(first);
      for (int i = certs.size() - 1; i >= 0; i--) {
        SslContext ctx = i == 0 ? first : build(certs.get(i), policy, alpn);
        if (i != 0) {
          all.add(ctx);
        }
        for (String name : names(Pem.chain(certs.get(i).certificatePem(), null).get(0))) {
          mapping.add(name, ctx);
        }
      }
      return new ServerTls(mapping.build(), certs.size() == 1 ? first : null, List.copyOf(all));
    } catch (RuntimeException e) {
      all.forEach(ReferenceCountUtil::safeRelease);
      throw e;
    }
  }

  private static SslContext build(CertificateSpec cert, SslPolicies.Policy policy, List<String> alpn) {
    List<X509Certificate> chain = Pem.chain(cert.certificatePem(), cert.chainPem());
    try {
      SslContextBuilder b = SslContextBuilder.forServer(Pem.privateKey(cert.privateKeyPem()),
              chain.toArray(X509Certificate[]::new))
          .sslProvider(SslProvider.OPENSSL_REFCNT)
          // Netty hands the key to OpenSSL through an in-memory key store; the default type, PKCS12,
          // protects the entry with 10,000 PBKDF2 rounds on the way in and again on the way out,
          // which made a context cost about 200 ms rather than 50 (a listener's first context is on
          // the path of its load balancer turning ready). The store never leaves memory.
          .keyStoreType("JKS")
          // No client certificate is asked for, as on an ALB without mutual TLS. Without a trust
          // manager of its own, Netty loads the JDK's whole trust store and hands its ~150 CAs to
          // OpenSSL as the acceptable client issuers: ~120 of a context's ~145 ms, on the path of a
          // new HTTPS listener turning ready, for a list no handshake uses.
          .trustManager(NoClientCertificates.FACTORY)
          .protocols(policy.protocols())
          .ciphers(PolicyCiphers.javaCipherNames(policy), SupportedCipherSuiteFilter.INSTANCE);
      if (!alpn.isEmpty()) {
        b.applicationProtocolConfig(new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, alpn));
      }
      return b.build();
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot use certificate " + cert.arn() + ": " + e.getMessage(), e);
    }
  }

  /** Trusts no client certificate and names no acceptable issuer: the listeners never ask for one. */
  static final class NoClientCertificates extends SimpleTrustManagerFactory {
    static final NoClientCertificates FACTORY = new NoClientCertificates();
    private static final TrustManager[] MANAGERS = {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this listener takes no client certificate");
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server context checks no server");
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }};

    private NoClientCertificates() {}

    @Override
    protected void engineInit(java.security.KeyStore keyStore) {}

    @Override
    protected void engineInit(javax.net.ssl.ManagerFactoryParameters parameters) {}

    @Override
    protected TrustManager[] engineGetTrustManagers() {
      return MANAGERS.clone();
    }
  }

  /** The DNS names a certificate answers for: its subject alternative names, else its common name. */
  static List<String> names(X509Certificate cert) {
    try {
      var sans = cert.getSubjectAlternativeNames();
      if (sans != null) {
        List<String> dns = sans.stream().filter(s -> ((Integer) s.get(0)) == 2).map(s -> (String) s.get(1)).toList();
        if (!dns.isEmpty()) {
          return dns;
        }
      }
      for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return List.of(rdn.getValue().toString());
        }
      }
    } catch (CertificateParsingException | javax.naming.InvalidNameException e) {
      // a certificate without usable names is still the default one
    }
    return List.of();
  }
}
