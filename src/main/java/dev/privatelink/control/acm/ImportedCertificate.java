package dev.privatelink.control.acm;

import java.time.Instant;

/** A certificate held by ACM: its ARN, its material, when it was first and last imported. */
public record ImportedCertificate(String arn, CertificateMaterial material, Instant createdAt, Instant importedAt) {
  /** ACM's status at {@code now}: ISSUED, or EXPIRED once past NotAfter. */
  public String status(Instant now) {
    return now.isAfter(material.notAfter()) ? "EXPIRED" : "ISSUED";
  }
}
