package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AddedPrincipal;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServicePermissionsResponse;

/**
 * Who may connect to an endpoint service. A new service allows nobody but its owner; removing a
 * principal stops new endpoints only, connections already made stay.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePermissions.html">ModifyVpcEndpointServicePermissions</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServicePermissions.html">DescribeVpcEndpointServicePermissions</a>
 */
public final class ServicePermissions implements ActionHandler {
  private final PrivateLinkState state;
  private final Filters<AllowedPrincipal> filters = Filters.<AllowedPrincipal>of(p -> Map.of())
      .one("principal", AllowedPrincipal::principal)
      .one("principal-type", AllowedPrincipal::principalTypeAsString)
      .one("service-permission-id", AllowedPrincipal::servicePermissionId)
      .build();

  ServicePermissions(PrivateLinkState state) {
    this.state = state;
  }

  public ModifyVpcEndpointServicePermissionsResponse modifyVpcEndpointServicePermissions(RequestContext ctx,
      ModifyVpcEndpointServicePermissionsRequest request) {
    Scope scope = ctx.scope();
    var service = state.service(scope, Requests.required(request.serviceId(), "ServiceId"));
    List<String> add = Requests.distinct(request.addAllowedPrincipals());
    List<String> remove = Requests.distinct(request.removeAllowedPrincipals());
    add.forEach(Principals::validate);
    remove.forEach(Principals::validate);

    List<AllowedPrincipal> kept = new ArrayList<>(service.principals().stream()
        .filter(p -> !remove.contains(p.principal())).toList());
    List<AddedPrincipal> added = new ArrayList<>();
    for (String principal : add) {
      if (kept.stream().anyMatch(p -> p.principal().equals(principal))) {
        continue;
      }
      var allowed = AllowedPrincipal.builder().principal(principal).principalType(Principals.typeOf(principal))
          .servicePermissionId(ctx.ids().ec2Id("vpce-spn")).serviceId(service.id()).build();
      kept.add(allowed);
      added.add(AddedPrincipal.builder().principal(principal).principalType(allowed.principalType())
          .servicePermissionId(allowed.servicePermissionId()).serviceId(service.id()).build());
    }
    state.services.put(scope, service.id(), service.withPrincipals(kept));
    return ModifyVpcEndpointServicePermissionsResponse.builder().addedPrincipals(added).returnValue(true).build();
  }

  @ReadOnly
  public DescribeVpcEndpointServicePermissionsResponse describeVpcEndpointServicePermissions(RequestContext ctx,
      DescribeVpcEndpointServicePermissionsRequest request) {
    var service = state.service(ctx.scope(), Requests.required(request.serviceId(), "ServiceId"));
    var page = Describe.of(AllowedPrincipal::servicePermissionId, filters).page(service.principals(), List.of(),
        request.filters(), request.maxResults(), request.nextToken());
    return DescribeVpcEndpointServicePermissionsResponse.builder()
        .allowedPrincipals(page.items()).nextToken(page.nextToken()).build();
  }
}
