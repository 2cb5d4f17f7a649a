package dev.privatelink.server;

import software.amazon.awssdk.services.sts.StsClient;

/**
 * The STS client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls (none, for this one); any other throws the SDK's {@code
 * UnsupportedOperationException}.
 */
final class InProcessStsClient extends InProcessClient implements StsClient {
  InProcessStsClient(InProcessClients.Calls calls) {
    super(calls, SERVICE_NAME);
  }
}
