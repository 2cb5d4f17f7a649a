package dev.privatelink.control.ec2.keypair;

import dev.privatelink.control.AwsException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * OpenSSH public keys ({@code ssh-rsa AAAA… comment}, {@code ssh-ed25519 AAAA…}): parsing their
 * wire blobs, writing them, and the fingerprints EC2 shows for imported keys (MD5 of the DER public
 * key for RSA, base64 SHA-256 of the blob for ED25519).
 */
public final class OpenSshKeys {
  /** A parsed public key: {@code rsa} or {@code ed25519}, its blob, and its OpenSSH text without comment. */
  public record PublicKey(String keyType, byte[] blob, String text, String importFingerprint) {}

  private OpenSshKeys() {}

  public static PublicKey parse(byte[] material) {
    String text = new String(material, StandardCharsets.UTF_8).trim();
    String[] parts = text.split("\\s+");
    if (parts.length < 2) {
      throw invalidFormat();
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw invalidFormat();
    }
    ByteBuffer in = ByteBuffer.wrap(blob);
    String type = new String(readString(in), StandardCharsets.US_ASCII);
    if (!type.equals(parts[0])) {
      throw invalidFormat();
    }
    String canonical = type + " " + parts[1];
    return switch (type) {
      case "ssh-rsa" -> new PublicKey("rsa", blob, canonical, rsaFingerprint(in));
      case "ssh-ed25519" -> {
        if (readString(in).length != 32 || in.hasRemaining()) {
          throw invalidFormat();
        }
        yield new PublicKey("ed25519", blob, canonical, sha256Fingerprint(blob));
      }
      default -> throw invalidFormat();
    };
  }

  private static String rsaFingerprint(ByteBuffer in) {
    BigInteger e = new BigInteger(readString(in));
    BigInteger n = new BigInteger(readString(in));
    if (in.hasRemaining() || n.signum() <= 0 || n.bitLength() < 1024 || n.bitLength() > 4096) {
      throw invalidFormat();
    }
    try {
      var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
      return colonHex(MessageDigest.getInstance("MD5").digest(key.getEncoded()));
    } catch (GeneralSecurityException ex) {
      throw invalidFormat();
    }
  }

  /** The base64 SHA-256 of a key blob, the fingerprint EC2 shows for every ED25519 key. */
  public static String sha256Fingerprint(byte[] blob) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String colonHex(byte[] digest) {
    return HexFormat.ofDelimiter(":").formatHex(digest);
  }

  /** The blob of an RSA public key: string "ssh-rsa", mpint e, mpint n. */
  public static byte[] rsaBlob(RSAPublicKey key) {
    var out = new ByteArrayOutputStream();
    writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    writeString(out, key.getPublicExponent().toByteArray());
    writeString(out, key.getModulus().toByteArray());
    return out.toByteArray();
  }

  /** The blob of an ED25519 public key: string "ssh-ed25519", string key. */
  public static byte[] ed25519Blob(byte[] publicKey) {
    var out = new ByteArrayOutputStream();
    writeString(out, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
    writeString(out, publicKey);
    return out.toByteArray();
  }

  public static String text(String sshType, byte[] blob) {
    return sshType + " " + Base64.getEncoder().encodeToString(blob);
  }

  static void writeString(ByteArrayOutputStream out, byte[] value) {
    writeInt(out, value.length);
    out.writeBytes(value);
  }

  static void writeInt(ByteArrayOutputStream out, int value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
  }

  private static byte[] readString(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw invalidFormat();
    }
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw invalidFormat();
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  static AwsException invalidFormat() {
    return AwsException.badRequest("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
