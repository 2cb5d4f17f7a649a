package dev.privatelink.model.pki;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads PEM text: every certificate of a certificate or chain, and one private key (PKCS#1
 * {@code RSA PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}, optionally after {@code EC PARAMETERS}, or
 * PKCS#8 {@code PRIVATE KEY}). Refusals are {@link PkiException}s.
 */
public final class PemReader {
  private static final JcaX509CertificateConverter CERTS = new JcaX509CertificateConverter();
  private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

  private PemReader() {}

  /** The certificates of {@code pem} in order; empty when it holds no PEM object at all. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o;
      while ((o = parser.readObject()) != null) {
        if (!(o instanceof X509CertificateHolder holder)) {
          throw new PkiException(PkiException.Problem.NOT_A_CERTIFICATE, "the PEM holds something other than a certificate");
        }
        out.add(CERTS.getCertificate(holder));
      }
    } catch (PkiException e) {
      throw e;
    } catch (IOException | CertificateException | RuntimeException e) {
      throw malformed("the text is not PEM-encoded X.509", e);
    }
    return out;
  }

  /** The first private key of {@code pem}, which must be in the clear. */
  public static PrivateKey privateKey(String pem) {
    Object o = firstKeyObject(pem);
    if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
      throw new PkiException(PkiException.Problem.ENCRYPTED_KEY, "the private key is encrypted");
    }
    try {
      if (o instanceof PEMKeyPair pair) {
        return KEYS.getKeyPair(pair).getPrivate();
      }
      if (o instanceof PrivateKeyInfo info) {
        return KEYS.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw malformed("the private key cannot be decoded", e);
    }
    throw malformed("the PEM holds no private key of a known kind", null);
  }

  private static @Nullable Object firstKeyObject(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o = parser.readObject();
      if (o instanceof X9ECParameters || o instanceof ASN1ObjectIdentifier) {
        o = parser.readObject(); // "EC PARAMETERS" may precede the key
      }
      return o;
    } catch (IOException | RuntimeException e) {
      throw malformed("the private key is not well-formed PEM", e);
    }
  }

  private static PkiException malformed(String message, @Nullable Throwable cause) {
    return cause == null ? new PkiException(PkiException.Problem.MALFORMED, message)
        : new PkiException(PkiException.Problem.MALFORMED, message, cause);
  }
}
