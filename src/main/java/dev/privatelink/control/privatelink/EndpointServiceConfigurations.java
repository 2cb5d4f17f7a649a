package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.*;

/**
 * The provider's endpoint services: create, describe, delete, and the payer and private DNS
 * verification actions. A service is {@code Available} at once when its load balancers are all
 * active, else {@code Pending} until the data plane reports ResourceReady for the service or one of
 * its load balancers.
 *
 * <p>Private DNS verification: AWS checks that the provider published the TXT record. There is no
 * public DNS here, so calling StartVpcEndpointServicePrivateDnsVerification is the provider's
 * proof: the name is {@code verified} immediately.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpointServiceConfiguration.html">CreateVpcEndpointServiceConfiguration</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServiceConfigurations.html">DescribeVpcEndpointServiceConfigurations</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpointServiceConfigurations.html">DeleteVpcEndpointServiceConfigurations</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartVpcEndpointServicePrivateDnsVerification.html">StartVpcEndpointServicePrivateDnsVerification</a>
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePayerResponsibility.html">ModifyVpcEndpointServicePayerResponsibility</a>
 */
public final class EndpointServiceConfigurations implements ActionHandler {
  static final String RESOURCE_TYPE = "vpc-endpoint-service";
  private static final String TOKEN_KIND = "service";
  private static final String AVAILABLE_REGION = "Available";
  private final PrivateLinkState state;
  private final Filters<ServiceConfiguration> filters;

  EndpointServiceConfigurations(PrivateLinkState state) {
    this.state = state;
    this.filters = Filters.<ServiceConfiguration>of(c -> ServiceSettings.tagMap(c))
        .one("service-name", ServiceConfiguration::serviceName)
        .one("service-id", ServiceConfiguration::serviceId)
        .one("service-state", ServiceConfiguration::serviceStateAsString)
        .many("supported-ip-address-types", ServiceConfiguration::supportedIpAddressTypesAsStrings)
        .build();
  }

  public CreateVpcEndpointServiceConfigurationResponse createVpcEndpointServiceConfiguration(RequestContext ctx,
      CreateVpcEndpointServiceConfigurationRequest request) {
    Scope scope = ctx.scope();
    var earlier = state.idForToken(scope, TOKEN_KIND, request.clientToken()).flatMap(id -> state.services.find(scope, id));
    if (earlier.isPresent()) {
      return CreateVpcEndpointServiceConfigurationResponse.builder()
          .serviceConfiguration(render(scope, earlier.get())).clientToken(request.clientToken()).build();
    }
    ServiceSettings.rejectGatewayLoadBalancers(request.gatewayLoadBalancerArns());
    Requests.requiredList(request.networkLoadBalancerArns(), "NetworkLoadBalancerArns");
    var balancers = ServiceLoadBalancers.resolve(state.loadBalancers(), scope, request.networkLoadBalancerArns());
    List<String> ipTypes = ServiceSettings.ipAddressTypes(request.supportedIpAddressTypes());
    ServiceSettings.rejectOtherRegions(ctx.region(), request.supportedRegions());
    String privateDnsName = request.privateDnsName() == null ? null : PrivateDnsNames.validate(request.privateDnsName());
    var tags = Requests.tags(state.tags, scope, request.tagSpecifications(), RESOURCE_TYPE);
    state.rejectBalancersTaken(scope, null, balancers.arns());

    String id = ctx.ids().ec2Id("vpce-svc");
    var config = ServiceConfiguration.builder()
        .serviceType(ServiceTypeDetail.builder().serviceType(ServiceType.INTERFACE).build())
        .serviceId(id).serviceName(EndpointDns.serviceName(ctx.region(), id))
        .serviceState(balancers.allActive() ? ServiceState.AVAILABLE : ServiceState.PENDING)
        .availabilityZones(balancers.zones()).availabilityZoneIds(balancers.zoneIds(state.network(), ctx.region()))
        .acceptanceRequired(request.acceptanceRequired() == null || request.acceptanceRequired())
        .managesVpcEndpoints(false).networkLoadBalancerArns(balancers.arns())
        .supportedIpAddressTypesWithStrings(ipTypes)
        .baseEndpointDnsNames(EndpointDns.serviceBaseName(ctx.region(), id))
        .privateDnsName(privateDnsName)
        .privateDnsNameConfiguration(privateDnsName == null ? null : PrivateDnsNames.pending(ctx.ids()))
        .payerResponsibility(PayerResponsibility.SERVICE_OWNER).build();
    var service = new EndpointService(config, ctx.accountId(), List.of());
    state.services.put(scope, id, service);
    state.tags.put(scope, id, tags);
    state.rememberToken(scope, TOKEN_KIND, request.clientToken(), id);
    return CreateVpcEndpointServiceConfigurationResponse.builder()
        .serviceConfiguration(render(scope, service)).clientToken(request.clientToken()).build();
  }

  @ReadOnly
  public DescribeVpcEndpointServiceConfigurationsResponse describeVpcEndpointServiceConfigurations(RequestContext ctx,
      DescribeVpcEndpointServiceConfigurationsRequest request) {
    Scope scope = ctx.scope();
    List<EndpointService> chosen = Describe.select(state.services.all(scope), request.serviceIds(), EndpointService::id,
        Errors::serviceNotFound);
    var page = Describe.of(ServiceConfiguration::serviceId, filters).page(chosen.stream().map(s -> render(scope, s)).toList(),
        List.of(), request.filters(), request.maxResults(), request.nextToken());
    return DescribeVpcEndpointServiceConfigurationsResponse.builder()
        .serviceConfigurations(page.items()).nextToken(page.nextToken()).build();
  }

  /** Deletes what it can; a service that still has live connections stays, reported as unsuccessful. */
  public DeleteVpcEndpointServiceConfigurationsResponse deleteVpcEndpointServiceConfigurations(RequestContext ctx,
      DeleteVpcEndpointServiceConfigurationsRequest request) {
    Scope scope = ctx.scope();
    List<UnsuccessfulItem> unsuccessful = new ArrayList<>();
    for (String id : Requests.distinct(Requests.requiredList(request.serviceIds(), "ServiceIds"))) {
      try {
        state.service(scope, id);
        rejectLiveConnections(scope, id);
      } catch (AwsException e) {
        unsuccessful.add(Errors.unsuccessful(id, e));
        continue;
      }
      state.services.remove(scope, id);
      state.tags.drop(scope, id);
      state.notifications.where(scope, n -> id.equals(n.serviceId()))
          .forEach(n -> state.notifications.remove(scope, n.connectionNotificationId()));
    }
    return DeleteVpcEndpointServiceConfigurationsResponse.builder().unsuccessful(unsuccessful).build();
  }

  public StartVpcEndpointServicePrivateDnsVerificationResponse startVpcEndpointServicePrivateDnsVerification(
      RequestContext ctx, StartVpcEndpointServicePrivateDnsVerificationRequest request) {
    Scope scope = ctx.scope();
    var service = state.service(scope, Requests.required(request.serviceId(), "ServiceId"));
    var dns = service.config().privateDnsNameConfiguration();
    if (dns == null) {
      throw Errors.invalidParameter("The service " + service.id() + " has no private DNS name to verify.");
    }
    var verified = dns.toBuilder().state(DnsNameState.VERIFIED).build();
    state.services.put(scope, service.id(),
        service.with(service.config().toBuilder().privateDnsNameConfiguration(verified).build()));
    return StartVpcEndpointServicePrivateDnsVerificationResponse.builder().returnValue(true).build();
  }

  public ModifyVpcEndpointServicePayerResponsibilityResponse modifyVpcEndpointServicePayerResponsibility(
      RequestContext ctx, ModifyVpcEndpointServicePayerResponsibilityRequest request) {
    state.service(ctx.scope(), Requests.required(request.serviceId(), "ServiceId"));
    if (request.payerResponsibility() != PayerResponsibility.SERVICE_OWNER) {
      throw AwsException.invalidParameterValue(
          "Invalid value for PayerResponsibility: " + request.payerResponsibilityAsString());
    }
    // ServiceOwner is the only value AWS accepts, and every service already has it: nothing changes.
    return ModifyVpcEndpointServicePayerResponsibilityResponse.builder().returnValue(true).build();
  }

  private void rejectLiveConnections(Scope scope, String serviceId) {
    boolean live = state.connectionsOf(scope, serviceId).stream().map(e -> e.getValue().state())
        .anyMatch(s -> s == EndpointState.AVAILABLE || s == EndpointState.PENDING_ACCEPTANCE || s == EndpointState.PENDING);
    if (live) {
      throw AwsException.badRequest("ExistingVpcEndpointConnections",
          "Service " + serviceId + " has existing active VPC Endpoint connections!");
    }
  }

  /**
   * The configuration as AWS shows it: its own region among the supported regions (the only one
   * here), and an empty private DNS name configuration when the service has no private DNS name.
   */
  private ServiceConfiguration render(Scope scope, EndpointService service) {
    var dns = service.config().privateDnsNameConfiguration();
    return service.config().toBuilder().tags(state.tags.of(scope, service.id()))
        .supportedRegions(SupportedRegionDetail.builder().region(scope.region()).serviceState(AVAILABLE_REGION).build())
        .privateDnsNameConfiguration(dns != null ? dns : PrivateDnsNameConfiguration.builder().build())
        .build();
  }
}
