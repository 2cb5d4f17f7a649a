package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import dev.privatelink.model.IdSource;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.DnsNameState;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameConfiguration;

/**
 * A service's private DNS name and its domain-ownership proof: a TXT record named {@code _} + 20
 * characters under the domain, whose value is {@code vpce:} + a token.
 */
final class PrivateDnsNames {
  static final int TXT_TTL = 1800;
  private static final Pattern NAME = Pattern.compile(
      "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

  private PrivateDnsNames() {}

  /** The name in lower case; throws {@code InvalidParameterValue} for a name that is no domain name. */
  static String validate(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.length() > 255 || !NAME.matcher(lower).matches()) {
      throw AwsException.invalidParameterValue("The private DNS name '" + name + "' is not a valid domain name.");
    }
    if (lower.endsWith("amazonaws.com") || lower.endsWith("amazon.com")) {
      throw AwsException.invalidParameterValue("The private DNS name '" + name + "' is reserved by AWS.");
    }
    return lower;
  }

  /** A fresh proof for a name, waiting for the provider to publish it. */
  static PrivateDnsNameConfiguration pending(IdSource ids) {
    return PrivateDnsNameConfiguration.builder().state(DnsNameState.PENDING_VERIFICATION).type("TXT")
        .name("_" + ids.alnum(20)).value("vpce:" + ids.alnum(20)).build();
  }

  /** The domain the TXT record sits under: the name without a leading wildcard label. */
  static String domainOf(String privateDnsName) {
    return privateDnsName.startsWith("*.") ? privateDnsName.substring(2) : privateDnsName;
  }
}
