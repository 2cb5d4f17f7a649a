package dev.privatelink.model.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEM written by PemWriter reads back through PemReader; what is not a certificate or a clear key is refused by kind. */
class PemTest {
  private static final KeyPair KEY = KeyPairs.ec("secp256r1", KeyPairs.seeded("pem"));

  @Test
  void anIssuedLeafAndItsKeyReadBack() {
    X509Certificate leaf = CertificateAuthority.local().issue(List.of("a.example.com", "b.example.com"), BigInteger.TEN,
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), KEY.getPublic(), KeyPairs.seeded("leaf"));
    List<X509Certificate> read = PemReader.certificates(PemWriter.certificate(leaf) + CertificateAuthority.local().pem());
    assertEquals(2, read.size());
    assertEquals(leaf, read.getFirst());
    assertEquals("a.example.com", X500Names.first(leaf.getSubjectX500Principal(), X500Names.Attribute.CN));
    assertEquals("Amazon", X500Names.first(leaf.getIssuerX500Principal(), X500Names.Attribute.O));
    assertEquals("CN=Amazon RSA 2048 M03,O=Amazon,C=US", X500Names.text(leaf.getIssuerX500Principal()));
    assertEquals(KEY.getPrivate(), PemReader.privateKey(PemWriter.privateKey(KEY.getPrivate())));
  }

  @Test
  void refusalsSayWhatWasWrong() {
    assertEquals(List.of(), PemReader.certificates("no pem here"));
    String key = PemWriter.privateKey(KEY.getPrivate());
    assertProblem(PkiException.Problem.NOT_A_CERTIFICATE, () -> PemReader.certificates(key));
    assertProblem(PkiException.Problem.MALFORMED,
        () -> PemReader.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    assertProblem(PkiException.Problem.MALFORMED, () -> PemReader.privateKey(CertificateAuthority.local().pem()));
    String encrypted = PemWriter.encryptedPrivateKey(KEY.getPrivate(), "secret".toCharArray(), KeyPairs.seeded("salt"));
    assertTrue(encrypted.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assertProblem(PkiException.Problem.ENCRYPTED_KEY, () -> PemReader.privateKey(encrypted));
  }

  private static void assertProblem(PkiException.Problem problem, Runnable read) {
    PkiException e = assertThrows(PkiException.class, read::run);
    assertEquals(problem, e.problem());
  }
}
