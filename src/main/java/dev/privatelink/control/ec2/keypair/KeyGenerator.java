package dev.privatelink.control.ec2.keypair;

import dev.privatelink.model.IdSource;
import dev.privatelink.model.pki.KeyPairs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import software.amazon.awssdk.services.ec2.model.KeyType;

/**
 * Makes the key pairs CreateKeyPair returns. The randomness comes from the request's
 * {@link IdSource} through a seeded SHA1PRNG, so replaying the journal makes the same keys.
 * RSA private keys come back as PKCS#1 PEM, ED25519 ones in OpenSSH's format, as EC2 returns them.
 */
public final class KeyGenerator {
  /** A new key: its private half as PEM, the public half as OpenSSH text, and EC2's fingerprint. */
  public record Generated(String keyType, String privateKeyPem, String publicKey, String fingerprint) {}

  private KeyGenerator() {}

  public static Generated generate(KeyType keyType, IdSource ids) {
    try {
      SecureRandom random = KeyPairs.seeded(ids.hex(64));
      return switch (keyType) {
        case ED25519 -> ed25519(random, ids);
        case RSA -> rsa(random);
        case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("key type " + keyType);
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Generated rsa(SecureRandom random) throws GeneralSecurityException {
    KeyPair pair = KeyPairs.rsa(2048, random);
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    byte[] pkcs1 = KeyPairs.pkcs1(pair.getPrivate());
    // EC2 fingerprints keys it made by the SHA-1 of the PKCS#8 DER private key.
    String fingerprint = OpenSshKeys.colonHex(MessageDigest.getInstance("SHA-1").digest(pkcs8));
    String publicKey = OpenSshKeys.text("ssh-rsa", OpenSshKeys.rsaBlob((RSAPublicKey) pair.getPublic()));
    return new Generated("rsa", pem("RSA PRIVATE KEY", pkcs1, 64), publicKey, fingerprint);
  }

  private static Generated ed25519(SecureRandom random, IdSource ids) throws GeneralSecurityException {
    KeyPair pair = KeyPairs.ed25519(random);
    byte[] x509 = pair.getPublic().getEncoded();
    byte[] publicKey = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
    byte[] blob = OpenSshKeys.ed25519Blob(publicKey);
    int check = ids.nextInt(Integer.MAX_VALUE);
    byte[] body = openSshPrivateKey(blob, publicKey, seed, check);
    return new Generated("ed25519", pem("OPENSSH PRIVATE KEY", body, 70), OpenSshKeys.text("ssh-ed25519", blob),
        OpenSshKeys.sha256Fingerprint(blob));
  }

  /** OpenSSH's unencrypted {@code openssh-key-v1} container holding one ED25519 key. */
  private static byte[] openSshPrivateKey(byte[] blob, byte[] publicKey, byte[] seed, int check) {
    var secret = new ByteArrayOutputStream();
    OpenSshKeys.writeInt(secret, check);
    OpenSshKeys.writeInt(secret, check);
    OpenSshKeys.writeString(secret, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
    OpenSshKeys.writeString(secret, publicKey);
    OpenSshKeys.writeString(secret, OpenSshKeys.concat(seed, publicKey));
    OpenSshKeys.writeString(secret, new byte[0]);
    for (int pad = 1; secret.size() % 8 != 0; pad++) {
      secret.write(pad);
    }
    var out = new ByteArrayOutputStream();
    out.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    OpenSshKeys.writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
    OpenSshKeys.writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
    OpenSshKeys.writeString(out, new byte[0]);
    OpenSshKeys.writeInt(out, 1);
    OpenSshKeys.writeString(out, blob);
    OpenSshKeys.writeString(out, secret.toByteArray());
    return out.toByteArray();
  }

  private static String pem(String label, byte[] der, int lineLength) {
    String base64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < base64.length(); i += lineLength) {
      out.append(base64, i, Math.min(base64.length(), i + lineLength)).append('\n');
    }
    return out.append("-----END ").append(label).append("-----").toString();
  }
}
