package dev.privatelink.server;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;


/**
 * The CloudWatch Logs client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls; any other throws the SDK's {@code UnsupportedOperationException}.
 */
final class InProcessLogsClient implements CloudWatchLogsClient {
  @SuppressWarnings("unused") // the seed makes no CloudWatch Logs call; the field keeps the shape of the others
  private final InProcessClients.Calls calls;

  InProcessLogsClient(InProcessClients.Calls calls) {
    this.calls = calls;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
