package dev.privatelink.api;

/**
 * Who sent a request, read from its SigV4 credential scope: the account (a 12-digit access key id
 * is that account; any other key is 000000000000), the region, and the service the request is for.
 */
public record Caller(String accessKeyId, String accountId, String region, String service, String principalArn) {
  static final String DEFAULT_ACCOUNT = "000000000000";

  static Caller of(String accessKeyId, String region, String service) {
    String account = accessKeyId.matches("\\d{12}") ? accessKeyId : DEFAULT_ACCOUNT;
    return new Caller(accessKeyId, account, region, service, "arn:aws:iam::" + account + ":root");
  }
}
