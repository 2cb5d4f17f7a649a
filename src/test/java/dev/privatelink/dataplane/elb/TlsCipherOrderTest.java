package dev.privatelink.dataplane.elb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.privatelink.dataplane.spec.ListenerSpec;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ALB and the NLB's TLS listeners choose the cipher suite by their security policy's order
 * (server preference), as AWS's load balancers do, whatever order the client offers.
 */
class TlsCipherOrderTest {
  @ParameterizedTest
  @CsvSource({
      "ELBSecurityPolicy-2016-08, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "ELBSecurityPolicy-TLS-1-2-2017-01, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "ELBSecurityPolicy-FS-1-2-Res-2020-10, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
  void thePolicysFirstSuiteWinsOverTheClientsOrder(String policy, String expected) throws Exception {
    ListenerSpec listener = TestSupport.httpsListener(443,
        List.of(TestSupport.certificate("alb.local", List.of("alb.local"), false)), policy, TestSupport.forward("tg"));
    TlsContexts.ServerTls tls = TlsContexts.forListener(listener, List.of());
    try {
      SslHandler server = (SslHandler) tls.newHandler(ByteBufAllocator.DEFAULT);
      SSLContext jdk = SSLContext.getInstance("TLS");
      jdk.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
      SSLEngine client = jdk.createSSLEngine("alb.local", 443);
      client.setUseClientMode(true);
      client.setEnabledProtocols(new String[] {"TLSv1.2"});
      // what OpenSSL clients (wrk, curl) offer first: AES-256 before AES-128
      client.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
      handshake(client, server.engine());
      assertEquals(expected, client.getSession().getCipherSuite());
      assertEquals(expected, server.engine().getSession().getCipherSuite());
    } finally {
      tls.release();
    }
  }

  /** Runs both engines' handshakes against each other in memory. */
  static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    ByteBuffer c2s = ByteBuffer.allocate(1 << 17);
    ByteBuffer s2c = ByteBuffer.allocate(1 << 17);
    ByteBuffer app = ByteBuffer.allocate(1 << 17);
    ByteBuffer empty = ByteBuffer.allocate(0);
    client.beginHandshake();
    server.beginHandshake();
    for (int i = 0; i < 200 && !(done(client) && done(server)); i++) {
      step(client, empty, c2s, s2c, app);
      step(server, empty, s2c, c2s, app);
    }
    if (!done(client) || !done(server)) {
      throw new SSLException("handshake did not finish: " + client.getHandshakeStatus() + "/" + server.getHandshakeStatus());
    }
  }

  private static boolean done(SSLEngine e) {
    HandshakeStatus s = e.getHandshakeStatus();
    return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
  }

  private static void step(SSLEngine e, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
    Runnable task;
    while ((task = e.getDelegatedTask()) != null) {
      task.run();
    }
    e.wrap(empty, out);
    in.flip();
    if (in.hasRemaining()) {
      e.unwrap(in, app);
    }
    in.compact();
    app.clear();
    while ((task = e.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
