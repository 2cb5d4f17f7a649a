package dev.privatelink.bench;

import dev.privatelink.model.pki.CertificateAuthority;
import dev.privatelink.model.pki.KeyPairs;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The half of {@code bench/tls-context.sh} that runs: builds a listener's OpenSSL server context
 * for one 2048-bit RSA leaf of the local CA (what ACM issues the seed) over and over, with the
 * in-memory key store Netty uses by default (PKCS12) and with the JKS store the load balancers use,
 * interleaved, and prints each side's median after a warm-up and their ratio. With {@code first
 * STORE} it builds one context only, in this fresh JVM, and prints its milliseconds: the cost a
 * listener's first context pays, which the script measures for both stores in alternate JVMs.
 * Usage: {@code TlsContextBenchmark [rounds]} or {@code TlsContextBenchmark first PKCS12|JKS}.
 */
public final class TlsContextBenchmark {
  private static final int WARMUP = 5;

  private TlsContextBenchmark() {}

  public static void main(String[] args) throws Exception {
    SecureRandom random = new SecureRandom();
    KeyPair key = KeyPairs.rsa(2048, random);
    X509Certificate leaf = CertificateAuthority.local().issue(List.of("bench.invalid"), BigInteger.ONE, Instant.now(),
        Instant.now().plus(Duration.ofDays(1)), key.getPublic(), random);
    if (args.length == 2 && args[0].equals("first")) {
      io.netty.handler.ssl.OpenSsl.ensureAvailability();
      System.out.printf("%.1f%n", millis(key, leaf, args[1].equals("JKS") ? "JKS" : null));
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Double> pkcs12 = new ArrayList<>();
    List<Double> jks = new ArrayList<>();
    for (int i = 0; i < WARMUP + rounds; i++) {
      double a = millis(key, leaf, null);
      double b = millis(key, leaf, "JKS");
      if (i >= WARMUP) {
        pkcs12.add(a);
        jks.add(b);
      }
    }
    double p = median(pkcs12);
    double j = median(jks);
    System.out.printf("| key store | median ms per context (%d rounds) |%n| --- | ---: |%n", rounds);
    System.out.printf("| PKCS12 (Netty's default) | %.1f |%n| JKS | %.1f |%n| PKCS12 / JKS | %.2fx |%n", p, j, p / j);
  }

  private static double millis(KeyPair key, X509Certificate leaf, @Nullable String storeType) throws Exception {
    long start = System.nanoTime();
    SslContextBuilder b = SslContextBuilder.forServer(key.getPrivate(), leaf).sslProvider(SslProvider.OPENSSL_REFCNT);
    if (storeType != null) {
      b.keyStoreType(storeType);
    }
    SslContext ctx = b.build();
    double ms = (System.nanoTime() - start) / 1e6;
    ReferenceCountUtil.release(ctx);
    return ms;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
