package dev.privatelink.control.acm;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ScopedTable;
import dev.privatelink.control.query.Page;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.model.*;

/**
 * AWS Certificate Manager's certificates: import and re-import, describe, get (PEM), list and
 * delete (refused while a load balancer listener serves it). Requested certificates come from
 * {@link CertificateRequests}, exports from {@link CertificateExports}; tags live in
 * {@link AcmTags}. Other features read certificates through {@link #certificate(Scope, String)}.
 *
 * @see <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_ImportCertificate.html">ImportCertificate</a>,
 *     DescribeCertificate, GetCertificate, ListCertificates, DeleteCertificate
 */
public final class AcmCertificates implements ActionHandler {
  private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}");
  private final ScopedTable<AcmCertificate> certificates = new ScopedTable<>();
  private final AcmTags tags = new AcmTags(this);
  /** ACM's account configuration per scope: the days before expiry of {@link AccountConfiguration}. */
  private final ScopedTable<Integer> expiryEventDays = new ScopedTable<>();
  private final List<ActionHandler> parts;
  private final CertificateUsers users;

  public AcmCertificates(CertificateUsers users) {
    this.users = users;
    this.parts = List.of(tags, new CertificateRequests(this), new CertificateExports(this), new AccountConfiguration(expiryEventDays));
  }

  /** ACM's other action handlers (tags, requests, exports, account configuration); register them too. */
  public List<ActionHandler> parts() {
    return parts;
  }

  /** The tag actions of ACM; register it with this feature. */
  public AcmTags tags() {
    return tags;
  }

  /** A certificate of the scope by ARN, for other features (e.g. HTTPS listeners). */
  public Optional<AcmCertificate> certificate(Scope scope, String arn) {
    return arn == null ? Optional.empty() : certificates.find(scope, arn);
  }

  public ImportCertificateResponse importCertificate(RequestContext ctx, ImportCertificateRequest request) {
    Scope scope = ctx.scope();
    String certPem = text(request.certificate(), "certificate", 32768);
    String keyPem = text(request.privateKey(), "privateKey", 5120);
    String chainPem = request.certificateChain() == null ? null : text(request.certificateChain(), "certificateChain", 2097152);
    AcmCertificate previous = null;
    if (request.certificateArn() != null) {
      previous = find(scope, request.certificateArn());
      if (previous.issuance() != null) {
        throw AwsException.badRequest("ValidationException", "Certificate " + previous.arn()
            + " was issued by ACM and cannot be re-imported");
      }
      if (!request.tags().isEmpty()) {
        throw AwsException.badRequest("ValidationException", "Tags cannot be applied when re-importing a certificate");
      }
    }
    AcmTags.validate(List.of(), request.tags());
    CertificateMaterial material = CertificateParser.parse(certPem, keyPem, chainPem, ctx.now());
    String arn = previous != null ? previous.arn()
        : "arn:aws:acm:" + ctx.region() + ":" + ctx.accountId() + ":certificate/" + ctx.ids().uuid();
    Instant created = previous != null ? previous.createdAt() : ctx.now();
    certificates.put(scope, arn, AcmCertificate.imported(arn, material, created, ctx.now()));
    tags.put(scope, arn, request.tags());
    return ImportCertificateResponse.builder().certificateArn(arn).build();
  }

  @ReadOnly
  public DescribeCertificateResponse describeCertificate(RequestContext ctx, DescribeCertificateRequest request) {
    AcmCertificate c = find(ctx.scope(), request.certificateArn());
    CertificateMaterial m = c.material();
    Issuance issued = c.issuance();
    var detail = CertificateDetail.builder()
        .certificateArn(c.arn()).domainName(m.domainName()).subjectAlternativeNames(m.subjectAlternativeNames())
        .serial(m.serial()).subject(m.subject()).issuer(m.issuer()).createdAt(c.createdAt()).importedAt(c.importedAt())
        .status(c.status(ctx.now())).notBefore(m.notBefore()).notAfter(m.notAfter()).keyAlgorithm(m.keyAlgorithm())
        .signatureAlgorithm(m.signatureAlgorithm()).inUseBy(users.usersOf(ctx.scope(), c.arn())).type(c.type())
        .keyUsages(m.keyUsages().stream().map(k -> KeyUsage.builder().name(k).build()).toList())
        .extendedKeyUsages(m.extendedKeyUsages().stream()
            .map(e -> ExtendedKeyUsage.builder().name(e.name()).oid(e.oid()).build()).toList())
        .renewalEligibility(issued != null && !users.usersOf(ctx.scope(), c.arn()).isEmpty() ? "ELIGIBLE" : "INELIGIBLE");
    var options = CertificateOptions.builder().certificateTransparencyLoggingPreference(issued == null
        ? CertificateTransparencyLoggingPreference.ENABLED : issued.transparencyLogging());
    if (issued != null) {
      detail.issuedAt(c.createdAt()).domainValidationOptions(issued.validations())
          .certificateAuthorityArn(issued.certificateAuthorityArn());
      options.export(issued.exportable() ? CertificateExport.ENABLED : CertificateExport.DISABLED);
    }
    return DescribeCertificateResponse.builder().certificate(detail.options(options.build()).build()).build();
  }

  @ReadOnly
  public GetCertificateResponse getCertificate(RequestContext ctx, GetCertificateRequest request) {
    AcmCertificate c = find(ctx.scope(), request.certificateArn());
    return GetCertificateResponse.builder().certificate(c.material().certificatePem())
        .certificateChain(c.material().chainPem()).build();
  }

  @ReadOnly
  public ListCertificatesResponse listCertificates(RequestContext ctx, ListCertificatesRequest request) {
    Scope scope = ctx.scope();
    List<String> statuses = request.certificateStatusesAsStrings();
    List<String> keyTypes = request.includes() != null && !request.includes().keyTypesAsStrings().isEmpty()
        ? request.includes().keyTypesAsStrings() : List.of("RSA_1024", "RSA_2048");
    if (request.maxItems() != null && (request.maxItems() < 1 || request.maxItems() > 1000)) {
      throw AwsException.badRequest("ValidationException", "MaxItems must be between 1 and 1000");
    }
    List<AcmCertificate> matching = certificates.all(scope).stream()
        .filter(c -> statuses.isEmpty() || statuses.contains(c.status(ctx.now())))
        .filter(c -> keyTypes.contains(c.keyAlgorithm().replace('-', '_'))).toList();
    Page<AcmCertificate> page = Page.of(matching, AcmCertificate::arn, request.maxItems(), request.nextToken(),
        t -> AwsException.badRequest("InvalidArgsException", "Invalid token: " + t));
    return ListCertificatesResponse.builder().nextToken(page.nextToken())
        .certificateSummaryList(page.items().stream().map(c -> summary(scope, c, ctx.now())).toList()).build();
  }

  private CertificateSummary summary(Scope scope, AcmCertificate c, Instant now) {
    boolean inUse = !users.usersOf(scope, c.arn()).isEmpty();
    var summary = CertificateSummary.builder().certificateArn(c.arn()).hasAdditionalSubjectAlternativeNames(false)
        .status(c.status(now)).type(c.type()).keyAlgorithm(c.keyAlgorithm()).inUse(inUse).createdAt(c.createdAt())
        .renewalEligibility(c.issuance() != null && inUse ? "ELIGIBLE" : "INELIGIBLE");
    Issuance issued = c.issuance();
    if (issued != null) {
      // Listing does not make the key of a certificate nobody has used yet.
      return summary.domainName(issued.domains().getFirst()).subjectAlternativeNameSummaries(issued.domains())
          .notBefore(issued.notBefore()).notAfter(issued.notAfter()).issuedAt(c.createdAt())
          .exportOption(issued.exportable() ? CertificateExport.ENABLED : CertificateExport.DISABLED)
          .keyUsagesWithStrings("DIGITAL_SIGNATURE", "KEY_ENCIPHERMENT")
          .extendedKeyUsagesWithStrings("TLS_WEB_SERVER_AUTHENTICATION", "TLS_WEB_CLIENT_AUTHENTICATION").build();
    }
    CertificateMaterial m = c.material();
    return summary.domainName(m.domainName()).subjectAlternativeNameSummaries(m.subjectAlternativeNames())
        .keyUsagesWithStrings(m.keyUsages())
        .extendedKeyUsagesWithStrings(m.extendedKeyUsages().stream().map(CertificateMaterial.ExtendedUsage::name).toList())
        .notBefore(m.notBefore()).notAfter(m.notAfter()).importedAt(c.importedAt()).build();
  }

  public DeleteCertificateResponse deleteCertificate(RequestContext ctx, DeleteCertificateRequest request) {
    Scope scope = ctx.scope();
    AcmCertificate c = find(scope, request.certificateArn());
    if (!users.usersOf(scope, c.arn()).isEmpty()) {
      throw AwsException.badRequest("ResourceInUseException", "Certificate " + c.arn() + " in use.");
    }
    certificates.remove(scope, c.arn());
    tags.drop(scope, c.arn());
    return DeleteCertificateResponse.builder().build();
  }

  void put(Scope scope, AcmCertificate certificate, List<Tag> tagList) {
    certificates.put(scope, certificate.arn(), certificate);
    tags.put(scope, certificate.arn(), tagList);
  }

  /** Stores a changed certificate under its ARN; its tags stay. */
  void replace(Scope scope, AcmCertificate certificate) {
    certificates.put(scope, certificate.arn(), certificate);
  }

  List<AcmCertificate> all(Scope scope) {
    return certificates.all(scope);
  }

  /** Every certificate of every scope, for the data plane's projection. */
  public List<java.util.Map.Entry<Scope, AcmCertificate>> everywhere() {
    return certificates.everywhere();
  }

  AcmCertificate find(Scope scope, String arn) {
    if (arn == null || !ARN.matcher(arn).matches()) {
      throw AwsException.badRequest("InvalidArnException", "String '" + arn + "' is not a valid ARN");
    }
    return certificates.find(scope, arn).orElseThrow(() -> AwsException.badRequest("ResourceNotFoundException",
        "Could not find certificate " + arn + "."));
  }

  private static String text(SdkBytes bytes, String field, int max) {
    if (bytes == null) {
      throw AwsException.badRequest("ValidationException",
          "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    }
    if (bytes.asByteArrayUnsafe().length == 0 || bytes.asByteArrayUnsafe().length > max) {
      throw AwsException.badRequest("ValidationException", "Value at '" + field
          + "' failed to satisfy constraint: Member must have length between 1 and " + max);
    }
    // PEM is ASCII: bytes that are not UTF-8 must fail as unparsable material, not as a decoding error.
    return new String(bytes.asByteArrayUnsafe(), StandardCharsets.ISO_8859_1);
  }
}
