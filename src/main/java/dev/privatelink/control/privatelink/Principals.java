package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.PrincipalType;

/**
 * The principals an endpoint service may allow: {@code *}, an account's root, an IAM role or an
 * IAM user. ARNs with paths are not supported, as in AWS. A caller matches a principal when it is
 * that principal, belongs to that account, or the principal is {@code *}.
 */
final class Principals {
  static final String EVERYONE = "*";
  private static final Pattern IAM = Pattern.compile(
      "arn:aws:iam::(\\d{12}):(root|role/[\\w+=,.@-]{1,64}|user/[\\w+=,.@-]{1,64})");
  private static final Pattern ASSUMED_ROLE = Pattern.compile(
      "arn:aws:sts::(\\d{12}):assumed-role/([\\w+=,.@-]{1,64})/.+");

  private Principals() {}

  /** Throws {@code InvalidPrincipal} for anything but the supported forms. */
  static String validate(String principal) {
    if (principal == null || !(EVERYONE.equals(principal) || IAM.matcher(principal).matches())) {
      throw AwsException.badRequest("InvalidPrincipal", "Invalid Principal: '" + principal + "'");
    }
    return principal;
  }

  static PrincipalType typeOf(String principal) {
    if (EVERYONE.equals(principal)) {
      return PrincipalType.ALL;
    }
    String kind = IAM.matcher(principal).replaceFirst("$2");
    if (kind.equals("root")) {
      return PrincipalType.ACCOUNT;
    }
    return kind.startsWith("role/") ? PrincipalType.ROLE : PrincipalType.USER;
  }

  /** True if a caller (its principal ARN, in its account) is covered by one of the allowed principals. */
  static boolean allows(List<String> allowed, String callerAccount, String callerPrincipal) {
    String caller = iamForm(callerPrincipal);
    String root = "arn:aws:iam::" + callerAccount + ":root";
    return allowed.stream().anyMatch(p -> p.equals(EVERYONE) || p.equals(root) || p.equals(caller));
  }

  /** An STS assumed-role session acts as its role. */
  private static String iamForm(String principal) {
    if (principal == null) {
      return "";
    }
    Matcher m = ASSUMED_ROLE.matcher(principal);
    return m.matches() ? "arn:aws:iam::" + m.group(1) + ":role/" + m.group(2) : principal;
  }
}
