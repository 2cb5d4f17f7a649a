package dev.privatelink.control.reachability;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import dev.privatelink.control.tags.Ec2Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AnalysisStatus;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInsightsAnalysisRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInsightsAnalysisResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInsightsAnalysesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInsightsAnalysesResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsPath;
import software.amazon.awssdk.services.ec2.model.StartNetworkInsightsAnalysisRequest;
import software.amazon.awssdk.services.ec2.model.StartNetworkInsightsAnalysisResponse;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartNetworkInsightsAnalysis.html">StartNetworkInsightsAnalysis</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsAnalyses.html">DescribeNetworkInsightsAnalyses</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInsightsAnalysis.html">DeleteNetworkInsightsAnalysis</a>.
 * The analysis is computed from the state at the moment it starts (so a replay computes it
 * again identically); Start answers it {@code running}, and Describe shows it {@code running} for
 * {@link #RUNNING_FOR}, then {@code succeeded} with NetworkPathFound, the forward path components
 * and the explanations.
 */
public final class NetworkInsightsAnalyses implements ActionHandler {
  /** How long an analysis shows as running: AWS's take minutes; clients poll, and need to see it run. */
  static final Duration RUNNING_FOR = Duration.ofMillis(500);
  private final InsightsState state;
  private final Ec2Tags tags;
  private final PathEndsResolver ends;
  private final PathAnalyzer analyzer;

  NetworkInsightsAnalyses(InsightsState state, Ec2Tags tags, PathEndsResolver ends, PathAnalyzer analyzer) {
    this.state = state;
    this.tags = tags;
    this.ends = ends;
    this.analyzer = analyzer;
  }

  static AwsException notFound(String id) {
    return AwsException.badRequest("InvalidNetworkInsightsAnalysisId.NotFound",
        "The NetworkInsightsAnalysis ID '" + id + "' does not exist");
  }

  public StartNetworkInsightsAnalysisResponse startNetworkInsightsAnalysis(RequestContext ctx,
      StartNetworkInsightsAnalysisRequest request) {
    Scope scope = ctx.scope();
    String pathId = request.networkInsightsPathId();
    NetworkInsightsPath path = state.paths.find(scope, pathId).orElseThrow(() -> NetworkInsightsPaths.notFound(pathId));
    TagSpecs.validate(tags, scope, request.tagSpecifications(), "network-insights-analysis");
    Walk walk = analyzer.analyze(scope, ends.resolve(scope, path));
    String id = ctx.ids().ec2Id("nia");
    NetworkInsightsAnalysis result = NetworkInsightsAnalysis.builder().networkInsightsAnalysisId(id)
        .networkInsightsAnalysisArn(ResourceArns.of(scope.region(), scope.accountId(), id)).networkInsightsPathId(pathId)
        .startDate(ctx.now()).status(AnalysisStatus.SUCCEEDED).networkPathFound(!walk.isBlocked())
        .forwardPathComponents(walk.components()).explanations(walk.explanations())
        .filterInArns(request.filterInArns()).additionalAccounts(request.additionalAccounts()).build();
    state.analyses.put(scope, id, new InsightsState.Analysis(result, ctx.now().plus(RUNNING_FOR)));
    TagSpecs.apply(tags, scope, id, request.tagSpecifications(), "network-insights-analysis");
    return StartNetworkInsightsAnalysisResponse.builder().networkInsightsAnalysis(render(scope, result)).build();
  }

  @ReadOnly
  public DescribeNetworkInsightsAnalysesResponse describeNetworkInsightsAnalyses(RequestContext ctx,
      DescribeNetworkInsightsAnalysesRequest request) {
    Scope scope = ctx.scope();
    Instant now = ctx.now();
    List<NetworkInsightsAnalysis> shown = state.analyses.all(scope).stream()
        .filter(a -> request.networkInsightsPathId() == null || request.networkInsightsPathId().equals(a.result().networkInsightsPathId()))
        .filter(a -> request.analysisStartTime() == null || !a.result().startDate().isBefore(request.analysisStartTime()))
        .filter(a -> request.analysisEndTime() == null || !a.result().startDate().isAfter(request.analysisEndTime()))
        .map(a -> now.isBefore(a.shownAt()) ? running(a.result()) : a.result()).toList();
    Filters<NetworkInsightsAnalysis> filters = Filters.<NetworkInsightsAnalysis>of(a -> tags.map(scope, a.networkInsightsAnalysisId()))
        .one("status", NetworkInsightsAnalysis::statusAsString)
        .one("path-found", a -> a.networkPathFound() == null ? "" : a.networkPathFound().toString()).build();
    Page<NetworkInsightsAnalysis> page = Describe.of(NetworkInsightsAnalysis::networkInsightsAnalysisId,
        NetworkInsightsAnalyses::notFound, filters).page(shown, request.networkInsightsAnalysisIds(), request.filters(),
        request.maxResults(), request.nextToken());
    return DescribeNetworkInsightsAnalysesResponse.builder()
        .networkInsightsAnalyses(page.map(a -> a.toBuilder().tags(tags.of(scope, a.networkInsightsAnalysisId())).build()).items())
        .nextToken(page.nextToken()).build();
  }

  public DeleteNetworkInsightsAnalysisResponse deleteNetworkInsightsAnalysis(RequestContext ctx,
      DeleteNetworkInsightsAnalysisRequest request) {
    Scope scope = ctx.scope();
    String id = request.networkInsightsAnalysisId();
    state.analyses.find(scope, id).orElseThrow(() -> notFound(id));
    state.analyses.remove(scope, id);
    tags.drop(scope, id);
    return DeleteNetworkInsightsAnalysisResponse.builder().networkInsightsAnalysisId(id).build();
  }

  private NetworkInsightsAnalysis render(Scope scope, NetworkInsightsAnalysis result) {
    return running(result).toBuilder().tags(tags.of(scope, result.networkInsightsAnalysisId())).build();
  }

  /** The analysis as it shows while it runs: no result yet. */
  private static NetworkInsightsAnalysis running(NetworkInsightsAnalysis result) {
    return result.toBuilder().status(AnalysisStatus.RUNNING).networkPathFound((Boolean) null)
        .forwardPathComponents((java.util.Collection<software.amazon.awssdk.services.ec2.model.PathComponent>) null)
        .explanations((java.util.Collection<software.amazon.awssdk.services.ec2.model.Explanation>) null).build();
  }
}
