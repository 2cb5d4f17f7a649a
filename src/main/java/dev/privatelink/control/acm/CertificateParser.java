package dev.privatelink.control.acm;

import dev.privatelink.control.AwsException;
import dev.privatelink.model.pki.PemReader;
import dev.privatelink.model.pki.PkiException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads what ImportCertificate is given: exactly one PEM certificate, an unencrypted private key
 * (PKCS#1 {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY} or PKCS#8 {@code PRIVATE KEY}) that
 * matches the certificate's public key, and an optional PEM chain. Failures are ACM's
 * ValidationException. Pure computation on the given bytes.
 */
final class CertificateParser {
  private CertificateParser() {}

  static CertificateMaterial parse(String certificatePem, String privateKeyPem, @Nullable String chainPem, Instant now) {
    List<X509Certificate> certs = certificates(certificatePem, "certificate");
    if (certs.size() != 1) {
      throw invalid("The certificate field contains more than one certificate. You can specify only one certificate in this field.");
    }
    X509Certificate cert = certs.getFirst();
    if (chainPem != null && !chainPem.isBlank()) {
      certificates(chainPem, "certificate chain");
    }
    PrivateKey key = privateKey(privateKeyPem);
    String keyAlgorithm = keyAlgorithm(cert.getPublicKey());
    checkMatches(cert.getPublicKey(), key);
    if (now.isBefore(cert.getNotBefore().toInstant()) || now.isAfter(cert.getNotAfter().toInstant())) {
      throw invalid("The certificate is not valid at the time of import (valid from " + cert.getNotBefore().toInstant()
          + " to " + cert.getNotAfter().toInstant() + ")");
    }
    return CertificateDetails.of(cert, certificatePem, chainPem, privateKeyPem, keyAlgorithm);
  }

  /** ACM names the field in each message; model.pki says only what was wrong. */
  private static List<X509Certificate> certificates(String pem, String field) {
    List<X509Certificate> out;
    try {
      out = PemReader.certificates(pem);
    } catch (PkiException e) {
      throw e.problem() == PkiException.Problem.NOT_A_CERTIFICATE
          ? invalid("The " + field + " field contains something other than a PEM certificate")
          : invalid("Could not parse the " + field + ": it must be PEM-encoded X.509");
    }
    if (out.isEmpty()) {
      throw invalid("The " + field + " field does not contain a PEM certificate");
    }
    return out;
  }

  static PrivateKey privateKey(String pem) {
    try {
      return PemReader.privateKey(pem);
    } catch (PkiException e) {
      throw e.problem() == PkiException.Problem.ENCRYPTED_KEY ? invalid("The private key must not be encrypted")
          : invalid("The private key is not supported or is malformed");
    }
  }

  static String keyAlgorithm(PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) {
        throw invalid("The certificate's RSA key size " + bits + " is not supported");
      }
      return "RSA-" + bits;
    }
    if (key instanceof ECPublicKey ec) {
      return switch (ec.getParams().getCurve().getField().getFieldSize()) {
        case 256 -> "EC-prime256v1";
        case 384 -> "EC-secp384r1";
        case 521 -> "EC-secp521r1";
        default -> throw invalid("The certificate's EC curve is not supported");
      };
    }
    throw invalid("The certificate's key algorithm " + key.getAlgorithm() + " is not supported");
  }

  private static void checkMatches(PublicKey publicKey, PrivateKey privateKey) {
    if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateCrtKey crt) {
      if (!rsa.getModulus().equals(crt.getModulus()) || !rsa.getPublicExponent().equals(crt.getPublicExponent())) {
        throw mismatch();
      }
      return;
    }
    if (publicKey instanceof ECPublicKey && privateKey.getAlgorithm().startsWith("EC")) {
      // A signature proves the pair without deriving the point; nothing of it is kept.
      try {
        byte[] probe = "privatelink-local key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (verifier.verify(signature)) {
          return;
        }
      } catch (java.security.GeneralSecurityException e) {
        throw mismatch();
      }
    }
    throw mismatch();
  }

  private static AwsException mismatch() {
    return invalid("The private key does not match the public key in the certificate");
  }

  static AwsException invalid(String message) {
    return AwsException.badRequest("ValidationException", message);
  }

  static String serial(BigInteger serial) {
    byte[] bytes = serial.toByteArray();
    StringBuilder out = new StringBuilder();
    for (int i = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; i < bytes.length; i++) {
      out.append(out.isEmpty() ? "" : ":").append(String.format("%02x", bytes[i]));
    }
    return out.toString();
  }
}
