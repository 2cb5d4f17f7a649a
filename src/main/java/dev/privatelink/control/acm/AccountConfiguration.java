package dev.privatelink.control.acm;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ScopedTable;
import software.amazon.awssdk.services.acm.model.ExpiryEventsConfiguration;
import software.amazon.awssdk.services.acm.model.GetAccountConfigurationRequest;
import software.amazon.awssdk.services.acm.model.GetAccountConfigurationResponse;
import software.amazon.awssdk.services.acm.model.PutAccountConfigurationRequest;
import software.amazon.awssdk.services.acm.model.PutAccountConfigurationResponse;

/**
 * ACM's account configuration: <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_GetAccountConfiguration.html">GetAccountConfiguration</a>
 * and <a href="https://docs.aws.amazon.com/acm/latest/APIReference/API_PutAccountConfiguration.html">PutAccountConfiguration</a>:
 * how many days before expiry ACM starts sending expiry events (45 unless set), per account and region.
 */
public final class AccountConfiguration implements ActionHandler {
  static final int DEFAULT_DAYS = 45;
  private final ScopedTable<Integer> daysBeforeExpiry;

  /** @param daysBeforeExpiry the setting per scope, held by the certificates' feature so that it is state */
  AccountConfiguration(ScopedTable<Integer> daysBeforeExpiry) {
    this.daysBeforeExpiry = daysBeforeExpiry;
  }

  @ReadOnly
  public GetAccountConfigurationResponse getAccountConfiguration(RequestContext ctx, GetAccountConfigurationRequest request) {
    int days = daysBeforeExpiry.find(ctx.scope(), "expiry").orElse(DEFAULT_DAYS);
    return GetAccountConfigurationResponse.builder()
        .expiryEvents(ExpiryEventsConfiguration.builder().daysBeforeExpiry(days).build()).build();
  }

  public PutAccountConfigurationResponse putAccountConfiguration(RequestContext ctx, PutAccountConfigurationRequest request) {
    String token = request.idempotencyToken();
    if (token == null || !token.matches("\\w{1,32}")) {
      throw CertificateRequests.validation("idempotencyToken", token, token == null ? "Member must not be null"
          : "Member must satisfy regular expression pattern: \\w+");
    }
    Integer days = request.expiryEvents() == null ? null : request.expiryEvents().daysBeforeExpiry();
    if (days != null && (days < 1 || days > DEFAULT_DAYS)) {
      throw AwsException.badRequest("ValidationException", "DaysBeforeExpiry must be between 1 and 45");
    }
    if (days != null) {
      daysBeforeExpiry.put(ctx.scope(), "expiry", days);
    }
    return PutAccountConfigurationResponse.builder().build();
  }
}
