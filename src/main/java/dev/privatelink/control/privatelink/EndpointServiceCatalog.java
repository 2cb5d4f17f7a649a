package dev.privatelink.control.privatelink;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;

/**
 * The endpoint services a consumer may connect to: its own and those of other accounts of its
 * region that allow it. A name the caller may not see is reported as not existing, exactly as a
 * missing one. Zone names map one to one between accounts here, so another account sees the
 * service's zones as they are. The region's AWS services ({@link AwsServices}: com.amazonaws.&lt;region&gt;.s3
 * as Gateway and Interface, ec2, sts, …) are listed with them, sorted by name as AWS lists them.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html">DescribeVpcEndpointServices</a>
 */
public final class EndpointServiceCatalog implements ActionHandler {
  private final PrivateLinkState state;
  private final EndpointViews views;
  private final Filters<ServiceDetail> filters = Filters.<ServiceDetail>of(d -> ServiceSettings.tagMap(d.tags()))
      .one("owner", ServiceDetail::owner)
      .one("service-name", ServiceDetail::serviceName)
      .one("service-region", ServiceDetail::serviceRegion)
      .many("service-type", d -> d.serviceType().stream().map(t -> t.serviceTypeAsString()).toList())
      .many("supported-ip-address-types", ServiceDetail::supportedIpAddressTypesAsStrings)
      .build();

  EndpointServiceCatalog(PrivateLinkState state, EndpointViews views) {
    this.state = state;
    this.views = views;
  }

  @ReadOnly
  public DescribeVpcEndpointServicesResponse describeVpcEndpointServices(RequestContext ctx,
      DescribeVpcEndpointServicesRequest request) {
    for (String region : request.serviceRegions()) {
      if (!region.equals(ctx.region())) {
        throw Errors.invalidParameter("Cross-region endpoint services are not supported by privatelink-local.");
      }
    }
    List<ServiceDetail> all = new ArrayList<>(AwsServices.details(ctx.region(), state.network().availabilityZones(ctx.region())));
    views.visibleTo(ctx).forEach(e -> all.add(detail(e.getKey(), e.getValue())));
    all.sort(Comparator.comparing(ServiceDetail::serviceName));
    List<ServiceDetail> chosen = Describe.select(all, request.serviceNames(), ServiceDetail::serviceName,
        Errors::invalidServiceName);
    // S3 and DynamoDB have two details under one name (Gateway, Interface): pages are keyed by service id.
    var page = Describe.of(ServiceDetail::serviceId, filters).page(chosen, List.of(), request.filters(),
        request.maxResults(), request.nextToken());
    return DescribeVpcEndpointServicesResponse.builder()
        .serviceNames(page.items().stream().map(ServiceDetail::serviceName).distinct().toList())
        .serviceDetails(page.items()).nextToken(page.nextToken()).build();
  }

  private ServiceDetail detail(Scope provider, EndpointService service) {
    var config = service.config();
    var dns = config.privateDnsNameConfiguration();
    return ServiceDetail.builder().serviceName(config.serviceName()).serviceId(config.serviceId())
        .serviceType(config.serviceType()).serviceRegion(provider.region())
        .availabilityZones(config.availabilityZones()).availabilityZoneIds(config.availabilityZoneIds())
        .owner(service.ownerId()).baseEndpointDnsNames(config.baseEndpointDnsNames())
        .privateDnsName(config.privateDnsName())
        .privateDnsNameVerificationState(dns == null ? null : dns.stateAsString())
        .vpcEndpointPolicySupported(false).acceptanceRequired(config.acceptanceRequired())
        .managesVpcEndpoints(config.managesVpcEndpoints()).payerResponsibility(config.payerResponsibility())
        .supportedIpAddressTypesWithStrings(config.supportedIpAddressTypesAsStrings())
        .tags(state.tags.of(provider, service.id())).build();
  }
}
