package dev.privatelink.control.privatelink;

import dev.privatelink.control.LoadBalancerDirectory;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.List;

/**
 * The PrivateLink feature: endpoint services (provider side), VPC endpoints (consumer side:
 * interface endpoints to endpoint services and to AWS's services, gateway endpoints to S3 and DynamoDB),
 * the connections between them and their notifications, over the EC2 {@link Network} and the
 * {@link LoadBalancerDirectory}. {@link #parts()} are the handlers to register; the read methods
 * are what the integrator projects for the data plane and shows to users.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/privatelink/">AWS PrivateLink</a>
 */
public final class PrivateLink {
  private final PrivateLinkState state;
  private final List<Object> parts;
  private final EndpointViews views;

  public PrivateLink(Ec2Tags tags, Network network, LoadBalancerDirectory loadBalancers) {
    this.state = new PrivateLinkState(tags, network, loadBalancers);
    this.views = new EndpointViews(state);
    this.parts = List.of(new EndpointServiceConfigurations(state), new EndpointServiceModifications(state),
        new ServicePermissions(state), new EndpointConnections(state, views), new ConnectionNotifications(state),
        new EndpointServiceCatalog(state, views), new VpcEndpoints(state, views), new EndpointModifications(state),
        new PrivateLinkEvents(state));
  }

  /** The action and event handlers, to register with the cloud. */
  public List<Object> parts() {
    return parts;
  }

  /** What a reset of one account does to the other accounts' endpoints and services; see {@link AccountReset}. */
  public void resetAccount(String accountId, java.time.Instant now) {
    AccountReset.reset(state, accountId, now);
  }

  /**
   * Every interface endpoint of every account and region, deleting ones included, in creation
   * order. Gateway endpoints are routes only and have nothing on the host.
   */
  public List<EndpointProjection> endpoints() {
    return state.endpoints.everywhere().stream().filter(e -> !e.getValue().isGateway())
        .map(e -> project(e.getKey(), e.getValue())).toList();
  }

  /** Every endpoint service of every account and region, with its private DNS proof. */
  public List<ServiceProjection> services() {
    return state.services.everywhere().stream().map(e -> project(e.getKey(), e.getValue())).toList();
  }

  /** The ids of the caller's services that name the network load balancer {@code arn}. */
  public List<String> servicesUsing(Scope scope, String arn) {
    return state.servicesUsing(scope, arn);
  }

  /**
   * True if the account has an endpoint in the VPC that is not being deleted: the VPC cannot be
   * deleted. (A deleting interface endpoint has released its ENIs already and goes on its own.)
   */
  public boolean hasEndpointsIn(Scope scope, String vpcId) {
    return !state.endpoints.where(scope, e -> e.endpoint().vpcId().equals(vpcId)
        && e.state() != EndpointState.DELETING).isEmpty();
  }

  /** The connection notifications published after {@code sinceSequence} (0 for all still held). */
  public List<NotificationLog.Message> notifications(long sinceSequence) {
    return state.log.since(sinceSequence);
  }

  private EndpointProjection project(Scope consumer, Endpoint e) {
    var service = state.serviceOf(e);
    String base = views.serviceBase(e);
    List<String> arns = service.map(s -> s.config().networkLoadBalancerArns()).orElse(List.of());
    String providerVpc = arns.isEmpty() ? null : state.loadBalancers().networkLoadBalancer(e.serviceScope(),
        arns.getFirst()).map(LoadBalancerDirectory.NetworkLoadBalancerInfo::vpcId).orElse(null);
    boolean privateDns = Boolean.TRUE.equals(e.endpoint().privateDnsEnabled());
    List<String> groups = e.endpoint().groups().stream().map(g -> g.groupId()).toList();
    return new EndpointProjection(e.id(), consumer.accountId(), consumer.region(), e.state(), e.endpoint().vpcId(),
        e.interfaces().stream().map(i -> new EndpointProjection.Eni(i.networkInterfaceId(), i.subnetId(),
            i.privateIp(), i.availabilityZone(), groups)).toList(),
        EndpointDns.regionalName(e, base),
        e.interfaces().stream().map(i -> new EndpointProjection.ZonalDnsName(i.availabilityZone(),
            EndpointDns.zonalName(e, base, i.availabilityZone()))).toList(),
        e.serviceScope().accountId(), e.serviceId(), e.endpoint().serviceName(), providerVpc, arns, privateDns,
        privateDns ? service.map(EndpointService::verifiedPrivateDnsName).orElse(null) : null);
  }

  private static ServiceProjection project(Scope provider, EndpointService s) {
    var c = s.config();
    var dns = c.privateDnsNameConfiguration();
    return new ServiceProjection(s.id(), s.name(), provider.accountId(), provider.region(), s.state(),
        c.networkLoadBalancerArns(), c.availabilityZones(), s.baseDnsName(), c.privateDnsName(),
        dns == null ? null : dns.stateAsString(),
        dns == null ? null : dns.name() + "." + PrivateDnsNames.domainOf(c.privateDnsName()),
        dns == null ? null : dns.value(), PrivateDnsNames.TXT_TTL);
  }
}
