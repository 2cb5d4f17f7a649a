package dev.privatelink.control.acm;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.acm.model.CertificateExport;
import software.amazon.awssdk.services.acm.model.CertificateOptions;
import software.amazon.awssdk.services.acm.model.CertificateTransparencyLoggingPreference;
import software.amazon.awssdk.services.acm.model.CertificateType;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateResponse;
import software.amazon.awssdk.services.acm.model.ResendValidationEmailRequest;
import software.amazon.awssdk.services.acm.model.ResendValidationEmailResponse;
import software.amazon.awssdk.services.acm.model.UpdateCertificateOptionsRequest;
import software.amazon.awssdk.services.acm.model.UpdateCertificateOptionsResponse;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html">RequestCertificate</a>,
 * <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_UpdateCertificateOptions.html">UpdateCertificateOptions</a>
 * and <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_ResendValidationEmail.html">ResendValidationEmail</a>.
 * A requested certificate shows the validation records (DNS) or addresses (EMAIL) AWS would ask
 * for, and is issued at once here: nothing on this machine could prove control of a public domain.
 */
public final class CertificateRequests implements ActionHandler {
  /** The validity of ACM's public certificates (13 months). */
  static final Duration VALIDITY = Duration.ofDays(395);
  private final AcmCertificates certificates;

  CertificateRequests(AcmCertificates certificates) {
    this.certificates = certificates;
  }

  public RequestCertificateResponse requestCertificate(RequestContext ctx, RequestCertificateRequest request) {
    Scope scope = ctx.scope();
    List<String> domains = DomainNames.of(request.domainName(), request.subjectAlternativeNames());
    ValidationMethod method = method(request);
    KeyAlgorithm key = keyAlgorithm(request.keyAlgorithm());
    String ca = request.certificateAuthorityArn();
    if (ca != null && !ca.matches("arn:aws[\\w-]*:acm-pca:[a-z0-9-]+:\\d{12}:certificate-authority/[0-9a-f-]{36}")) {
      throw AwsException.badRequest("InvalidArnException", "String '" + ca + "' is not a valid ARN");
    }
    AcmTags.validate(List.of(), request.tags());
    String token = request.idempotencyToken();
    if (token != null && !token.matches("\\w{1,32}")) {
      throw validation("idempotencyToken", token, "Member must satisfy regular expression pattern: \\w+");
    }
    Optional<AcmCertificate> same = repeated(scope, token, domains, ctx.now());
    if (same.isPresent()) {
      return RequestCertificateResponse.builder().certificateArn(same.get().arn()).build();
    }
    boolean exportable = ca != null || request.options() != null && request.options().export() == CertificateExport.ENABLED;
    var logging = request.options() != null && request.options().certificateTransparencyLoggingPreference()
        == CertificateTransparencyLoggingPreference.DISABLED ? CertificateTransparencyLoggingPreference.DISABLED
        : CertificateTransparencyLoggingPreference.ENABLED;
    Instant now = ctx.now().truncatedTo(ChronoUnit.SECONDS);
    String serial = CertificateParser.serial(new BigInteger("1" + ctx.ids().hex(31), 16));
    var validations = DomainNames.validations(ctx.ids(), domains, method, request.domainValidationOptions());
    var issuance = new Issuance(ca == null ? CertificateType.AMAZON_ISSUED : CertificateType.PRIVATE, domains, method,
        validations, key, exportable, logging, ca, token, serial, now, now.plus(VALIDITY), ctx.ids().hex(64));
    String arn = "arn:aws:acm:" + ctx.region() + ":" + ctx.accountId() + ":certificate/" + ctx.ids().uuid();
    certificates.put(scope, AcmCertificate.issued(arn, issuance, ctx.now()), request.tags());
    return RequestCertificateResponse.builder().certificateArn(arn).build();
  }

  /** ACM answers a request repeated with the same token within an hour with the first certificate. */
  private Optional<AcmCertificate> repeated(Scope scope, String token, List<String> domains, Instant now) {
    if (token == null) {
      return Optional.empty();
    }
    return certificates.all(scope).stream().filter(c -> c.issuance() != null && token.equals(c.issuance().idempotencyToken())
        && c.issuance().domains().equals(domains) && c.createdAt().plus(Duration.ofHours(1)).isAfter(now)).findFirst();
  }

  private static ValidationMethod method(RequestCertificateRequest request) {
    if (request.validationMethod() == null) {
      return request.certificateAuthorityArn() == null ? ValidationMethod.EMAIL : null;
    }
    if (request.validationMethod() == ValidationMethod.UNKNOWN_TO_SDK_VERSION
        || request.validationMethod() == ValidationMethod.HTTP) {
      throw validation("validationMethod", request.validationMethodAsString(),
          "Member must satisfy enum value set: [EMAIL, DNS]");
    }
    return request.validationMethod();
  }

  private static KeyAlgorithm keyAlgorithm(KeyAlgorithm given) {
    if (given == null) {
      return KeyAlgorithm.RSA_2048;
    }
    // ACM issues public certificates with these keys only.
    if (!List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_PRIME256_V1, KeyAlgorithm.EC_SECP384_R1).contains(given)) {
      throw validation("keyAlgorithm", given.toString(), "Member must satisfy enum value set: [RSA_2048, EC_prime256v1, EC_secp384r1]");
    }
    return given;
  }

  public ResendValidationEmailResponse resendValidationEmail(RequestContext ctx, ResendValidationEmailRequest request) {
    AcmCertificate c = certificates.find(ctx.scope(), request.certificateArn());
    if (request.domain() == null || request.validationDomain() == null) {
      throw validation(request.domain() == null ? "domain" : "validationDomain", null, "Member must not be null");
    }
    Issuance issuance = c.issuance();
    if (issuance == null || !issuance.domains().contains(request.domain())) {
      throw AwsException.badRequest("InvalidDomainValidationOptionsException", "The domain " + request.domain()
          + " is not a name of certificate " + c.arn() + ".");
    }
    if (issuance.validationMethod() != ValidationMethod.EMAIL) {
      throw AwsException.badRequest("InvalidStateException", "Certificate " + c.arn()
          + " is validated by " + issuance.validationMethod() + "; only EMAIL validation sends emails.");
    }
    throw AwsException.badRequest("InvalidStateException", "Certificate " + c.arn() + " is in status "
        + c.status(ctx.now()) + ", not PENDING_VALIDATION.");
  }

  public UpdateCertificateOptionsResponse updateCertificateOptions(RequestContext ctx, UpdateCertificateOptionsRequest request) {
    AcmCertificate c = certificates.find(ctx.scope(), request.certificateArn());
    if (request.options() == null) {
      throw validation("options", null, "Member must not be null");
    }
    Issuance issuance = c.issuance();
    if (issuance == null) {
      throw AwsException.badRequest("InvalidStateException", "Certificate " + c.arn()
          + " is imported; only certificates ACM issued have options to update.");
    }
    CertificateOptions o = request.options();
    boolean export = o.export() == null ? issuance.exportable() : o.export() == CertificateExport.ENABLED;
    var logging = o.certificateTransparencyLoggingPreference() == null ? issuance.transparencyLogging()
        : o.certificateTransparencyLoggingPreference();
    certificates.replace(ctx.scope(), c.withIssuance(issuance.withOptions(export, logging)));
    return UpdateCertificateOptionsResponse.builder().build();
  }

  static AwsException validation(String field, String value, String constraint) {
    return AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + value + "' at '" + field
        + "' failed to satisfy constraint: " + constraint);
  }
}
