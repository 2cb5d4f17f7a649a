package dev.privatelink.control.reachability;

import dev.privatelink.control.ScopedTable;
import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsPath;

/**
 * The paths and analyses of every account and region (tags live in the shared EC2 tags). An
 * analysis is computed when it starts and kept with the moment its result is shown: until then
 * it is {@code running}, as AWS's asynchronous analysis is.
 */
final class InsightsState {
  final ScopedTable<NetworkInsightsPath> paths = new ScopedTable<>();
  final ScopedTable<Analysis> analyses = new ScopedTable<>();

  /** A finished analysis (status succeeded, tags left out) and when Describe starts to show it so. */
  record Analysis(NetworkInsightsAnalysis result, Instant shownAt) {
    String id() {
      return result.networkInsightsAnalysisId();
    }
  }

}
