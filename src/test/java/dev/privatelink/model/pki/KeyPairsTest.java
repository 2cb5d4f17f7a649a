package dev.privatelink.model.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Seeded keys are part of what the journal replays: the pins below must never change. */
class KeyPairsTest {
  @Test
  void aSeedAlwaysGivesTheSameKeys() throws Exception {
    assertEquals("66cbdff5c3177c167a3965af20df2c718fbb66642e3b3462f2d840e715117aba",
        sha256(KeyPairs.rsa(2048, KeyPairs.seeded("replay")).getPrivate().getEncoded()));
    assertEquals("35776db8aa6b37470620dbd7f30089daaa2eef496f8c8fdeb13271c25e87421a",
        sha256(KeyPairs.ec("secp256r1", KeyPairs.seeded("replay")).getPrivate().getEncoded()));
    assertEquals("be4f7e4b9acf9cc761847099fe390b8da2ebdb2625b89af1c2211f494ca86d5a",
        sha256(KeyPairs.ed25519(KeyPairs.seeded("replay")).getPrivate().getEncoded()));
  }

  @Test
  void pkcs1IsTheRsaKeyInsidePkcs8() {
    KeyPair pair = KeyPairs.rsa(1024, KeyPairs.seeded("pkcs1"));
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    byte[] pkcs1 = KeyPairs.pkcs1(pair.getPrivate());
    // PKCS#8 wraps the PKCS#1 structure as its last field, an OCTET STRING.
    byte[] tail = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - pkcs1.length, pkcs8.length);
    assertArrayEquals(pkcs1, tail);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
