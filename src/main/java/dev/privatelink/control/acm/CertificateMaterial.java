package dev.privatelink.control.acm;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What ACM knows of an imported certificate: the PEM texts as given (the data plane terminates TLS
 * with them) and the details DescribeCertificate reports, read from the X.509 certificate.
 *
 * @param keyAlgorithm as AWS writes it in responses, e.g. {@code RSA-2048} or {@code EC-prime256v1}
 * @param signatureAlgorithm e.g. {@code SHA256WITHRSA}
 */
public record CertificateMaterial(
    String certificatePem,
    @Nullable String chainPem,
    String privateKeyPem,
    @Nullable String domainName,
    List<String> subjectAlternativeNames,
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    String keyAlgorithm,
    String signatureAlgorithm,
    List<String> keyUsages,
    List<ExtendedUsage> extendedKeyUsages) {
  public CertificateMaterial {
    subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    keyUsages = List.copyOf(keyUsages);
    extendedKeyUsages = List.copyOf(extendedKeyUsages);
  }

  /** An extended key usage: ACM's name for it and its OID. */
  public record ExtendedUsage(String name, String oid) {}
}
