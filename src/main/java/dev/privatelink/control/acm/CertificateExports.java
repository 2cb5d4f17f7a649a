package dev.privatelink.control.acm;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.model.pki.KeyPairs;
import dev.privatelink.model.pki.PemWriter;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.acm.model.ExportCertificateRequest;
import software.amazon.awssdk.services.acm.model.ExportCertificateResponse;

/**
 * <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_ExportCertificate.html">ExportCertificate</a>:
 * the certificate, its chain and its private key as encrypted PKCS#8 PEM (AES-256-CBC under the
 * passphrase), for the certificates AWS lets out: private ones, and public ones requested with
 * {@code Options.Export=ENABLED}. Imported certificates and other public ones stay in ACM.
 */
public final class CertificateExports implements ActionHandler {
  private final AcmCertificates certificates;

  CertificateExports(AcmCertificates certificates) {
    this.certificates = certificates;
  }

  /** Read-only although AWS does not name it Get: it changes nothing, and its passphrase must not reach the journal. */
  @ReadOnly
  public ExportCertificateResponse exportCertificate(RequestContext ctx, ExportCertificateRequest request) {
    AcmCertificate c = certificates.find(ctx.scope(), request.certificateArn());
    byte[] passphrase = request.passphrase() == null ? null : request.passphrase().asByteArrayUnsafe();
    if (passphrase == null || passphrase.length < 4 || passphrase.length > 128) {
      throw AwsException.badRequest("ValidationException", "1 validation error detected: Value at 'passphrase' failed to "
          + "satisfy constraint: Member must have length between 4 and 128");
    }
    if (c.issuance() == null || !c.issuance().exportable()) {
      throw AwsException.badRequest("ValidationException", "Certificate ARN: " + c.arn()
          + " is not a private certificate or a public certificate requested with export enabled");
    }
    CertificateMaterial m = c.material();
    return ExportCertificateResponse.builder().certificate(m.certificatePem()).certificateChain(m.chainPem())
        .privateKey(encrypted(m.privateKeyPem(), new String(passphrase, StandardCharsets.US_ASCII), ctx.ids().hex(32))).build();
  }

  /** The salt and IV come from a fresh seed per call, as a read's randomness is not replayed. */
  private static String encrypted(String keyPem, String passphrase, String seed) {
    return PemWriter.encryptedPrivateKey(CertificateParser.privateKey(keyPem), passphrase.toCharArray(), KeyPairs.seeded(seed));
  }
}
