package dev.privatelink.control.acm;

import dev.privatelink.model.pki.X500Names;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The DescribeCertificate details of an X.509 certificate, in ACM's names. */
final class CertificateDetails {
  private static final String[] KEY_USAGES = {"DIGITAL_SIGNATURE", "NON_REPUDIATION", "KEY_ENCIPHERMENT",
      "DATA_ENCIPHERMENT", "KEY_AGREEMENT", "CERTIFICATE_SIGNING", "CRL_SIGNING", "ENCIPHER_ONLY", "DECIPHER_ONLY"};
  private static final Map<String, String> EXTENDED_USAGES = Map.of(
      "1.3.6.1.5.5.7.3.1", "TLS_WEB_SERVER_AUTHENTICATION", "1.3.6.1.5.5.7.3.2", "TLS_WEB_CLIENT_AUTHENTICATION",
      "1.3.6.1.5.5.7.3.3", "CODE_SIGNING", "1.3.6.1.5.5.7.3.4", "EMAIL_PROTECTION",
      "1.3.6.1.5.5.7.3.8", "TIME_STAMPING", "1.3.6.1.5.5.7.3.9", "OCSP_SIGNING");

  private CertificateDetails() {}

  static CertificateMaterial of(X509Certificate cert, String certificatePem, @Nullable String chainPem, String keyPem,
      String keyAlgorithm) {
    List<String> sans = dnsNames(cert);
    String cn = X500Names.first(cert.getSubjectX500Principal(), X500Names.Attribute.CN);
    String domain = cn != null ? cn : sans.isEmpty() ? null : sans.getFirst();
    if (domain != null && !sans.contains(domain)) {
      sans.addFirst(domain);
    }
    return new CertificateMaterial(certificatePem, chainPem, keyPem, domain, sans,
        X500Names.text(cert.getSubjectX500Principal()), X500Names.text(cert.getIssuerX500Principal()), CertificateParser.serial(cert.getSerialNumber()), cert.getNotBefore().toInstant(),
        cert.getNotAfter().toInstant(), keyAlgorithm, cert.getSigAlgName().toUpperCase(), keyUsages(cert),
        extendedUsages(cert));
  }

  private static List<String> dnsNames(X509Certificate cert) {
    List<String> out = new ArrayList<>();
    try {
      var names = cert.getSubjectAlternativeNames();
      if (names != null) {
        for (List<?> entry : names) {
          if (Integer.valueOf(2).equals(entry.get(0))) {
            out.add((String) entry.get(1));
          }
        }
      }
    } catch (CertificateParsingException e) {
      throw CertificateParser.invalid("The certificate's subject alternative names cannot be read");
    }
    return out;
  }

  private static List<String> keyUsages(X509Certificate cert) {
    boolean[] bits = cert.getKeyUsage();
    List<String> out = new ArrayList<>();
    for (int i = 0; bits != null && i < bits.length && i < KEY_USAGES.length; i++) {
      if (bits[i]) {
        out.add(KEY_USAGES[i]);
      }
    }
    return out;
  }

  private static List<CertificateMaterial.ExtendedUsage> extendedUsages(X509Certificate cert) {
    List<CertificateMaterial.ExtendedUsage> out = new ArrayList<>();
    try {
      List<String> oids = cert.getExtendedKeyUsage();
      if (oids != null) {
        oids.forEach(oid -> out.add(new CertificateMaterial.ExtendedUsage(EXTENDED_USAGES.getOrDefault(oid, "CUSTOM"), oid)));
      }
    } catch (CertificateParsingException e) {
      throw CertificateParser.invalid("The certificate's extended key usages cannot be read");
    }
    return out;
  }
}
