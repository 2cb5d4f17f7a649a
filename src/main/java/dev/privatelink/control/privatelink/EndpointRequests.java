package dev.privatelink.control.privatelink;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Network.SubnetInfo;
import dev.privatelink.control.Network.VpcInfo;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateVpcEndpointRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * Validates a CreateVpcEndpoint request for an interface endpoint completely, without changing
 * anything, into a {@link Plan}: to an endpoint service or to one of AWS's services. Parameters of
 * other endpoint kinds (route tables, service networks, resource configurations, other regions) are
 * refused, and policies where the service takes none. Gateway endpoints are {@link GatewayEndpoints}'.
 */
final class EndpointRequests {
  private EndpointRequests() {}

  /** A create request that passed every check. */
  record Plan(VpcInfo vpc, Scope serviceScope, EndpointService service, List<SubnetInfo> subnets,
      List<SecurityGroupIdentifier> groups, boolean privateDnsEnabled, String policyDocument) {}

  static Plan plan(RequestContext ctx, PrivateLinkState state, CreateVpcEndpointRequest request) {
    Scope scope = ctx.scope();
    VpcInfo vpc = state.network().vpc(scope, Requests.required(request.vpcId(), "VpcId"));
    String serviceName = Requests.required(request.serviceName(), "ServiceName");
    var found = state.interfaceServiceNamed(ctx.region(), serviceName)
        .filter(e -> EndpointViews.isVisible(ctx, e.getValue()))
        .orElseThrow(() -> Errors.invalidServiceName(serviceName));
    EndpointService service = found.getValue();
    if (type(request) != VpcEndpointType.INTERFACE) {
      throw typeMismatch(request.vpcEndpointTypeAsString(), List.of(VpcEndpointType.INTERFACE));
    }
    rejectUnsupported(request, ctx.region(), AwsServices.policySupported(ctx.region(), serviceName));
    var subnets = EndpointPlacement.subnets(state.network(), scope, vpc.vpcId(), request.subnetIds(), service, Set.of());
    var groups = EndpointPlacement.groups(state.network(), scope, vpc.vpcId(), request.securityGroupIds());
    boolean privateDns = privateDns(state, scope, vpc, service, request.privateDnsEnabled());
    String policy = request.policyDocument() == null ? VpcEndpoints.FULL_ACCESS_POLICY : request.policyDocument();
    return new Plan(vpc, found.getKey(), service, subnets, groups, privateDns, policy);
  }

  /**
   * Private DNS: by default on when the service has a verified private DNS name (AWS's default is
   * true, and it cannot apply without a name); asking for it needs a verified name, a VPC with DNS
   * support and hostnames, and no other endpoint of the VPC already answering for the name.
   */
  static boolean privateDns(PrivateLinkState state, Scope scope, VpcInfo vpc, EndpointService service, Boolean asked) {
    String name = service.verifiedPrivateDnsName();
    boolean enabled = asked == null ? name != null : asked;
    if (!enabled) {
      return false;
    }
    if (name == null) {
      throw Errors.invalidParameter("Private DNS can't be enabled because the service " + service.name()
          + " does not provide a verified private DNS name.");
    }
    if (!vpc.enableDnsSupport() || !vpc.enableDnsHostnames()) {
      throw Errors.invalidParameter("Enabling private DNS requires both enableDnsSupport and enableDnsHostnames "
          + "VPC attributes set to true for " + vpc.vpcId());
    }
    boolean taken = state.endpoints.where(scope, e -> e.endpoint().vpcId().equals(vpc.vpcId())
        && Boolean.TRUE.equals(e.endpoint().privateDnsEnabled()) && e.state() != EndpointState.DELETING
        && state.serviceOf(e).map(s -> name.equals(s.verifiedPrivateDnsName())).orElse(false)).size() > 0;
    if (taken) {
      throw Errors.invalidParameter("private-dns-enabled cannot be set because there is already a conflicting DNS "
          + "domain for " + name + " in the VPC " + vpc.vpcId());
    }
    return true;
  }

  /** The endpoint type asked for; AWS's default is Gateway. */
  static VpcEndpointType type(CreateVpcEndpointRequest request) {
    return request.vpcEndpointType() == null ? VpcEndpointType.GATEWAY : request.vpcEndpointType();
  }

  static AwsException typeMismatch(String asked, List<VpcEndpointType> offered) {
    return Errors.invalidParameter("Endpoint type (" + (asked == null ? VpcEndpointType.GATEWAY : asked)
        + ") does not match available service types (" + offered + ").");
  }

  private static void rejectUnsupported(CreateVpcEndpointRequest request, String region, boolean policySupported) {
    if (request.policyDocument() != null && !policySupported) {
      throw Errors.invalidParameter("Endpoint policies are not supported for interface endpoints of endpoint services"
          + " (VpcEndpointPolicySupported is false).");
    }
    if (!request.routeTableIds().isEmpty()) {
      throw Errors.invalidParameter("Route tables can only be specified for Gateway endpoints.");
    }
    if (request.ipAddressTypeAsString() != null && !request.ipAddressTypeAsString().equals(ServiceSettings.IPV4)) {
      throw Errors.invalidParameter("The endpoint service supports only the ipv4 IP address type.");
    }
    if (request.dnsOptions() != null && request.dnsOptions().dnsRecordIpTypeAsString() != null
        && !request.dnsOptions().dnsRecordIpTypeAsString().equals(ServiceSettings.IPV4)) {
      throw Errors.invalidParameter("The endpoint service supports only the ipv4 DNS record IP type.");
    }
    if (!request.subnetConfigurations().isEmpty() || request.serviceNetworkArn() != null
        || request.resourceConfigurationArn() != null) {
      throw Errors.invalidParameter("SubnetConfigurations, ServiceNetworkArn and ResourceConfigurationArn are not "
          + "supported by privatelink-local.");
    }
    if (request.serviceRegion() != null && !request.serviceRegion().equals(region)) {
      throw Errors.invalidParameter("Cross-region endpoints are not supported by privatelink-local.");
    }
  }
}
