package dev.privatelink.control.privatelink;

import dev.privatelink.control.Network;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.prefixlist.AwsPrefixLists;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.IpAddressType;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Gateway endpoints to S3 and DynamoDB: no interfaces and no DNS names, a route in each of its
 * route tables whose destination is the service's AWS-managed prefix list and whose target is the
 * endpoint. It is {@code available} at once, as on AWS, and goes at once when deleted, its routes
 * with it. Every change validates all of its route tables before any route is written.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html">Gateway endpoints</a>
 */
final class GatewayEndpoints {
  private final PrivateLinkState state;

  GatewayEndpoints(PrivateLinkState state) {
    this.state = state;
  }

  /** Validates a Gateway CreateVpcEndpoint and makes the endpoint with its routes (not yet stored). */
  Endpoint create(RequestContext ctx, CreateVpcEndpointRequest request) {
    Scope scope = ctx.scope();
    String vpcId = state.network().vpc(scope, Requests.required(request.vpcId(), "VpcId")).vpcId();
    String serviceName = Requests.required(request.serviceName(), "ServiceName");
    var service = gatewayService(ctx, serviceName);
    if (!request.subnetIds().isEmpty() || !request.securityGroupIds().isEmpty()
        || Boolean.TRUE.equals(request.privateDnsEnabled())) {
      throw Errors.invalidParameter("Subnets, security groups and private DNS can only be specified for Interface endpoints.");
    }
    List<String> tables = Requests.distinct(request.routeTableIds());
    tables.forEach(id -> checkTable(scope, vpcId, id));
    String id = ctx.ids().ec2Id("vpce");
    String prefixList = prefixListOf(ctx.region(), serviceName);
    addRoutes(scope, tables, prefixList, id);
    var endpoint = VpcEndpoint.builder().vpcEndpointId(id).vpcEndpointType(VpcEndpointType.GATEWAY).vpcId(vpcId)
        .serviceName(serviceName).state(EndpointState.AVAILABLE.toString())
        .policyDocument(request.policyDocument() == null ? VpcEndpoints.FULL_ACCESS_POLICY : request.policyDocument())
        .routeTableIds(tables).subnetIds(List.of()).groups(List.of()).networkInterfaceIds(List.of())
        .ipAddressType(IpAddressType.IPV4).privateDnsEnabled(false).requesterManaged(false)
        .creationTimestamp(ctx.now()).ownerId(ctx.accountId()).serviceRegion(ctx.region()).build();
    return new Endpoint(endpoint, AwsServices.scope(ctx.region()), service.serviceId(ctx.region(), VpcEndpointType.GATEWAY),
        "", null, null, List.of());
  }

  /** Applies ModifyVpcEndpoint to a gateway endpoint: route tables and policy. */
  Endpoint modify(RequestContext ctx, Endpoint endpoint, ModifyVpcEndpointRequest request) {
    Scope scope = ctx.scope();
    if (!request.addSubnetIds().isEmpty() || !request.removeSubnetIds().isEmpty() || !request.addSecurityGroupIds().isEmpty()
        || !request.removeSecurityGroupIds().isEmpty() || request.privateDnsEnabled() != null) {
      throw Errors.invalidParameter("Subnets, security groups and private DNS can only be specified for Interface endpoints.");
    }
    Set<String> tables = new LinkedHashSet<>(endpoint.endpoint().routeTableIds());
    List<String> removed = Requests.distinct(request.removeRouteTableIds());
    List<String> added = Requests.distinct(request.addRouteTableIds());
    for (String id : removed) {
      if (!tables.contains(id) || added.contains(id)) {
        throw Errors.invalidParameter("The route table " + id + " is not associated with " + endpoint.id() + ".");
      }
    }
    added.forEach(id -> checkTable(scope, endpoint.endpoint().vpcId(), id));
    addRoutes(scope, added, prefixListOf(ctx.region(), endpoint.endpoint().serviceName()), endpoint.id());
    removed.forEach(id -> state.network().removeEndpointRoutes(scope, id, endpoint.id()));
    tables.removeAll(removed);
    tables.addAll(added);
    String policy = Boolean.TRUE.equals(request.resetPolicy()) ? VpcEndpoints.FULL_ACCESS_POLICY
        : request.policyDocument() != null ? request.policyDocument() : endpoint.endpoint().policyDocument();
    return endpoint.with(endpoint.endpoint().toBuilder().routeTableIds(List.copyOf(tables)).policyDocument(policy).build());
  }

  /** Removes the endpoint's routes from its route tables. */
  void removeRoutes(Scope scope, Endpoint endpoint) {
    endpoint.endpoint().routeTableIds().forEach(id -> state.network().removeEndpointRoutes(scope, id, endpoint.id()));
  }

  private AwsServices.AwsService gatewayService(RequestContext ctx, String serviceName) {
    var aws = AwsServices.named(ctx.region(), serviceName).filter(AwsServices.AwsService::gateway);
    if (aws.isPresent()) {
      return aws.get();
    }
    boolean exists = state.interfaceServiceNamed(ctx.region(), serviceName)
        .filter(e -> EndpointViews.isVisible(ctx, e.getValue())).isPresent();
    throw exists ? EndpointRequests.typeMismatch(VpcEndpointType.GATEWAY.toString(), List.of(VpcEndpointType.INTERFACE))
        : Errors.invalidServiceName(serviceName);
  }

  private static String prefixListOf(String region, String serviceName) {
    return AwsPrefixLists.byName(region, serviceName).orElseThrow().id();
  }

  private void checkTable(Scope scope, String vpcId, String routeTableId) {
    Network.RouteTableInfo table = state.network().routeTable(scope, routeTableId);
    if (!table.vpcId().equals(vpcId)) {
      throw Errors.invalidParameter("The route table " + routeTableId + " does not belong to the VPC " + vpcId + ".");
    }
  }

  /** Adds the routes; if one table refuses (it has a route to the list already), removes those added. */
  private void addRoutes(Scope scope, List<String> tables, String prefixListId, String endpointId) {
    List<String> done = new ArrayList<>();
    try {
      for (String table : tables) {
        state.network().addEndpointRoute(scope, table, prefixListId, endpointId);
        done.add(table);
      }
    } catch (RuntimeException e) {
      done.forEach(table -> state.network().removeEndpointRoutes(scope, table, endpointId));
      throw e;
    }
  }
}
