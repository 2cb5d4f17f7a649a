package dev.privatelink.stacks;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The seed's certificate, made as Terraform's tls provider makes it: an RSA key and a self-signed
 * certificate for {@code commonName}, organisation "ACME Demos", valid 72 hours, for key
 * encipherment, digital signature and server auth. PEM texts, the key in PKCS#1 as tls_private_key gives it.
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {
  public static SelfSignedCertificate create(String commonName, String organisation, Duration validity) {
    return create(newKeyPair(), commonName, organisation, validity);
  }

  /** The key {@link #prepareKey} started, until {@link #newKeyPair} takes it. */
  private static @Nullable CompletableFuture<KeyPair> prepared;

  /**
   * Starts making the next certificate's key on a thread of its own, for a process that knows a
   * certificate comes soon ({@code up} starting a cloud for the seed): the key is then ready when
   * the load balancer's name is, instead of after it. Does nothing while a prepared key is untaken.
   */
  public static synchronized void prepareKey() {
    if (prepared == null) {
      prepared = CompletableFuture.supplyAsync(SelfSignedCertificate::makeKeyPair,
          task -> Thread.ofPlatform().daemon().name("pl-seed-key").start(task));
    }
  }

  /**
   * A fresh 2048-bit RSA key pair (the prepared one, if any): the slow part, which a caller may make
   * before it knows the name. OpenSSL makes it when it can: a JVM that has just started runs the
   * JDK's prime search in its interpreter, which took 0.3 to 2.6 s of a CPU that the rest of
   * {@code up} needs (OpenSSL: about 0.3 s).
   */
  public static KeyPair newKeyPair() {
    CompletableFuture<KeyPair> ready;
    synchronized (SelfSignedCertificate.class) {
      ready = prepared;
      prepared = null;
    }
    return ready != null ? ready.join() : makeKeyPair();
  }

  private static KeyPair makeKeyPair() {
    return OpenSslKeys.rsa2048().orElseGet(SelfSignedCertificate::jdkKeyPair);
  }

  private static KeyPair jdkKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("no RSA key pair generator", e);
    }
  }

  /** The certificate for {@code keys}. */
  public static SelfSignedCertificate create(KeyPair keys, String commonName, String organisation, Duration validity) {
    try {
      var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
          .addRDN(BCStyle.O, organisation).build();
      Instant now = Instant.now();
      var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, new SecureRandom()),
          Date.from(now), Date.from(now.plus(validity)), subject, keys.getPublic());
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509CertificateHolder cert = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
      return new SelfSignedCertificate(pem(cert), pem(keys.getPrivate()));
    } catch (Exception e) {
      throw new IllegalStateException("could not make the self-signed certificate", e);
    }
  }

  private static String pem(Object value) throws java.io.IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(new JcaMiscPEMGenerator(value));
    }
    return text.toString();
  }
}
