package dev.privatelink.control.acm;

import dev.privatelink.model.pki.CertificateAuthority;
import dev.privatelink.model.pki.KeyPairs;
import dev.privatelink.model.pki.PemWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes the certificate and key of a certificate ACM issues here, once, when first needed: a leaf
 * for the requested names with the requested key, signed by a local stand-in for Amazon's
 * issuing CA (one per process, always the same key), which is the certificate's chain. All
 * randomness comes from the issuance's seed, so the same request always yields the same key.
 */
final class CertificateIssuer implements Supplier<CertificateMaterial> {
  private final Issuance issuance;
  private @Nullable CertificateMaterial made;

  CertificateIssuer(Issuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public synchronized CertificateMaterial get() {
    if (made == null) {
      made = issue();
    }
    return made;
  }

  /** The key is drawn before the signature, from one random: the order is part of the replayed result. */
  private CertificateMaterial issue() {
    SecureRandom random = KeyPairs.seeded(issuance.seed());
    KeyPair key = keyPair(random);
    CertificateAuthority ca = CertificateAuthority.local();
    X509Certificate leaf = ca.issue(issuance.domains(), new BigInteger(issuance.serial().replace(":", ""), 16),
        issuance.notBefore(), issuance.notAfter(), key.getPublic(), random);
    return CertificateDetails.of(leaf, PemWriter.certificate(leaf), ca.pem(), PemWriter.privateKey(key.getPrivate()),
        CertificateParser.keyAlgorithm(key.getPublic()));
  }

  private KeyPair keyPair(SecureRandom random) {
    String name = issuance.keyAlgorithm().toString();
    if (name.startsWith("EC_")) {
      // The JDK names prime256v1 secp256r1.
      return KeyPairs.ec(name.equals("EC_prime256v1") ? "secp256r1" : name.substring(3), random);
    }
    return KeyPairs.rsa(Integer.parseInt(name.substring(4)), random);
  }
}
