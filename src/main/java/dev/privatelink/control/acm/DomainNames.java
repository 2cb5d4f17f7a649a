package dev.privatelink.control.acm;

import dev.privatelink.control.AwsException;
import dev.privatelink.model.IdSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.DomainValidationOption;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * The names of a requested certificate and how ACM validates each: a CNAME record
 * ({@code _<32 hex>.<domain>.} → {@code _<32 hex>.<10 chars>.acm-validations.aws.}, shared by a
 * name and its wildcard) for DNS, the five administrative addresses of the validation domain for
 * EMAIL.
 */
final class DomainNames {
  private static final Pattern NAME = Pattern.compile(
      "(\\*\\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])");
  private static final List<String> MAILBOXES = List.of("admin", "administrator", "hostmaster", "postmaster", "webmaster");

  private DomainNames() {}

  /** The domain name first, then the other subject alternative names, each once. */
  static List<String> of(String domainName, List<String> alternatives) {
    if (domainName == null) {
      throw CertificateRequests.validation("domainName", null, "Member must not be null");
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    names.add(checked(domainName, "domainName"));
    alternatives.forEach(a -> names.add(checked(a, "subjectAlternativeNames")));
    if (names.size() > 100) {
      throw AwsException.badRequest("LimitExceededException", "Certificate can have at most 100 domain names.");
    }
    return List.copyOf(names);
  }

  private static String checked(String name, String field) {
    if (name.length() > 253 || !NAME.matcher(name).matches()) {
      throw CertificateRequests.validation(field, name, "Member must satisfy regular expression pattern: " + NAME.pattern());
    }
    return name.toLowerCase();
  }

  static List<DomainValidation> validations(IdSource ids, List<String> domains, ValidationMethod method,
      List<DomainValidationOption> options) {
    if (method == null) {
      return List.of();
    }
    Map<String, String> validationDomains = new HashMap<>();
    for (DomainValidationOption o : options) {
      String domain = o.domainName() == null ? null : o.domainName().toLowerCase();
      String over = o.validationDomain() == null ? null : o.validationDomain().toLowerCase();
      if (!domains.contains(domain) || over == null || !(base(domain).equals(over) || base(domain).endsWith("." + over))) {
        throw AwsException.badRequest("InvalidDomainValidationOptionsException", "The validation domain " + over
            + " is not the domain " + domain + " of the certificate or a superdomain of it.");
      }
      validationDomains.put(domain, over);
    }
    Map<String, ResourceRecord> records = new HashMap<>();
    List<DomainValidation> out = new ArrayList<>();
    for (String domain : domains) {
      String validationDomain = validationDomains.getOrDefault(domain, base(domain));
      var v = DomainValidation.builder().domainName(domain).validationDomain(validationDomain)
          .validationStatus(DomainStatus.SUCCESS).validationMethod(method);
      if (method == ValidationMethod.DNS) {
        v.resourceRecord(records.computeIfAbsent(base(domain), b -> ResourceRecord.builder().name("_" + ids.hex(32) + "." + b + ".")
            .type(RecordType.CNAME).value("_" + ids.hex(32) + "." + ids.alnum(10) + ".acm-validations.aws.").build()));
      } else {
        v.validationEmails(MAILBOXES.stream().map(m -> m + "@" + validationDomain).toList());
      }
      out.add(v.build());
    }
    return out;
  }

  private static String base(String domain) {
    return domain.startsWith("*.") ? domain.substring(2) : domain;
  }
}
