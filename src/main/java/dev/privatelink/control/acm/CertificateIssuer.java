package dev.privatelink.control.acm;

import dev.privatelink.model.pki.CertificateAuthority;
import dev.privatelink.model.pki.KeyPairs;
import dev.privatelink.model.pki.PemWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Makes the certificate and key of a certificate ACM issues here, once, when first needed: a leaf
 * for the requested names with the requested key, signed by a local stand-in for Amazon's
 * issuing CA (one per process, always the same key), which is the certificate's chain. All
 * randomness comes from the issuance's seed, so the same request always yields the same key; the
 * material made is kept as long as its issuance is (every copy of the state shares the issuance).
 */
final class CertificateIssuer {
  private static final Map<Issuance, CertificateMaterial> MADE = Collections.synchronizedMap(new WeakHashMap<>());

  private CertificateIssuer() {}

  static CertificateMaterial material(Issuance issuance) {
    CertificateMaterial made = MADE.get(issuance);
    if (made == null) {
      made = issue(issuance);
      MADE.put(issuance, made);
    }
    return made;
  }

  /** The key is drawn before the signature, from one random: the order is part of the replayed result. */
  private static CertificateMaterial issue(Issuance issuance) {
    SecureRandom random = KeyPairs.seeded(issuance.seed());
    KeyPair key = keyPair(issuance, random);
    CertificateAuthority ca = CertificateAuthority.local();
    X509Certificate leaf = ca.issue(issuance.domains(), new BigInteger(issuance.serial().replace(":", ""), 16),
        issuance.notBefore(), issuance.notAfter(), key.getPublic(), random);
    return CertificateDetails.of(leaf, PemWriter.certificate(leaf), ca.pem(), PemWriter.privateKey(key.getPrivate()),
        CertificateParser.keyAlgorithm(key.getPublic()));
  }

  private static KeyPair keyPair(Issuance issuance, SecureRandom random) {
    String name = issuance.keyAlgorithm().toString();
    if (name.startsWith("EC_")) {
      // The JDK names prime256v1 secp256r1.
      return KeyPairs.ec(name.equals("EC_prime256v1") ? "secp256r1" : name.substring(3), random);
    }
    return KeyPairs.rsa(Integer.parseInt(name.substring(4)), random);
  }
}
