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
import dev.privatelink.model.Ipv4;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInsightsPathRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInsightsPathResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInsightsPathRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInsightsPathResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInsightsPathsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInsightsPathsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsPath;
import software.amazon.awssdk.services.ec2.model.PathFilter;
import software.amazon.awssdk.services.ec2.model.PathRequestFilter;
import software.amazon.awssdk.services.ec2.model.Protocol;
import software.amazon.awssdk.services.ec2.model.RequestFilterPortRange;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkInsightsPath.html">CreateNetworkInsightsPath</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsPaths.html">DescribeNetworkInsightsPaths</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInsightsPath.html">DeleteNetworkInsightsPath</a>:
 * a path names a source (required), a destination or destination address, the protocol and the
 * destination port; both ends must exist in the caller's account.
 */
public final class NetworkInsightsPaths implements ActionHandler {
  private final InsightsState state;
  private final Ec2Tags tags;
  private final PathEndsResolver ends;

  NetworkInsightsPaths(InsightsState state, Ec2Tags tags, PathEndsResolver ends) {
    this.state = state;
    this.tags = tags;
    this.ends = ends;
  }

  static AwsException notFound(String id) {
    return AwsException.badRequest("InvalidNetworkInsightsPathId.NotFound", "The NetworkInsightsPath ID '" + id + "' does not exist");
  }

  public CreateNetworkInsightsPathResponse createNetworkInsightsPath(RequestContext ctx, CreateNetworkInsightsPathRequest request) {
    Scope scope = ctx.scope();
    validate(scope, request);
    TagSpecs.validate(tags, scope, request.tagSpecifications(), "network-insights-path");
    String id = ctx.ids().ec2Id("nip");
    NetworkInsightsPath path = NetworkInsightsPath.builder().networkInsightsPathId(id)
        .networkInsightsPathArn(ResourceArns.of(scope.region(), scope.accountId(), id)).createdDate(ctx.now())
        .source(request.source()).sourceArn(ResourceArns.of(scope.region(), scope.accountId(), request.source()))
        .destination(request.destination())
        .destinationArn(request.destination() == null ? null : ResourceArns.of(scope.region(), scope.accountId(), request.destination()))
        .sourceIp(request.sourceIp()).destinationIp(request.destinationIp()).protocol(request.protocolAsString())
        .destinationPort(request.destinationPort()).filterAtSource(filter(request.filterAtSource()))
        .filterAtDestination(filter(request.filterAtDestination())).build();
    state.paths.put(scope, id, path);
    TagSpecs.apply(tags, scope, id, request.tagSpecifications(), "network-insights-path");
    return CreateNetworkInsightsPathResponse.builder().networkInsightsPath(render(scope, path)).build();
  }

  @ReadOnly
  public DescribeNetworkInsightsPathsResponse describeNetworkInsightsPaths(RequestContext ctx,
      DescribeNetworkInsightsPathsRequest request) {
    Scope scope = ctx.scope();
    Filters<NetworkInsightsPath> filters = Filters.<NetworkInsightsPath>of(p -> tags.map(scope, p.networkInsightsPathId()))
        .one("source", NetworkInsightsPath::source).one("destination", orNone(NetworkInsightsPath::destination))
        .one("protocol", NetworkInsightsPath::protocolAsString)
        .one("filter-at-source.source-address", orNone(p -> address(p.filterAtSource(), true)))
        .one("filter-at-source.destination-address", orNone(p -> address(p.filterAtSource(), false)))
        .one("filter-at-destination.source-address", orNone(p -> address(p.filterAtDestination(), true)))
        .one("filter-at-destination.destination-address", orNone(p -> address(p.filterAtDestination(), false)))
        .build();
    Page<NetworkInsightsPath> page = Describe.of(NetworkInsightsPath::networkInsightsPathId, NetworkInsightsPaths::notFound, filters)
        .page(state.paths.all(scope), request.networkInsightsPathIds(), request.filters(), request.maxResults(),
            request.nextToken());
    return DescribeNetworkInsightsPathsResponse.builder().networkInsightsPaths(page.map(p -> render(scope, p)).items())
        .nextToken(page.nextToken()).build();
  }

  public DeleteNetworkInsightsPathResponse deleteNetworkInsightsPath(RequestContext ctx, DeleteNetworkInsightsPathRequest request) {
    Scope scope = ctx.scope();
    String id = request.networkInsightsPathId();
    state.paths.find(scope, id).orElseThrow(() -> notFound(id));
    state.paths.remove(scope, id);
    tags.drop(scope, id);
    return DeleteNetworkInsightsPathResponse.builder().networkInsightsPathId(id).build();
  }

  private void validate(Scope scope, CreateNetworkInsightsPathRequest request) {
    if (request.protocol() != Protocol.TCP && request.protocol() != Protocol.UDP) {
      throw AwsException.invalidParameterValue("Value (" + request.protocolAsString()
          + ") for parameter protocol is invalid. Valid values are: tcp, udp");
    }
    if (request.destinationPort() != null && (request.destinationPort() < 0 || request.destinationPort() > 65535)) {
      throw AwsException.invalidParameterValue("DestinationPort must be between 0 and 65535");
    }
    for (String ip : java.util.Arrays.asList(request.sourceIp(), request.destinationIp())) {
      if (ip != null && !Ipv4.isValid(ip)) {
        throw AwsException.invalidParameterValue("Value (" + ip + ") is not a valid IPv4 address");
      }
    }
    if (request.destination() == null && request.destinationIp() == null) {
      throw AwsException.missingParameter("The request must contain the parameter Destination or DestinationIp");
    }
    ends.requireExists(scope, request.source());
    if (request.destination() != null) {
      ends.requireExists(scope, request.destination());
    }
  }

  private NetworkInsightsPath render(Scope scope, NetworkInsightsPath path) {
    return path.toBuilder().tags(tags.of(scope, path.networkInsightsPathId())).build();
  }

  private static @Nullable PathFilter filter(@Nullable PathRequestFilter f) {
    if (f == null) {
      return null;
    }
    return PathFilter.builder().sourceAddress(f.sourceAddress()).destinationAddress(f.destinationAddress())
        .sourcePortRange(range(f.sourcePortRange())).destinationPortRange(range(f.destinationPortRange())).build();
  }

  private static software.amazon.awssdk.services.ec2.model.@Nullable FilterPortRange range(@Nullable RequestFilterPortRange r) {
    return r == null ? null : software.amazon.awssdk.services.ec2.model.FilterPortRange.builder()
        .fromPort(r.fromPort()).toPort(r.toPort()).build();
  }

  private static @Nullable String address(@Nullable PathFilter f, boolean source) {
    return f == null ? null : source ? f.sourceAddress() : f.destinationAddress();
  }

  private static Function<NetworkInsightsPath, Object> orNone(Function<NetworkInsightsPath, @Nullable String> value) {
    return p -> {
      String v = value.apply(p);
      return v == null ? "" : v;
    };
  }
}
