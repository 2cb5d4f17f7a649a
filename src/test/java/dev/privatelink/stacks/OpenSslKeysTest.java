package dev.privatelink.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class OpenSslKeysTest {
  @Test
  void theHostsOpensslMakesAWorking2048BitKeyPair() throws Exception {
    // openssl is a package the launcher requires, so CI has it: an empty answer here is a failure.
    KeyPair pair = OpenSslKeys.rsa2048().orElseThrow();
    assertEquals(2048, ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());
    byte[] message = "ACME Demos".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(pair.getPrivate());
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(message);
    assertTrue(verifier.verify(signature));
  }

  @Test
  void twoKeysDiffer() {
    var a = (RSAPublicKey) OpenSslKeys.rsa2048().orElseThrow().getPublic();
    var b = (RSAPublicKey) OpenSslKeys.rsa2048().orElseThrow().getPublic();
    assertNotEquals(a.getModulus(), b.getModulus());
  }

  @Test
  void aTextThatIsNotAPrivateKeyIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> OpenSslKeys.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"));
  }

  @Test
  void theSeedsCertificateCarriesTheKeyItWasMadeFor() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.create("service-alb.example", "ACME Demos",
        java.time.Duration.ofHours(72));
    var x509 = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(cert.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    x509.verify(x509.getPublicKey());
    assertEquals(2048, ((RSAPublicKey) x509.getPublicKey()).getModulus().bitLength());
    assertTrue(cert.privateKeyPem().startsWith("-----BEGIN RSA PRIVATE KEY-----"), cert.privateKeyPem());
  }
}
