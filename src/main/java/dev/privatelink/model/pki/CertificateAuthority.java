package dev.privatelink.model.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The local stand-in for Amazon's issuing CA ({@code CN=Amazon RSA 2048 M03}): one RSA-2048 key made
 * on first use from a fixed seed, a self-signed certificate valid 2020 to 2045, and the TLS server
 * leaves it signs. Same inputs (random included) give the same leaf.
 */
public final class CertificateAuthority {
  private static final X500Name CA_NAME = new X500Name("CN=Amazon RSA 2048 M03,O=Amazon,C=US");
  private static final CertificateAuthority LOCAL = new CertificateAuthority();
  private final PrivateKey key;
  private final String pem;

  private CertificateAuthority() {
    SecureRandom random = KeyPairs.seeded("privatelink-local issuing CA");
    KeyPair pair = KeyPairs.rsa(2048, random);
    try {
      var builder = new JcaX509v3CertificateBuilder(CA_NAME, BigInteger.ONE, Date.from(Instant.parse("2020-01-01T00:00:00Z")),
          Date.from(Instant.parse("2045-01-01T00:00:00Z")), CA_NAME, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      this.key = pair.getPrivate();
      this.pem = PemWriter.certificate(certificate(builder, signer(pair.getPrivate(), random)));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public static CertificateAuthority local() {
    return LOCAL;
  }

  /** The CA's own certificate as PEM: the chain of every leaf it signs. */
  public String pem() {
    return pem;
  }

  /**
   * A leaf for {@code domains} (the first is the subject's CN, all are DNS SANs) holding
   * {@code subjectKey}: not a CA, digital signature and key encipherment, TLS server and client use.
   */
  public X509Certificate issue(List<String> domains, BigInteger serial, Instant notBefore, Instant notAfter,
      PublicKey subjectKey, SecureRandom random) {
    GeneralName[] names = domains.stream().map(d -> new GeneralName(GeneralName.dNSName, d)).toArray(GeneralName[]::new);
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA_NAME, serial, Date.from(notBefore),
          Date.from(notAfter), new X500Name("CN=" + domains.getFirst()), subjectKey)
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
              KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      return certificate(builder, signer(key, random));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue a certificate", e);
    }
  }

  private static ContentSigner signer(PrivateKey key, SecureRandom random) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withRSA").setSecureRandom(random).build(key);
  }

  private static X509Certificate certificate(X509v3CertificateBuilder builder, ContentSigner signer)
      throws GeneralSecurityException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
