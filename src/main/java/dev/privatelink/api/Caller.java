package dev.privatelink.api;

/**
 * Who sent a request, read from its SigV4 credential scope: the account (a 12-digit access key id
 * is that account; any other key is 000000000000), the region, and the service the request is for.
 */
public record Caller(String accessKeyId, String accountId, String region, String service, String principalArn) {
  static final String DEFAULT_ACCOUNT = "000000000000";

  static Caller of(String accessKeyId, String region, String service) {
    String account = isAccountId(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT;
    return new Caller(accessKeyId, account, region, service, "arn:aws:iam::" + account + ":root");
  }

  /** Twelve ASCII digits; a loop rather than a regular expression compiled on every call. */
  private static boolean isAccountId(String key) {
    if (key.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
