package dev.privatelink.stacks;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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

/**
 * The seed's certificate, made as Terraform's tls provider makes it: an RSA key and a self-signed
 * certificate for {@code commonName}, organisation "ACME Demos", valid 72 hours, for key
 * encipherment, digital signature and server auth. PEM texts, the key in PKCS#1 as tls_private_key gives it.
 */
public record SelfSignedCertificate(String certificatePem, String privateKeyPem) {
  public static SelfSignedCertificate create(String commonName, String organisation, Duration validity) {
    return create(newKeyPair(), commonName, organisation, validity);
  }

  /** A fresh 2048-bit RSA key pair: the slow part, which a caller may make before it knows the name. */
  public static KeyPair newKeyPair() {
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
