package dev.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Cloud;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** Calls actions on a real {@link Cloud} as one account of us-east-1, for Cloud-level tests. */
public final class CloudCalls {
  private final Cloud cloud;
  private final String accountId;

  public CloudCalls(Cloud cloud, String accountId) {
    this.cloud = cloud;
    this.accountId = accountId;
  }

  @SuppressWarnings("unchecked")
  public <T extends SdkResponse> T call(SdkRequest request) {
    return (T) cloud.call(accountId, "us-east-1", "arn:aws:iam::" + accountId + ":root", request);
  }

  /** Asserts the call fails with {@code code} and leaves the cloud's state version where it was. */
  public AwsException fails(String code, SdkRequest request) {
    long before = cloud.version();
    AwsException e = assertThrows(AwsException.class, () -> call(request));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(before, cloud.version(), "a failed call changes nothing");
    return e;
  }
}
