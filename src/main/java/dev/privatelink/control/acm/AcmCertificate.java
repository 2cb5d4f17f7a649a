package dev.privatelink.control.acm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.acm.model.CertificateType;

/**
 * A certificate held by ACM: imported (its material as given) or issued by ACM here (its material
 * made from its {@link Issuance} the first time it is needed, since making a key is slow). Plain
 * data, so that a snapshot holds it whole.
 *
 * @param imported the material as imported, or null for an issued certificate
 * @param issuance what RequestCertificate decided, or null for an imported certificate
 * @param importedAt when it was last imported, or null for an issued one
 */
public record AcmCertificate(String arn, @Nullable CertificateMaterial imported, Instant createdAt,
    @Nullable Instant importedAt, @Nullable Issuance issuance) {

  static AcmCertificate imported(String arn, CertificateMaterial material, Instant createdAt, Instant importedAt) {
    return new AcmCertificate(arn, material, createdAt, importedAt, null);
  }

  static AcmCertificate issued(String arn, Issuance issuance, Instant createdAt) {
    return new AcmCertificate(arn, null, createdAt, null, issuance);
  }

  /** The certificate with new options; its material stays as made. */
  AcmCertificate withIssuance(Issuance changed) {
    return new AcmCertificate(arn, imported, createdAt, importedAt, changed);
  }

  /** The PEM texts and X.509 details; the data plane terminates TLS with them. */
  public CertificateMaterial material() {
    if (imported != null) {
      return imported;
    }
    return CertificateIssuer.material(java.util.Objects.requireNonNull(issuance, "an issued certificate has its issuance"));
  }

  public CertificateType type() {
    return issuance == null ? CertificateType.IMPORTED : issuance.type();
  }

  /** The key algorithm as ACM writes it in responses, without making an issued certificate's key. */
  String keyAlgorithm() {
    return issuance == null ? material().keyAlgorithm() : issuance.keyAlgorithmName();
  }

  Instant notAfter() {
    return issuance == null ? material().notAfter() : issuance.notAfter();
  }

  /** ACM's status at {@code now}: ISSUED, or EXPIRED once past NotAfter. */
  public String status(Instant now) {
    return now.isAfter(notAfter()) ? "EXPIRED" : "ISSUED";
  }
}
