package dev.privatelink.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
  @Test
  void aPreparedKeyIsHandedOutOnceAndEveryCertificateGetsItsOwn() {
    SelfSignedCertificate.prepareKey();
    SelfSignedCertificate.prepareKey();
    var first = (RSAPublicKey) SelfSignedCertificate.newKeyPair().getPublic();
    var second = (RSAPublicKey) SelfSignedCertificate.newKeyPair().getPublic();
    assertEquals(2048, first.getModulus().bitLength());
    assertEquals(2048, second.getModulus().bitLength());
    assertNotEquals(first.getModulus(), second.getModulus());
  }
}
