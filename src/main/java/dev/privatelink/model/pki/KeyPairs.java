package dev.privatelink.model.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Key pairs drawn from a seeded random: the same seed gives the same keys bit for bit, which is
 * what lets a journal replay rebuild them. The random is SHA1PRNG seeded only with the seed's
 * ASCII bytes (its output then depends on nothing else); callers must not change either.
 */
public final class KeyPairs {
  private KeyPairs() {}

  /** A random whose whole output is determined by {@code seed}. */
  public static SecureRandom seeded(String seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed.getBytes(StandardCharsets.US_ASCII));
      return random;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA1PRNG is missing from the JDK", e);
    }
  }

  public static KeyPair rsa(int bits, SecureRandom random) {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(bits, random);
      return rsa.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an RSA-" + bits + " key", e);
    }
  }

  /** An EC key on the curve of the JDK's name ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}). */
  public static KeyPair ec(String curve, SecureRandom random) {
    try {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(new ECGenParameterSpec(curve), random);
      return ec.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an EC key on " + curve, e);
    }
  }

  public static KeyPair ed25519(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an Ed25519 key", e);
    }
  }

  /** The PKCS#1 DER of an RSA private key (what {@code RSA PRIVATE KEY} PEM holds), from its PKCS#8 form. */
  public static byte[] pkcs1(PrivateKey rsaKey) {
    try {
      return PrivateKeyInfo.getInstance(rsaKey.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-encode the RSA key as PKCS#1", e);
    }
  }
}
