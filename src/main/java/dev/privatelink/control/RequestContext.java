package dev.privatelink.control;

import dev.privatelink.model.IdSource;
import java.time.Instant;

/**
 * Who calls, where, and when: the caller's account and region, its principal ARN, the time the
 * mutation is recorded at, and the source of random ids. Control-plane code reads the time and
 * randomness only from here, so a replayed journal rebuilds the same state.
 */
public record RequestContext(String accountId, String region, String principalArn, Instant now, IdSource ids) {
  public Scope scope() {
    return new Scope(accountId, region);
  }

  /** The same request seen from another account of the region (PrivateLink crosses accounts). */
  public RequestContext inAccount(String otherAccountId) {
    return new RequestContext(otherAccountId, region, "arn:aws:iam::" + otherAccountId + ":root", now, ids);
  }

  /** The account's root principal, {@code arn:aws:iam::<account>:root}. */
  public String rootArn() {
    return "arn:aws:iam::" + accountId + ":root";
  }
}
