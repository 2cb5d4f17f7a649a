package dev.privatelink.control.ec2.routetable;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Association;
import dev.privatelink.control.query.Filters;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

/**
 * Turns stored route tables into the SDK's {@link RouteTable}. A route whose target is gone (a
 * gateway detached from the VPC, a deleted interface) shows as {@code blackhole}, as in AWS.
 */
final class RouteTableRenderer {
  private final Ec2State state;

  RouteTableRenderer(Ec2State state) {
    this.state = state;
  }

  RouteTable render(Scope scope, RouteTableRecord t) {
    return RouteTable.builder().routeTableId(t.routeTableId()).vpcId(t.vpcId()).ownerId(t.ownerId())
        .routes(t.routes().stream().map(r -> route(scope, t, r)).toList())
        .associations(t.associations().stream().map(a -> association(t, a)).toList())
        .propagatingVgws(List.of()).tags(state.tagList(scope, t.routeTableId())).build();
  }

  static RouteTableAssociation association(RouteTableRecord t, Association a) {
    return RouteTableAssociation.builder().routeTableAssociationId(a.associationId()).routeTableId(t.routeTableId())
        .subnetId(a.subnetId()).main(a.main())
        .associationState(RouteTableAssociationState.builder().state("associated").build()).build();
  }

  private Route route(Scope scope, RouteTableRecord t, RouteTableRecord.Route r) {
    var b = Route.builder().destinationCidrBlock(r.destinationCidrBlock())
        .destinationPrefixListId(r.destinationPrefixListId()).origin(r.origin())
        .state(isActive(scope, t, r) ? "active" : "blackhole");
    switch (r.targetKind()) {
      case LOCAL, GATEWAY, VPC_ENDPOINT -> b.gatewayId(r.targetId());
      case NETWORK_INTERFACE -> b.networkInterfaceId(r.targetId());
      case INSTANCE -> b.instanceId(r.targetId()).instanceOwnerId(t.ownerId())
          .networkInterfaceId(state.instances().find(scope, r.targetId()).map(i -> i.launch().networkInterfaceId()).orElse(null));
      // CreateRoute refuses these targets, so no stored route has one.
      case NAT_GATEWAY, TRANSIT_GATEWAY, VPC_PEERING_CONNECTION, EGRESS_ONLY_INTERNET_GATEWAY ->
          throw new IllegalStateException("route to " + r.targetKind());
    }
    return b.build();
  }

  private boolean isActive(Scope scope, RouteTableRecord t, RouteTableRecord.Route r) {
    return switch (r.targetKind()) {
      case GATEWAY -> state.internetGateways().find(scope, r.targetId())
          .map(g -> t.vpcId().equals(g.attachedVpcId())).orElse(false);
      case NETWORK_INTERFACE -> state.networkInterfaces().find(scope, r.targetId()).isPresent();
      case INSTANCE -> state.instances().find(scope, r.targetId()).map(i -> i.isLive()).orElse(false);
      case LOCAL, VPC_ENDPOINT, NAT_GATEWAY, TRANSIT_GATEWAY, VPC_PEERING_CONNECTION, EGRESS_ONLY_INTERNET_GATEWAY -> true;
    };
  }

  Filters<RouteTableRecord> filters(Scope scope) {
    return Filters.<RouteTableRecord>of(t -> state.tagMap(scope, t.routeTableId()))
        .one("route-table-id", RouteTableRecord::routeTableId)
        .one("vpc-id", RouteTableRecord::vpcId)
        .one("owner-id", RouteTableRecord::ownerId)
        .many("association.main", t -> assoc(t, a -> String.valueOf(a.main())))
        .many("association.subnet-id", t -> assoc(t, Association::subnetId))
        .many("association.route-table-association-id", t -> assoc(t, Association::associationId))
        .many("association.route-table-id", t -> assoc(t, a -> t.routeTableId()))
        .many("association.association-state", t -> assoc(t, a -> "associated"))
        .many("route.destination-cidr-block", t -> routes(t, RouteTableRecord.Route::destinationCidrBlock))
        .many("route.gateway-id", t -> routes(t, r -> r.targetKind() == RouteTargetKind.GATEWAY || r.isLocal()
            || r.targetKind() == RouteTargetKind.VPC_ENDPOINT ? r.targetId() : null))
        .many("route.instance-id", t -> routes(t, r -> r.targetKind() == RouteTargetKind.INSTANCE ? r.targetId() : null))
        .many("route.network-interface-id", t -> routes(t, r -> r.targetKind() == RouteTargetKind.NETWORK_INTERFACE ? r.targetId() : null))
        .many("route.origin", t -> routes(t, RouteTableRecord.Route::origin))
        .many("route.state", t -> render(scope, t).routes().stream().map(Route::stateAsString).toList())
        .many("route.nat-gateway-id", t -> List.of())
        .many("route.transit-gateway-id", t -> List.of())
        .many("route.vpc-peering-connection-id", t -> List.of())
        .many("route.destination-prefix-list-id", t -> routes(t, RouteTableRecord.Route::destinationPrefixListId))
        .build();
  }

  private static Collection<String> assoc(RouteTableRecord t, Function<Association, String> field) {
    return t.associations().stream().map(field).filter(Objects::nonNull).toList();
  }

  private static Collection<String> routes(RouteTableRecord t, Function<RouteTableRecord.Route, String> field) {
    return t.routes().stream().map(field).filter(Objects::nonNull).toList();
  }
}
