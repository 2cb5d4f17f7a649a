package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network;
import dev.privatelink.control.Network.SubnetInfo;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.*;

/**
 * The consumer's VPC endpoints: create (an interface endpoint gets one managed ENI per subnet, a
 * gateway endpoint routes, see {@link GatewayEndpoints}), describe and delete.
 * An endpoint is {@code pendingAcceptance} while its service requires acceptance, then
 * {@code pending} until the data plane reports it ready ({@code available}); a deleted endpoint
 * is {@code deleting} until the data plane reports it gone, then it disappears.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html">CreateVpcEndpoint</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html">DescribeVpcEndpoints</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html">DeleteVpcEndpoints</a>
 */
public final class VpcEndpoints implements ActionHandler {
  static final String RESOURCE_TYPE = "vpc-endpoint";
  static final int ENDPOINTS_PER_VPC = 50;
  private static final String TOKEN_KIND = "endpoint";
  /**
   * The policy AWS shows on an endpoint created without one: full access. Endpoint services take
   * no other (VpcEndpointPolicySupported false); AWS's own services do.
   */
  static final String FULL_ACCESS_POLICY =
      "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private final PrivateLinkState state;
  private final EndpointViews views;
  private final GatewayEndpoints gateways;
  private final Filters<VpcEndpoint> filters = Filters.<VpcEndpoint>of(e -> ServiceSettings.tagMap(e.tags()))
      .one("ip-address-type", VpcEndpoint::ipAddressTypeAsString)
      .one("service-name", VpcEndpoint::serviceName)
      .one("service-region", VpcEndpoint::serviceRegion)
      .one("vpc-id", VpcEndpoint::vpcId)
      .one("vpc-endpoint-id", VpcEndpoint::vpcEndpointId)
      .one("vpc-endpoint-state", VpcEndpoint::stateAsString)
      .one("vpc-endpoint-type", VpcEndpoint::vpcEndpointTypeAsString)
      .build();

  VpcEndpoints(PrivateLinkState state, EndpointViews views) {
    this.state = state;
    this.views = views;
    this.gateways = new GatewayEndpoints(state);
  }

  public CreateVpcEndpointResponse createVpcEndpoint(RequestContext ctx, CreateVpcEndpointRequest request) {
    Scope scope = ctx.scope();
    var earlier = state.idForToken(scope, TOKEN_KIND, request.clientToken()).flatMap(id -> state.endpoints.find(scope, id));
    if (earlier.isPresent()) {
      return CreateVpcEndpointResponse.builder().vpcEndpoint(views.endpoint(scope, earlier.get()))
          .clientToken(request.clientToken()).build();
    }
    var tags = Requests.tags(state.tags, scope, request.tagSpecifications(), RESOURCE_TYPE);
    Endpoint endpoint = EndpointRequests.type(request) == VpcEndpointType.GATEWAY ? gateways.create(ctx, request)
        : createInterface(ctx, EndpointRequests.plan(ctx, state, request));
    state.endpoints.put(scope, endpoint.id(), endpoint);
    state.tags.put(scope, endpoint.id(), tags);
    state.rememberToken(scope, TOKEN_KIND, request.clientToken(), endpoint.id());
    if (!endpoint.isGateway()) {
      Notifier.fire(state, scope, endpoint, Notifier.CONNECT, ctx.now());
    }
    return CreateVpcEndpointResponse.builder().vpcEndpoint(views.endpoint(scope, endpoint))
        .clientToken(request.clientToken()).build();
  }

  @ReadOnly
  public DescribeVpcEndpointsResponse describeVpcEndpoints(RequestContext ctx, DescribeVpcEndpointsRequest request) {
    Scope scope = ctx.scope();
    List<Endpoint> chosen = Describe.select(state.endpoints.all(scope), request.vpcEndpointIds(), Endpoint::id,
        Errors::endpointNotFound);
    var page = Describe.of(VpcEndpoint::vpcEndpointId, filters).page(chosen.stream().map(e -> views.endpoint(scope, e))
        .toList(), List.of(), request.filters(), request.maxResults(), request.nextToken());
    return DescribeVpcEndpointsResponse.builder().vpcEndpoints(page.items()).nextToken(page.nextToken()).build();
  }

  /** Starts deleting each endpoint: its interfaces are released now, the endpoint goes once the host lets go. */
  public DeleteVpcEndpointsResponse deleteVpcEndpoints(RequestContext ctx, DeleteVpcEndpointsRequest request) {
    Scope scope = ctx.scope();
    List<UnsuccessfulItem> unsuccessful = new ArrayList<>();
    for (String id : Requests.distinct(Requests.requiredList(request.vpcEndpointIds(), "VpcEndpointIds"))) {
      var found = state.endpoints.find(scope, id);
      if (found.isEmpty()) {
        unsuccessful.add(Errors.unsuccessful(id, Errors.endpointNotFound(id)));
      } else if (found.get().isGateway()) {
        deleteGateway(scope, found.get());
      } else if (found.get().state() != EndpointState.DELETING) {
        startDeleting(ctx, found.get());
      }
    }
    return DeleteVpcEndpointsResponse.builder().unsuccessful(unsuccessful).build();
  }

  /** A gateway endpoint has nothing on the host: it and its routes go at once. */
  private void deleteGateway(Scope scope, Endpoint endpoint) {
    gateways.removeRoutes(scope, endpoint);
    state.endpoints.remove(scope, endpoint.id());
    state.tags.drop(scope, endpoint.id());
  }

  private void startDeleting(RequestContext ctx, Endpoint endpoint) {
    endpoint.interfaces().forEach(eni -> state.network().deleteManagedInterface(ctx.scope(), eni.networkInterfaceId()));
    var deleting = endpoint.with(endpoint.endpoint().toBuilder().state(EndpointState.DELETING.toString())
        .subnetIds(List.of()).networkInterfaceIds(List.of()).build(), List.of());
    state.endpoints.put(ctx.scope(), endpoint.id(), deleting);
    Notifier.fire(state, ctx.scope(), deleting, Notifier.DELETE, ctx.now());
  }

  private Endpoint createInterface(RequestContext ctx, EndpointRequests.Plan plan) {
    if (state.endpoints.where(ctx.scope(), e -> e.endpoint().vpcId().equals(plan.vpc().vpcId()) && !e.isGateway()).size()
        >= ENDPOINTS_PER_VPC) {
      throw AwsException.badRequest("VpcEndpointLimitExceeded", "The maximum number of VPC endpoints ("
          + ENDPOINTS_PER_VPC + ") for " + plan.vpc().vpcId() + " has been reached.");
    }
    String id = ctx.ids().ec2Id("vpce");
    Network network = state.network();
    List<String> groupIds = plan.groups().stream().map(SecurityGroupIdentifier::groupId).toList();
    var interfaces = EndpointPlacement.createInterfaces(ctx, network, plan.subnets(), groupIds, id,
        plan.service().ownerId());
    boolean accept = Boolean.TRUE.equals(plan.service().config().acceptanceRequired());
    var vpcEndpoint = VpcEndpoint.builder().vpcEndpointId(id).vpcEndpointType(VpcEndpointType.INTERFACE)
        .vpcId(plan.vpc().vpcId()).serviceName(plan.service().name())
        .state((accept ? EndpointState.PENDING_ACCEPTANCE : EndpointState.PENDING).toString())
        .policyDocument(plan.policyDocument()).routeTableIds(List.of())
        .subnetIds(plan.subnets().stream().map(SubnetInfo::subnetId).toList()).groups(plan.groups())
        .ipAddressType(IpAddressType.IPV4).dnsOptions(DnsOptions.builder().dnsRecordIpType(DnsRecordIpType.IPV4).build())
        .privateDnsEnabled(plan.privateDnsEnabled()).requesterManaged(false)
        .networkInterfaceIds(interfaces.stream().map(Endpoint.EndpointInterface::networkInterfaceId).toList())
        .creationTimestamp(ctx.now()).ownerId(ctx.accountId()).serviceRegion(plan.serviceScope().region()).build();
    return new Endpoint(vpcEndpoint, plan.serviceScope(), plan.service().id(), ctx.ids().alnum(8),
        "Z" + ctx.ids().hex(20).toUpperCase(java.util.Locale.ROOT), ctx.ids().ec2Id("vpce-con"), interfaces);
  }

  static Set<String> zonesOf(Endpoint endpoint) {
    return Set.copyOf(endpoint.interfaces().stream().map(Endpoint.EndpointInterface::availabilityZone).toList());
  }
}
