package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.*;

/**
 * The provider's view of the endpoints connected to its services, and its answer to them: accept
 * ({@code pendingAcceptance} → {@code pending}, then {@code available} when the data plane is
 * ready) or reject ({@code rejected}; an accepted connection may be rejected too and then carries
 * nothing). Per-endpoint failures come back as unsuccessful items.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AcceptVpcEndpointConnections.html">AcceptVpcEndpointConnections</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RejectVpcEndpointConnections.html">RejectVpcEndpointConnections</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointConnections.html">DescribeVpcEndpointConnections</a>
 */
public final class EndpointConnections implements ActionHandler {
  private static final Set<EndpointState> REJECTABLE = EnumSet.of(EndpointState.PENDING_ACCEPTANCE, EndpointState.PENDING, EndpointState.AVAILABLE);
  private final PrivateLinkState state;
  private final EndpointViews views;
  private final Filters<VpcEndpointConnection> filters = Filters.<VpcEndpointConnection>of(c -> Map.of())
      .one("ip-address-type", VpcEndpointConnection::ipAddressTypeAsString)
      .one("service-id", VpcEndpointConnection::serviceId)
      .one("vpc-endpoint-owner", VpcEndpointConnection::vpcEndpointOwner)
      .one("vpc-endpoint-region", VpcEndpointConnection::vpcEndpointRegion)
      .one("vpc-endpoint-state", VpcEndpointConnection::vpcEndpointStateAsString)
      .one("vpc-endpoint-id", VpcEndpointConnection::vpcEndpointId)
      .build();

  EndpointConnections(PrivateLinkState state, EndpointViews views) {
    this.state = state;
    this.views = views;
  }

  public AcceptVpcEndpointConnectionsResponse acceptVpcEndpointConnections(RequestContext ctx,
      AcceptVpcEndpointConnectionsRequest request) {
    var unsuccessful = answer(ctx, request.serviceId(), request.vpcEndpointIds(),
        EnumSet.of(EndpointState.PENDING_ACCEPTANCE), EndpointState.PENDING, Notifier.ACCEPT);
    return AcceptVpcEndpointConnectionsResponse.builder().unsuccessful(unsuccessful).build();
  }

  public RejectVpcEndpointConnectionsResponse rejectVpcEndpointConnections(RequestContext ctx,
      RejectVpcEndpointConnectionsRequest request) {
    var unsuccessful = answer(ctx, request.serviceId(), request.vpcEndpointIds(), REJECTABLE, EndpointState.REJECTED,
        Notifier.REJECT);
    return RejectVpcEndpointConnectionsResponse.builder().unsuccessful(unsuccessful).build();
  }

  @ReadOnly
  public DescribeVpcEndpointConnectionsResponse describeVpcEndpointConnections(RequestContext ctx,
      DescribeVpcEndpointConnectionsRequest request) {
    Scope scope = ctx.scope();
    List<VpcEndpointConnection> all = state.services.all(scope).stream()
        .flatMap(s -> state.connectionsOf(scope, s.id()).stream())
        .map(e -> views.connection(e.getValue())).toList();
    // An endpoint connects to one service: its id keys the pages.
    var page = Describe.of(VpcEndpointConnection::vpcEndpointId, filters).page(all, List.of(), request.filters(),
        request.maxResults(), request.nextToken());
    return DescribeVpcEndpointConnectionsResponse.builder()
        .vpcEndpointConnections(page.items()).nextToken(page.nextToken()).build();
  }

  /** Moves each named connection of the caller's service from one of {@code from} to {@code to}. */
  private List<UnsuccessfulItem> answer(RequestContext ctx, String serviceId, List<String> endpointIds,
      Set<EndpointState> from, EndpointState to, String event) {
    Scope scope = ctx.scope();
    state.service(scope, Requests.required(serviceId, "ServiceId"));
    List<UnsuccessfulItem> unsuccessful = new ArrayList<>();
    for (String id : Requests.distinct(Requests.requiredList(endpointIds, "VpcEndpointIds"))) {
      Optional<Map.Entry<Scope, Endpoint>> found = state.connectionsOf(scope, serviceId).stream()
          .filter(e -> e.getValue().id().equals(id)).findFirst();
      if (found.isEmpty()) {
        unsuccessful.add(Errors.unsuccessful(id, Errors.endpointNotFound(id)));
      } else if (!from.contains(found.get().getValue().state())) {
        unsuccessful.add(Errors.unsuccessful(id, AwsException.badRequest("InvalidState", "The VPC endpoint " + id
            + " is in state " + found.get().getValue().state() + " and cannot be " + (to == EndpointState.REJECTED
            ? "rejected" : "accepted") + ".")));
      } else {
        Endpoint changed = found.get().getValue().withState(to);
        state.endpoints.put(found.get().getKey(), id, changed);
        Notifier.fire(state, found.get().getKey(), changed, event, ctx.now());
      }
    }
    return unsuccessful;
  }
}
