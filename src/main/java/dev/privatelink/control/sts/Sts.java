package dev.privatelink.control.sts;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AWS Security Token Service: who the caller is. The UserId is the account id for the root
 * user, otherwise an id in AWS's form ({@code AIDA…} for users, {@code AROA…:<session>} for
 * assumed roles) derived from the principal ARN, so the same principal always gets the same id.
 *
 * @see <a href="https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html">GetCallerIdentity</a>
 */
public final class Sts implements ActionHandler {
  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  @ReadOnly
  public GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
    return GetCallerIdentityResponse.builder().account(ctx.accountId()).arn(ctx.principalArn())
        .userId(userId(ctx.accountId(), ctx.principalArn())).build();
  }

  static String userId(String accountId, String principalArn) {
    if (principalArn == null || principalArn.endsWith(":root")) {
      return accountId;
    }
    int resource = principalArn.indexOf(":assumed-role/");
    if (resource >= 0) {
      String[] parts = principalArn.substring(resource + ":assumed-role/".length()).split("/", 2);
      String session = parts.length > 1 ? parts[1] : "session";
      return "AROA" + suffix("role/" + parts[0] + "@" + accountId) + ":" + session;
    }
    return (principalArn.contains(":role/") ? "AROA" : "AIDA") + suffix(principalArn);
  }

  private static String suffix(String seed) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < 17; i++) {
        out.append(ID_ALPHABET[(hash[i] & 0xFF) % ID_ALPHABET.length]);
      }
      return out.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
