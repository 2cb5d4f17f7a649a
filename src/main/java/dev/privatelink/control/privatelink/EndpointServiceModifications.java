package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServiceConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcEndpointServiceConfigurationResponse;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;

/**
 * Changes an endpoint service: acceptance, its network load balancers (and so its zones), and its
 * private DNS name (a new name needs a new verification). Existing connections are left as they are.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServiceConfiguration.html">ModifyVpcEndpointServiceConfiguration</a>
 */
public final class EndpointServiceModifications implements ActionHandler {
  private final PrivateLinkState state;

  EndpointServiceModifications(PrivateLinkState state) {
    this.state = state;
  }

  public ModifyVpcEndpointServiceConfigurationResponse modifyVpcEndpointServiceConfiguration(RequestContext ctx,
      ModifyVpcEndpointServiceConfigurationRequest request) {
    Scope scope = ctx.scope();
    var service = state.service(scope, Requests.required(request.serviceId(), "ServiceId"));
    ServiceSettings.rejectGatewayLoadBalancers(request.addGatewayLoadBalancerArns());
    ServiceSettings.rejectGatewayLoadBalancers(request.removeGatewayLoadBalancerArns());
    ServiceSettings.ipAddressTypes(request.addSupportedIpAddressTypes());
    if (request.removeSupportedIpAddressTypes().contains(ServiceSettings.IPV4)) {
      throw Errors.invalidParameter("The service must support at least one IP address type.");
    }
    ServiceSettings.rejectOtherRegions(ctx.region(), request.addSupportedRegions());
    var builder = service.config().toBuilder();
    balancers(ctx, service, request, builder);
    privateDns(ctx, request, builder);
    if (request.acceptanceRequired() != null) {
      builder.acceptanceRequired(request.acceptanceRequired());
    }
    state.services.put(scope, service.id(), service.with(builder.build()));
    return ModifyVpcEndpointServiceConfigurationResponse.builder().returnValue(true).build();
  }

  private void balancers(RequestContext ctx, EndpointService service, ModifyVpcEndpointServiceConfigurationRequest request,
      ServiceConfiguration.Builder builder) {
    if (request.addNetworkLoadBalancerArns().isEmpty() && request.removeNetworkLoadBalancerArns().isEmpty()) {
      return;
    }
    List<String> arns = new ArrayList<>(service.config().networkLoadBalancerArns());
    for (String arn : request.removeNetworkLoadBalancerArns()) {
      if (!arns.remove(arn)) {
        throw Errors.invalidParameter("The load balancer '" + arn + "' is not associated with the service " + service.id());
      }
    }
    arns.addAll(request.addNetworkLoadBalancerArns());
    if (arns.isEmpty()) {
      throw Errors.invalidParameter("An endpoint service must have at least one Network Load Balancer.");
    }
    var balancers = ServiceLoadBalancers.resolve(state.loadBalancers(), ctx.scope(), arns);
    state.rejectBalancersTaken(ctx.scope(), service.id(), balancers.arns());
    builder.networkLoadBalancerArns(balancers.arns()).availabilityZones(balancers.zones())
        .availabilityZoneIds(balancers.zoneIds(state.network(), ctx.region()));
  }

  private static void privateDns(RequestContext ctx, ModifyVpcEndpointServiceConfigurationRequest request,
      ServiceConfiguration.Builder builder) {
    boolean remove = Boolean.TRUE.equals(request.removePrivateDnsName());
    if (remove && request.privateDnsName() != null) {
      throw AwsException.invalidParameterCombination("PrivateDnsName and RemovePrivateDnsName cannot be used together.");
    }
    if (remove) {
      builder.privateDnsName(null).privateDnsNameConfiguration((PrivateDnsNameConfiguration) null);
    } else if (request.privateDnsName() != null) {
      builder.privateDnsName(PrivateDnsNames.validate(request.privateDnsName()))
          .privateDnsNameConfiguration(PrivateDnsNames.pending(ctx.ids()));
    }
  }
}
