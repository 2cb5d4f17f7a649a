package dev.privatelink.server;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The CloudWatch Logs client interface served in this process (see {@link InProcessClients}), for the
 * actions the seed stack calls (none, for this one); any other throws the SDK's {@code
 * UnsupportedOperationException}.
 */
final class InProcessLogsClient extends InProcessClient implements CloudWatchLogsClient {
  InProcessLogsClient(InProcessClients.Calls calls) {
    super(calls, SERVICE_NAME);
  }
}
