package dev.privatelink.control.ec2.routetable;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Association;
import dev.privatelink.control.ec2.routetable.RouteTableRecord.Route;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationResponse;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

/**
 * Route tables and their associations:
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRouteTable.html">CreateRouteTable</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteRouteTable.html">DeleteRouteTable</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html">DescribeRouteTables</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateRouteTable.html">AssociateRouteTable</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateRouteTable.html">DisassociateRouteTable</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRouteTableAssociation.html">ReplaceRouteTableAssociation</a>.
 * Routes themselves are {@link RouteActions}.
 */
public final class RouteTableActions implements ActionHandler {
  private final Ec2State state;
  private final RouteTableRenderer renderer;

  public RouteTableActions(Ec2State state) {
    this.state = state;
    this.renderer = new RouteTableRenderer(state);
  }

  public CreateRouteTableResponse createRouteTable(RequestContext ctx, CreateRouteTableRequest request) {
    Scope scope = ctx.scope();
    if (request.vpcId() == null) {
      throw Ec2Errors.required("VpcId");
    }
    VpcRecord vpc = state.vpc(scope, request.vpcId());
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "route-table");
    var local = new Route(vpc.cidr().toString(), RouteTargetKind.LOCAL, "local", "CreateRouteTable");
    var table = new RouteTableRecord(ctx.ids().ec2Id("rtb"), vpc.vpcId(), ctx.accountId(), List.of(local), List.of());
    state.routeTables().put(scope, table.routeTableId(), table);
    TagSpecs.apply(state.tags(), scope, table.routeTableId(), request.tagSpecifications(), "route-table");
    return CreateRouteTableResponse.builder().routeTable(renderer.render(scope, table)).build();
  }

  public DeleteRouteTableResponse deleteRouteTable(RequestContext ctx, DeleteRouteTableRequest request) {
    Scope scope = ctx.scope();
    RouteTableRecord table = state.routeTable(scope, request.routeTableId());
    if (!table.associations().isEmpty()) {
      throw Ec2Errors.hasDependencies("routeTable", table.routeTableId());
    }
    state.routeTables().remove(scope, table.routeTableId());
    state.tags().drop(scope, table.routeTableId());
    return DeleteRouteTableResponse.builder().build();
  }

  @ReadOnly
  public DescribeRouteTablesResponse describeRouteTables(RequestContext ctx, DescribeRouteTablesRequest request) {
    Scope scope = ctx.scope();
    Page<RouteTable> page = Describe.of(RouteTableRecord::routeTableId, Ec2Errors::routeTableNotFound, renderer.filters(scope))
        .page(state.routeTables().all(scope), request.routeTableIds(), request.filters(), request.maxResults(),
            request.nextToken()).map(t -> renderer.render(scope, t));
    return DescribeRouteTablesResponse.builder().routeTables(page.items()).nextToken(page.nextToken()).build();
  }

  public AssociateRouteTableResponse associateRouteTable(RequestContext ctx, AssociateRouteTableRequest request) {
    Scope scope = ctx.scope();
    RouteTableRecord table = state.routeTable(scope, request.routeTableId());
    if (request.subnetId() == null) {
      throw Ec2Errors.required("SubnetId");
    }
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    if (!subnet.vpcId().equals(table.vpcId())) {
      throw AwsException.invalidParameterValue("Route table " + table.routeTableId() + " and subnet "
          + subnet.subnetId() + " belong to different networks");
    }
    associationOfSubnet(scope, subnet.subnetId()).ifPresent(e -> {
      throw AwsException.badRequest("Resource.AlreadyAssociated", "the specified association for route table "
          + table.routeTableId() + " conflicts with an existing association");
    });
    var association = new Association(ctx.ids().ec2Id("rtbassoc"), subnet.subnetId(), false);
    state.routeTables().put(scope, table.routeTableId(), table.withAssociations(list -> {
      list.add(association);
      return list;
    }));
    return AssociateRouteTableResponse.builder().associationId(association.associationId())
        .associationState(RouteTableAssociationState.builder().state("associated").build()).build();
  }

  public DisassociateRouteTableResponse disassociateRouteTable(RequestContext ctx, DisassociateRouteTableRequest request) {
    Scope scope = ctx.scope();
    var found = association(scope, request.associationId());
    if (found.getValue().main()) {
      throw AwsException.invalidParameterValue("cannot disassociate the main route table association " + request.associationId());
    }
    RouteTableRecord table = found.getKey();
    state.routeTables().put(scope, table.routeTableId(), table.withAssociations(list -> {
      list.removeIf(a -> a.associationId().equals(request.associationId()));
      return list;
    }));
    return DisassociateRouteTableResponse.builder().build();
  }

  /** Moves an association (a subnet's, or the VPC's main one) to another table of the same VPC. */
  public ReplaceRouteTableAssociationResponse replaceRouteTableAssociation(RequestContext ctx,
      ReplaceRouteTableAssociationRequest request) {
    Scope scope = ctx.scope();
    var found = association(scope, request.associationId());
    RouteTableRecord target = state.routeTable(scope, request.routeTableId());
    RouteTableRecord current = found.getKey();
    if (!target.vpcId().equals(current.vpcId())) {
      throw AwsException.invalidParameterValue("Route table " + target.routeTableId() + " and association "
          + request.associationId() + " belong to different networks");
    }
    var moved = new Association(ctx.ids().ec2Id("rtbassoc"), found.getValue().subnetId(), found.getValue().main());
    state.routeTables().put(scope, current.routeTableId(), current.withAssociations(list -> {
      list.removeIf(a -> a.associationId().equals(request.associationId()));
      return list;
    }));
    RouteTableRecord fresh = state.routeTable(scope, target.routeTableId());
    state.routeTables().put(scope, fresh.routeTableId(), fresh.withAssociations(list -> {
      list.add(moved);
      return list;
    }));
    return ReplaceRouteTableAssociationResponse.builder().newAssociationId(moved.associationId())
        .associationState(RouteTableAssociationState.builder().state("associated").build()).build();
  }

  private Map.Entry<RouteTableRecord, Association> association(Scope scope, String associationId) {
    if (associationId == null) {
      throw Ec2Errors.required("AssociationId");
    }
    for (RouteTableRecord t : state.routeTables().all(scope)) {
      for (Association a : t.associations()) {
        if (a.associationId().equals(associationId)) {
          return Map.entry(t, a);
        }
      }
    }
    throw Ec2Errors.associationNotFound(associationId);
  }

  private Optional<Association> associationOfSubnet(Scope scope, String subnetId) {
    return state.routeTables().all(scope).stream().flatMap(t -> t.associations().stream())
        .filter(a -> subnetId.equals(a.subnetId())).findFirst();
  }
}
