package dev.privatelink.control.ec2.routetable;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Route;
import dev.privatelink.model.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;

/**
 * Routes: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html">CreateRoute</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRoute.html">ReplaceRoute</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteRoute.html">DeleteRoute</a>,
 * to an internet gateway, a network interface, an instance or a gateway VPC endpoint. The
 * {@code local} route cannot be removed.
 */
public final class RouteActions implements ActionHandler {
  private final Ec2State state;

  public RouteActions(Ec2State state) {
    this.state = state;
  }

  public CreateRouteResponse createRoute(RequestContext ctx, CreateRouteRequest request) {
    Scope scope = ctx.scope();
    RouteTableRecord table = state.routeTable(scope, request.routeTableId());
    String destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock());
    Route route = target(scope, table, destination, targets(request.gatewayId(), request.networkInterfaceId(),
        request.instanceId(), request.vpcEndpointId(), request.natGatewayId(), request.transitGatewayId(),
        request.vpcPeeringConnectionId(), request.egressOnlyInternetGatewayId()));
    if (find(table, destination) >= 0) {
      throw AwsException.badRequest("RouteAlreadyExists", "The route identified by " + destination + " already exists.");
    }
    state.routeTables().put(scope, table.routeTableId(), table.withRoutes(list -> {
      list.add(route);
      return list;
    }));
    return CreateRouteResponse.builder().returnValue(true).build();
  }

  public ReplaceRouteResponse replaceRoute(RequestContext ctx, ReplaceRouteRequest request) {
    Scope scope = ctx.scope();
    RouteTableRecord table = state.routeTable(scope, request.routeTableId());
    String destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock());
    int index = requireRoute(table, destination);
    Route route = target(scope, table, destination, targets(request.gatewayId(), request.networkInterfaceId(),
        request.instanceId(), request.vpcEndpointId(), request.natGatewayId(), request.transitGatewayId(),
        request.vpcPeeringConnectionId(), request.egressOnlyInternetGatewayId()));
    if (table.routes().get(index).isLocal()) {
      throw AwsException.invalidParameterValue("cannot replace local route " + destination + " in route table " + table.routeTableId());
    }
    state.routeTables().put(scope, table.routeTableId(), table.withRoutes(list -> {
      list.set(index, route);
      return list;
    }));
    return ReplaceRouteResponse.builder().build();
  }

  public DeleteRouteResponse deleteRoute(RequestContext ctx, DeleteRouteRequest request) {
    Scope scope = ctx.scope();
    RouteTableRecord table = state.routeTable(scope, request.routeTableId());
    String destination = destination(request.destinationCidrBlock(), request.destinationIpv6CidrBlock());
    int index = requireRoute(table, destination);
    if (table.routes().get(index).isLocal()) {
      throw AwsException.invalidParameterValue("cannot remove local route " + destination + " in route table " + table.routeTableId());
    }
    state.routeTables().put(scope, table.routeTableId(), table.withRoutes(list -> {
      list.remove(index);
      return list;
    }));
    return DeleteRouteResponse.builder().build();
  }

  private static String destination(String ipv4, String ipv6) {
    if (ipv6 != null) {
      throw AwsException.invalidParameterValue("IPv6 routes are not supported: the VPC has no IPv6 CIDR block");
    }
    if (ipv4 == null) {
      throw Ec2Errors.required("destinationCidrBlock");
    }
    try {
      return Cidr.parse(ipv4).toString();
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("Value (" + ipv4 + ") for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.");
    }
  }

  private static List<Map.Entry<RouteTargetKind, String>> targets(String gateway, String eni, String instance, String endpoint,
      String nat, String transit, String peering, String egressOnly) {
    List<Map.Entry<RouteTargetKind, String>> out = new ArrayList<>();
    add(out, RouteTargetKind.GATEWAY, gateway);
    add(out, RouteTargetKind.NETWORK_INTERFACE, eni);
    add(out, RouteTargetKind.INSTANCE, instance);
    add(out, RouteTargetKind.VPC_ENDPOINT, endpoint);
    add(out, RouteTargetKind.NAT_GATEWAY, nat);
    add(out, RouteTargetKind.TRANSIT_GATEWAY, transit);
    add(out, RouteTargetKind.VPC_PEERING_CONNECTION, peering);
    add(out, RouteTargetKind.EGRESS_ONLY_INTERNET_GATEWAY, egressOnly);
    return out;
  }

  private static void add(List<Map.Entry<RouteTargetKind, String>> out, RouteTargetKind kind, String id) {
    if (id != null) {
      out.add(Map.entry(kind, id));
    }
  }

  private Route target(Scope scope, RouteTableRecord table, String destination, List<Map.Entry<RouteTargetKind, String>> targets) {
    if (targets.size() != 1) {
      throw targets.isEmpty() ? Ec2Errors.required("target")
          : AwsException.invalidParameterCombination("The parameter " + targets.get(0).getKey()
              + " cannot be used with the parameter " + targets.get(1).getKey());
    }
    RouteTargetKind kind = targets.get(0).getKey();
    String id = targets.get(0).getValue();
    switch (kind) {
      case GATEWAY -> checkGateway(scope, table, destination, id);
      case NETWORK_INTERFACE -> {
        if (!state.networkInterface(scope, id).vpcId().equals(table.vpcId())) {
          throw differentNetworks(table, id);
        }
      }
      case INSTANCE -> {
        if (!state.instance(scope, id).launch().vpcId().equals(table.vpcId())) {
          throw differentNetworks(table, id);
        }
      }
      case VPC_ENDPOINT -> state.taggable().requireExists(scope, id);
      case LOCAL, NAT_GATEWAY, TRANSIT_GATEWAY, VPC_PEERING_CONNECTION, EGRESS_ONLY_INTERNET_GATEWAY -> throw AwsException.badRequest("InvalidParameterValue",
          "Routes to " + kind + " targets are not supported here: no such gateway exists");
    }
    return new Route(destination, kind, id, "CreateRoute");
  }

  private void checkGateway(Scope scope, RouteTableRecord table, String destination, String id) {
    if (!id.startsWith("igw-")) {
      throw AwsException.badRequest("InvalidGatewayID.NotFound", "The gateway ID '" + id + "' does not exist");
    }
    var igw = state.internetGateways().find(scope, id).orElseThrow(() ->
        AwsException.badRequest("InvalidGatewayID.NotFound", "The gateway ID '" + id + "' does not exist"));
    if (!table.vpcId().equals(igw.attachedVpcId())) {
      throw differentNetworks(table, id);
    }
    Cidr vpcCidr = state.vpc(scope, table.vpcId()).cidr();
    if (vpcCidr.contains(Cidr.parse(destination))) {
      throw AwsException.invalidParameterValue("The destination CIDR block " + destination
          + " is equal to or more specific than one of this VPC's CIDR blocks. This route can target only an interface or an instance.");
    }
  }

  private static AwsException differentNetworks(RouteTableRecord table, String id) {
    return AwsException.invalidParameterValue("route table " + table.routeTableId() + " and network gateway " + id
        + " belong to different networks");
  }

  private static int find(RouteTableRecord table, String destination) {
    for (int i = 0; i < table.routes().size(); i++) {
      if (destination.equals(table.routes().get(i).destinationCidrBlock())) {
        return i;
      }
    }
    return -1;
  }

  private static int requireRoute(RouteTableRecord table, String destination) {
    int index = find(table, destination);
    if (index < 0) {
      throw AwsException.badRequest("InvalidRoute.NotFound", "no route with destination-cidr-block " + destination
          + " in route table " + table.routeTableId());
    }
    return index;
  }
}
