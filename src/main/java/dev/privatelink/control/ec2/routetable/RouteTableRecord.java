package dev.privatelink.control.ec2.routetable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A route table: its routes (the VPC's {@code local} route always first) and its associations
 * (the VPC's main association, or subnets).
 */
public record RouteTableRecord(String routeTableId, String vpcId, String ownerId, List<Route> routes,
    List<Association> associations) {
  public RouteTableRecord {
    routes = List.copyOf(routes);
    associations = List.copyOf(associations);
  }

  /**
   * One route.
   *
   * @param targetKind what the route sends to
   * @param origin {@code CreateRouteTable} (the local route) or {@code CreateRoute}
   * @param destinationPrefixListId the destination when it is a prefix list (a gateway endpoint's
   *     route), in place of {@code destinationCidrBlock}
   */
  public record Route(@Nullable String destinationCidrBlock, RouteTargetKind targetKind, String targetId, String origin,
      @Nullable String destinationPrefixListId) {
    public Route(String destinationCidrBlock, RouteTargetKind targetKind, String targetId, String origin) {
      this(destinationCidrBlock, targetKind, targetId, origin, null);
    }

    /** A gateway endpoint's route: to the service's prefix list, through the endpoint. */
    public static Route toEndpoint(String prefixListId, String endpointId) {
      return new Route(null, RouteTargetKind.VPC_ENDPOINT, endpointId, "CreateRoute", prefixListId);
    }

    public boolean isLocal() {
      return targetKind == RouteTargetKind.LOCAL;
    }
  }

  /** An association: with a subnet, or the VPC's main association ({@code subnetId} null). */
  public record Association(String associationId, @Nullable String subnetId, boolean main) {}

  public RouteTableRecord withRoutes(UnaryOperator<List<Route>> change) {
    return new RouteTableRecord(routeTableId, vpcId, ownerId, change.apply(new ArrayList<>(routes)), associations);
  }

  public RouteTableRecord withAssociations(UnaryOperator<List<Association>> change) {
    return new RouteTableRecord(routeTableId, vpcId, ownerId, routes, change.apply(new ArrayList<>(associations)));
  }

  public boolean isMain() {
    return associations.stream().anyMatch(Association::main);
  }
}
