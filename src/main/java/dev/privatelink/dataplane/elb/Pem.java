package dev.privatelink.dataplane.elb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/** Reads certificates and private keys as ACM stores them: PEM, keys in PKCS#1 or PKCS#8, RSA or EC. */
final class Pem {
  private Pem() {}

  static PrivateKey privateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        return conv.getKeyPair(pair).getPrivate();
      }
      if (o instanceof PrivateKeyInfo info) {
        return conv.getPrivateKey(info);
      }
      throw new IllegalArgumentException("not a private key: " + (o == null ? "empty PEM" : o.getClass().getSimpleName()));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable private key", e);
    }
  }

  /** The certificate followed by its chain, if any. */
  static List<X509Certificate> chain(String certificatePem, @Nullable String chainPem) {
    List<X509Certificate> out = new ArrayList<>(certificates(certificatePem));
    if (chainPem != null && !chainPem.isBlank()) {
      out.addAll(certificates(chainPem));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no certificate in PEM");
    }
    return out;
  }

  private static List<X509Certificate> certificates(String pem) {
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("unreadable certificate", e);
    }
  }
}
