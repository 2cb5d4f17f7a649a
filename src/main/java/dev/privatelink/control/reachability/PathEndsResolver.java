package dev.privatelink.control.reachability;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.elb.Elb;
import dev.privatelink.control.elb.LoadBalancerRecord;
import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.control.privatelink.PrivateLink;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsPath;
import software.amazon.awssdk.services.ec2.model.PathFilter;

/**
 * Turns a path's source and destination (an instance, a network interface, an interface endpoint,
 * a load balancer ARN, or an address) into the network interfaces the analysis walks between. An
 * endpoint or load balancer is entered through its interface in the source's zone when it has one
 * there, as a client resolving its regional name in that zone would most often be.
 */
final class PathEndsResolver {
  private final Ec2State ec2;
  private final Elb elb;
  private final PrivateLink privateLink;

  PathEndsResolver(Ec2State ec2, Elb elb, PrivateLink privateLink) {
    this.ec2 = ec2;
    this.elb = elb;
    this.privateLink = privateLink;
  }

  /** Checks that a path's source or destination exists in the caller's scope; throws its kind's NotFound error. */
  void requireExists(Scope scope, String resource) {
    interfacesOf(scope, resource);
  }

  PathAnalyzer.PathEnds resolve(Scope scope, NetworkInsightsPath path) {
    NetworkInterfaceRecord source = interfacesOf(scope, path.source()).getFirst();
    String sourceIp = first(path.sourceIp(), address(path.filterAtSource(), true), source.privateIp());
    String wantedIp = firstOf(path.destinationIp(), address(path.filterAtDestination(), false),
        address(path.filterAtSource(), false));
    NetworkInterfaceRecord destination = destination(scope, path, source, wantedIp);
    String destinationIp = wantedIp != null ? wantedIp : destination != null ? destination.privateIp() : "0.0.0.0";
    return new PathAnalyzer.PathEnds(source, destination, sourceIp, destinationIp, path.protocolAsString(), port(path));
  }

  private @Nullable NetworkInterfaceRecord destination(Scope scope, NetworkInsightsPath path, NetworkInterfaceRecord source,
      @Nullable String wantedIp) {
    List<NetworkInterfaceRecord> candidates = wantedIp != null
        ? ec2.networkInterfaces().where(scope, i -> i.privateIp().equals(wantedIp) && i.vpcId().equals(source.vpcId()))
        : path.destination() == null ? List.of() : interfacesOf(scope, path.destination());
    return candidates.stream().filter(i -> i.vpcId().equals(source.vpcId()))
        .filter(i -> i.availabilityZone().equals(source.availabilityZone())).findFirst()
        .or(() -> candidates.stream().filter(i -> i.vpcId().equals(source.vpcId())).findFirst()).orElse(null);
  }

  /** The interfaces a resource sends and receives through. */
  private List<NetworkInterfaceRecord> interfacesOf(Scope scope, String resource) {
    if (resource.startsWith("i-")) {
      return List.of(ec2.networkInterface(scope, ec2.instance(scope, resource).launch().networkInterfaceId()));
    }
    if (resource.startsWith("eni-")) {
      return List.of(ec2.networkInterface(scope, resource));
    }
    if (resource.startsWith("vpce-")) {
      EndpointProjection endpoint = privateLink.endpoints().stream()
          .filter(e -> e.endpointId().equals(resource) && e.accountId().equals(scope.accountId())).findFirst()
          .orElseThrow(() -> AwsException.badRequest("InvalidVpcEndpointId.NotFound",
              "The Vpc Endpoint Id '" + resource + "' does not exist"));
      return endpoint.enis().stream().map(e -> ec2.networkInterface(scope, e.eniId())).toList();
    }
    if (resource.startsWith("arn:") && resource.contains(":loadbalancer/")) {
      LoadBalancerRecord lb = elb.loadBalancer(scope, resource).orElseThrow(() -> AwsException.badRequest(
          "InvalidParameterValue", "The load balancer '" + resource + "' does not exist"));
      return lb.nodes().stream().map(n -> ec2.networkInterface(scope, n.eniId())).toList();
    }
    throw AwsException.invalidParameterValue("Resource '" + resource + "' is not a supported source or destination: "
        + "use an instance, network interface, VPC endpoint or load balancer");
  }

  private static int port(NetworkInsightsPath path) {
    if (path.destinationPort() != null) {
      return path.destinationPort();
    }
    for (PathFilter f : java.util.Arrays.asList(path.filterAtSource(), path.filterAtDestination())) {
      if (f != null && f.destinationPortRange() != null && f.destinationPortRange().fromPort() != null) {
        return f.destinationPortRange().fromPort();
      }
    }
    return -1;
  }

  private static @Nullable String address(@Nullable PathFilter filter, boolean source) {
    return filter == null ? null : source ? filter.sourceAddress() : filter.destinationAddress();
  }

  @SafeVarargs
  private static <T> @Nullable T firstOf(@Nullable T... values) {
    return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static String first(@Nullable String a, @Nullable String b, String fallback) {
    return Optional.ofNullable(a).or(() -> Optional.ofNullable(b)).orElse(fallback);
  }
}
