package dev.privatelink.stacks;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** RSA keys made by the host's {@code openssl} (a package the launcher requires), read back as JDK keys. */
final class OpenSslKeys {
  private static final long LIMIT_SECONDS = 30;

  private OpenSslKeys() {}

  /** A new 2048-bit key with exponent 65537, or empty when {@code openssl} is missing or fails. */
  static Optional<KeyPair> rsa2048() {
    try {
      Process p = new ProcessBuilder("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048")
          .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      String pem;
      try (InputStream out = p.getInputStream()) {
        pem = new String(out.readAllBytes(), StandardCharsets.US_ASCII);
      }
      if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(parse(pem));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The key pair of a PKCS#8 {@code PRIVATE KEY} PEM; the public half comes from its modulus and exponent. */
  static KeyPair parse(String pem) throws GeneralSecurityException {
    String begin = "-----BEGIN PRIVATE KEY-----";
    String end = "-----END PRIVATE KEY-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("not a PKCS#8 private key");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    var key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
    if (!key.getPublicExponent().equals(BigInteger.valueOf(65537)) || key.getModulus().bitLength() != 2048) {
      throw new IllegalArgumentException("not a 2048-bit RSA key with exponent 65537");
    }
    return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
  }
}
