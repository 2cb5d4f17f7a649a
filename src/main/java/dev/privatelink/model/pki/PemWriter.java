package dev.privatelink.model.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Writes certificates and private keys as PEM: a certificate, a PKCS#8 {@code PRIVATE KEY} in the
 * clear, or an {@code ENCRYPTED PRIVATE KEY} (AES-256-CBC under a passphrase, salt and IV drawn
 * from the given random, so a seeded random gives the same text).
 */
public final class PemWriter {
  /** Bouncy Castle's provider, used here only (not installed JVM-wide): the JDK has no AES/CBC/PKCS7Padding. */
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private PemWriter() {}

  public static String certificate(X509Certificate certificate) {
    return write(certificate);
  }

  public static String privateKey(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String encryptedPrivateKey(PrivateKey key, char[] passphrase, SecureRandom random) {
    try {
      var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
          .setProvider(BC).setRandom(random).setPassword(passphrase).build();
      return write(new JcaPKCS8Generator(key, encryptor).generate());
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot encrypt the private key", e);
    }
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
