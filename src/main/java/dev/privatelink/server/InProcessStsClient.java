package dev.privatelink.server;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The STS client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls; any other throws the SDK's {@code UnsupportedOperationException}.
 */
final class InProcessStsClient implements StsClient {
  private final InProcessClients.Calls calls;

  InProcessStsClient(InProcessClients.Calls calls) {
    this.calls = calls;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  @Override
  public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
    return calls.call(request, GetCallerIdentityResponse.class);
  }
}
