package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.model.SslPolicies;
import dev.privatelink.model.pki.CertificateAuthority;
import dev.privatelink.model.pki.KeyPairs;
import dev.privatelink.model.pki.PemWriter;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Runs the load balancers' TLS and socket code once at start, on a daemon thread, so that the first
 * HTTPS listener of a stack does not pay, while the stack waits for it, for loading OpenSSL, parsing
 * a first certificate with its policy and running a first accept and handshake: the first load
 * balancer pass of the seed took about a second longer than the next ones, most of it in building
 * the ALB's TLS context. It uses a throwaway certificate of the local CA (which ACM needs anyway)
 * and a listener on 127.0.0.1 in the host's namespace; nothing of it outlives the run, and a failure
 * only means the first listener pays as before.
 */
final class Warmup {
  private static final System.Logger LOG = System.getLogger(Warmup.class.getName());
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private Warmup() {}

  /** Starts the run in the background; returns at once. */
  static void start(Transport transport) {
    Thread.ofPlatform().daemon().name("pl-elb-warmup").priority(Thread.MIN_PRIORITY).start(() -> {
      try {
        handshakeOnce(transport);
      } catch (Exception | LinkageError e) {
        LOG.log(System.Logger.Level.DEBUG, "load balancer warm-up failed: " + e);
      }
    });
  }

  /** One TLS handshake between a listener's server context and the targets' client context; true if it completed. */
  static boolean handshakeOnce(Transport transport) throws Exception {
    TlsContexts.ServerTls tls = TlsContexts.forListener(listener(), List.of());
    Channel server = null;
    Channel client = null;
    try {
      server = new ServerBootstrap().group(transport.group())
          .channel(transport.epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
          .childHandler(initializer(ch -> Objects.requireNonNull(tls.newHandler(ch.alloc()))))
          .bind("127.0.0.1", 0).sync().channel();
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      client = new Bootstrap().group(transport.group())
          .channel(transport.epoll() ? EpollSocketChannel.class : NioSocketChannel.class)
          .handler(initializer(ch -> TargetTls.CLIENT.newHandler(ch.alloc(), "127.0.0.1", port)))
          .connect("127.0.0.1", port).sync().channel();
      var handshake = client.pipeline().get(SslHandler.class).handshakeFuture();
      return handshake.await(LIMIT.toMillis()) && handshake.isSuccess();
    } finally {
      if (client != null) {
        client.close().await(LIMIT.toMillis());
      }
      if (server != null) {
        server.close().await(LIMIT.toMillis());
      }
      tls.release();
    }
  }

  private static ChannelInitializer<Channel> initializer(java.util.function.Function<Channel, ChannelHandler> tls) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        ch.pipeline().addLast(tls.apply(ch));
      }
    };
  }

  /** An HTTPS listener with the default policy and a fresh P-256 leaf of the local CA. */
  private static ListenerSpec listener() {
    SecureRandom random = new SecureRandom();
    KeyPair key = KeyPairs.ec("secp256r1", random);
    Instant now = Instant.now();
    CertificateAuthority ca = CertificateAuthority.local();
    String leaf = PemWriter.certificate(ca.issue(List.of("warmup.invalid"), BigInteger.ONE, now.minusSeconds(60),
        now.plus(Duration.ofDays(1)), key.getPublic(), random));
    ListenerSpec.CertificateSpec cert = new ListenerSpec.CertificateSpec("warmup", leaf, ca.pem(),
        PemWriter.privateKey(key.getPrivate()));
    return new ListenerSpec("warmup", 443, "HTTPS", List.of(cert), SslPolicies.DEFAULT, List.of(), 0,
        new ActionSpec.FixedResponse(200, null, null), List.of());
  }
}
