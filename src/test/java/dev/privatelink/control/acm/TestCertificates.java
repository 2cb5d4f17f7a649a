package dev.privatelink.control.acm;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import software.amazon.awssdk.core.SdkBytes;

/** Self-signed certificates and keys in PEM for tests. */
public final class TestCertificates {
  /** A certificate's PEM and its private key's PEM (PKCS#8, or PKCS#1 when asked). */
  public record Pem(String certificate, String privateKey) {
    public SdkBytes certificateBytes() {
      return SdkBytes.fromUtf8String(certificate);
    }

    public SdkBytes keyBytes() {
      return SdkBytes.fromUtf8String(privateKey);
    }
  }

  public static Pem rsa(String cn, Instant notBefore, Instant notAfter, boolean pkcs1) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return make(g.generateKeyPair(), "SHA256withRSA", cn, notBefore, notAfter, pkcs1);
  }

  public static Pem ec(String cn, Instant notBefore, Instant notAfter) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return make(g.generateKeyPair(), "SHA256withECDSA", cn, notBefore, notAfter, false);
  }

  private static Pem make(KeyPair keys, String sigAlg, String cn, Instant notBefore, Instant notAfter, boolean pkcs1)
      throws Exception {
    X500Name name = new X500Name("CN=" + cn + ",O=Test");
    var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(4242), Date.from(notBefore),
        Date.from(notAfter), name, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, cn),
            new GeneralName(GeneralName.dNSName, "www." + cn)}));
    var holder = builder.build(new JcaContentSignerBuilder(sigAlg).build(keys.getPrivate()));
    return new Pem(pem(holder), pkcs1 ? pem(keys.getPrivate()) : pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null).generate()));
  }

  private static String pem(Object o) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    }
    return out.toString();
  }
}
