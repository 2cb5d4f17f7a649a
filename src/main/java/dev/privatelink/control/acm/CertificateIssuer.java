package dev.privatelink.control.acm;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
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
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Makes the certificate and key of a certificate ACM issues here, once, when first needed: a leaf
 * for the requested names with the requested key, signed by a local stand-in for Amazon's
 * issuing CA (one per process, always the same key), which is the certificate's chain. All
 * randomness comes from the issuance's seed, so the same request always yields the same key.
 */
final class CertificateIssuer implements Supplier<CertificateMaterial> {
  private static final X500Name CA_NAME = new X500Name("CN=Amazon RSA 2048 M03,O=Amazon,C=US");
  private final Issuance issuance;
  private @Nullable CertificateMaterial made;

  CertificateIssuer(Issuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public synchronized CertificateMaterial get() {
    if (made == null) {
      made = issue();
    }
    return made;
  }

  private CertificateMaterial issue() {
    try {
      SecureRandom random = seeded(issuance.seed());
      KeyPair key = keyPair(random);
      X509Certificate leaf = sign(key, random);
      return CertificateDetails.of(leaf, pem(leaf), Authority.INSTANCE.pem, pem(new JcaPKCS8Generator(key.getPrivate(), null).generate()),
          CertificateParser.keyAlgorithm(key.getPublic()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a certificate", e);
    }
  }

  private KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
    String name = issuance.keyAlgorithm().toString();
    if (name.startsWith("EC_")) {
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      // The JDK names prime256v1 secp256r1.
      ec.initialize(new ECGenParameterSpec(name.equals("EC_prime256v1") ? "secp256r1" : name.substring(3)), random);
      return ec.generateKeyPair();
    }
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(Integer.parseInt(name.substring(4)), random);
    return rsa.generateKeyPair();
  }

  private X509Certificate sign(KeyPair key, SecureRandom random)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    GeneralName[] names = issuance.domains().stream().map(d -> new GeneralName(GeneralName.dNSName, d))
        .toArray(GeneralName[]::new);
    X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(CA_NAME, new BigInteger(issuance.serial().replace(":", ""), 16),
        Date.from(issuance.notBefore()), Date.from(issuance.notAfter()), new X500Name("CN=" + issuance.domains().getFirst()),
        key.getPublic())
        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    var signer = new JcaContentSignerBuilder("SHA256withRSA").setSecureRandom(random).build(Authority.INSTANCE.key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  static SecureRandom seeded(String seed) throws GeneralSecurityException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed.getBytes(StandardCharsets.US_ASCII));
    return random;
  }

  static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  /** The local issuing CA: made on first use from a fixed seed, valid 2020 to 2045. */
  private static final class Authority {
    static final Authority INSTANCE = new Authority();
    final PrivateKey key;
    final String pem;

    private Authority() {
      try {
        SecureRandom random = seeded("privatelink-local issuing CA");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048, random);
        KeyPair pair = rsa.generateKeyPair();
        var builder = new JcaX509v3CertificateBuilder(CA_NAME, BigInteger.ONE, Date.from(Instant.parse("2020-01-01T00:00:00Z")),
            Date.from(Instant.parse("2045-01-01T00:00:00Z")), CA_NAME, pair.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").setSecureRandom(random).build(pair.getPrivate());
        this.key = pair.getPrivate();
        this.pem = pem(new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
      } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }
}
