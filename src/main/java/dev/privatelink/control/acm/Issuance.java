package dev.privatelink.control.acm;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.acm.model.CertificateTransparencyLoggingPreference;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * What RequestCertificate decided for a certificate ACM issues: its names, how they were
 * validated, its key and validity, and the seed its key and serial are derived from (so the
 * journal's replay issues the same certificate).
 *
 * @param domains the domain name first, then the other subject alternative names
 * @param validations one per domain, as DescribeCertificate shows them
 * @param certificateAuthorityArn the private CA of a {@code PRIVATE} certificate, or null
 * @param exportable Options.Export was ENABLED (or the certificate is private)
 * @param transparencyLogging whether the certificate goes to certificate transparency logs
 */
record Issuance(CertificateType type, List<String> domains, @Nullable ValidationMethod validationMethod,
    List<DomainValidation> validations, KeyAlgorithm keyAlgorithm, boolean exportable,
    CertificateTransparencyLoggingPreference transparencyLogging, @Nullable String certificateAuthorityArn,
    @Nullable String idempotencyToken, String serial, Instant notBefore, Instant notAfter, String seed) {
  Issuance {
    domains = List.copyOf(domains);
    validations = List.copyOf(validations);
  }

  /** The issuance after UpdateCertificateOptions. */
  Issuance withOptions(boolean export, CertificateTransparencyLoggingPreference logging) {
    return new Issuance(type, domains, validationMethod, validations, keyAlgorithm, export, logging, certificateAuthorityArn,
        idempotencyToken, serial, notBefore, notAfter, seed);
  }

  /** ACM's name for the key in responses, e.g. {@code RSA-2048} (the request says {@code RSA_2048}). */
  String keyAlgorithmName() {
    return keyAlgorithm.toString().replace('_', '-');
  }
}
