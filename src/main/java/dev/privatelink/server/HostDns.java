package dev.privatelink.server;

import dev.privatelink.control.privatelink.EndpointProjection;
import dev.privatelink.dataplane.spec.DnsRecord;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.LoadBalancerSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a VPC's resolver answers, as AWS's would inside that VPC: instance private hostnames,
 * the DNS names of the load balancers in it, and, for endpoints the host carries (pending or available),
 * the regional name (every ENI), each zonal name (the ENI of its zone) and the service's private
 * DNS name when the endpoint enables it.
 */
final class HostDns {
  private static final int TTL = 60;

  private HostDns() {}

  static List<DnsRecord> records(List<InstanceSpec> instances, List<LoadBalancerSpec> loadBalancers,
      List<EndpointProjection> endpoints, String vpcId) {
    List<DnsRecord> out = new ArrayList<>();
    for (InstanceSpec i : instances) {
      if (i.hostname() != null && !i.hostname().isEmpty()) {
        out.add(new DnsRecord(i.hostname(), "A", List.of(i.privateIp()), TTL));
      }
    }
    for (LoadBalancerSpec lb : loadBalancers) {
      out.add(new DnsRecord(lb.dnsName(), "A", lb.nodes().stream().map(LoadBalancerSpec.Node::privateIp).toList(), TTL));
    }
    for (EndpointProjection e : endpoints) {
      if (e.carried() && vpcId.equals(e.consumerVpcId()) && !e.enis().isEmpty()) {
        List<String> all = e.enis().stream().map(EndpointProjection.Eni::privateIp).toList();
        out.add(new DnsRecord(e.regionalDnsName(), "A", all, TTL));
        for (EndpointProjection.ZonalDnsName z : e.zonalDnsNames()) {
          List<String> inZone = e.enis().stream().filter(n -> n.availabilityZone().equals(z.availabilityZone()))
              .map(EndpointProjection.Eni::privateIp).toList();
          if (!inZone.isEmpty()) {
            out.add(new DnsRecord(z.dnsName(), "A", inZone, TTL));
          }
        }
        if (e.privateDnsName() != null) {
          out.add(new DnsRecord(e.privateDnsName(), "A", all, TTL));
        }
      }
    }
    return out;
  }
}
