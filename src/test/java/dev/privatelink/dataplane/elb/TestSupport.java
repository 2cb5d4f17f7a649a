package dev.privatelink.dataplane.elb;

import dev.privatelink.dataplane.spec.ActionSpec;
import dev.privatelink.dataplane.spec.ListenerSpec;
import dev.privatelink.dataplane.spec.ListenerSpec.CertificateSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec.Node;
import dev.privatelink.dataplane.spec.StatusSink;
import dev.privatelink.dataplane.spec.TargetGroupSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.HealthCheckSpec;
import dev.privatelink.dataplane.spec.TargetGroupSpec.TargetSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/** Spec builders, certificates, ports and waiting for tests of the load balancers. */
public final class TestSupport {
  private TestSupport() {}

  public static final String AZ_A = "us-east-1a";
  public static final String AZ_B = "us-east-1b";

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HealthCheckSpec tcpCheck() {
    return new HealthCheckSpec(true, "TCP", -1, null, 30, 10, 5, 2, "200-399");
  }

  public static HealthCheckSpec httpCheck(String protocol, String path, String matcher) {
    return new HealthCheckSpec(true, protocol, -1, path, 30, 5, 5, 2, matcher);
  }

  public static TargetSpec target(String id, String ip, int port, String az) {
    return new TargetSpec(id, ip, port, az, false);
  }

  public static TargetGroupSpec group(String arn, String protocol, String type, HealthCheckSpec hc, boolean pp,
      List<TargetSpec> targets) {
    return new TargetGroupSpec(arn, protocol, 0, type, hc, pp, 300, targets);
  }

  public static ActionSpec.Forward forward(String tgArn) {
    return new ActionSpec.Forward(List.of(new ActionSpec.WeightedTargetGroup(tgArn, 1)));
  }

  public static ListenerSpec tcpListener(int port, String tgArn, int idleSeconds) {
    return new ListenerSpec("arn:listener/net/" + port, port, "TCP", List.of(), null, List.of(), idleSeconds,
        forward(tgArn), List.of());
  }

  public static ListenerSpec httpListener(int port, ActionSpec action, List<ListenerSpec.RuleSpec> rules) {
    return new ListenerSpec("arn:listener/app/" + port, port, "HTTP", List.of(), null, List.of(), 0, action, rules);
  }

  public static ListenerSpec httpsListener(int port, List<CertificateSpec> certs, String policy, ActionSpec action) {
    return new ListenerSpec("arn:listener/app/s" + port, port, "HTTPS", certs, policy, List.of(), 0, action, List.of());
  }

  public static LoadBalancerSpec nlb(String arn, boolean crossZone, List<Node> nodes, List<ListenerSpec> listeners,
      List<TargetGroupSpec> groups) {
    return new LoadBalancerSpec(arn, "nlb", "network", "nlb.local", crossZone, 0, nodes, listeners, groups);
  }

  public static LoadBalancerSpec alb(String arn, int idle, List<Node> nodes, List<ListenerSpec> listeners,
      List<TargetGroupSpec> groups) {
    return new LoadBalancerSpec(arn, "alb", "application", "alb.local", true, idle, nodes, listeners, groups);
  }

  public static Node node(String az, String ip) {
    return new Node(az, "subnet-" + az, "eni-" + ip, ip);
  }

  /** Waits up to {@code timeout} for {@code condition}; fails the test otherwise. */
  public static void await(Duration timeout, String what, BooleanSupplier condition) {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** A self-signed certificate with the given CN and DNS names, its key PEM in PKCS#1 or PKCS#8. */
  public static CertificateSpec certificate(String cn, List<String> dnsNames, boolean pkcs1) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair kp = gen.generateKeyPair();
      X500Name subject = new X500Name("CN=" + cn + ", O=ACME Demos");
      var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(System.nanoTime()),
          java.util.Date.from(Instant.now().minusSeconds(60)), java.util.Date.from(Instant.now().plusSeconds(86400)),
          subject, kp.getPublic());
      if (!dnsNames.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
            dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
      }
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
      String keyPem = pkcs1 ? pem(new JcaMiscPEMGenerator(kp.getPrivate())) : pkcs8(kp);
      return new CertificateSpec("arn:aws:acm:us-east-1:1:certificate/" + cn, pem(cert), null, keyPem);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pkcs8(KeyPair kp) {
    String b64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(kp.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
  }

  private static String pem(Object o) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      if (o instanceof JcaMiscPEMGenerator g) {
        w.writeObject(g);
      } else {
        w.writeObject(o);
      }
    }
    return sw.toString();
  }

  /** A sink that remembers the last health report per target group, target id and port. */
  public static final class RecordingSink implements StatusSink {
    public final Map<String, String> health = new ConcurrentHashMap<>();
    public final Map<String, String> failed = new ConcurrentHashMap<>();
    public final List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Readiness ({@code ready <id>}) and health reports ({@code <tg>|<id>|<port>=<state>}), in the order they came. */
    public final List<String> timeline = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override public void ready(String id) {
      timeline.add("ready " + id);
    }

    @Override public void failed(String id, String reason) {
      failed.put(id, reason);
    }

    @Override public void targetHealth(String tg, String id, int port, String state, @Nullable String reason,
        @Nullable String desc) {
      health.put(tg + "|" + id + "|" + port, state + "|" + reason + "|" + desc);
      events.add(tg + "|" + id + "|" + port + "=" + state + "|" + reason + "|" + desc);
      timeline.add(tg + "|" + id + "|" + port + "=" + state);
    }

    @Override public void consoleOutput(String instanceId, String text) {}

    public String of(String tg, String id, int port) {
      return health.getOrDefault(tg + "|" + id + "|" + port, "");
    }
  }
}
