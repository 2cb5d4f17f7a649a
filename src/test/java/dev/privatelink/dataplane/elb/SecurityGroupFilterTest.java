package dev.privatelink.dataplane.elb;

import static dev.privatelink.dataplane.fabric.VpcBuilder.all;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcp;
import static dev.privatelink.dataplane.fabric.VpcBuilder.tcpFromGroup;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.privatelink.dataplane.fabric.VpcBuilder;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.model.IpProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decisions alone; {@code AlbHandoffTest} proves them equal to nftables' on real flows. */
class SecurityGroupFilterTest {
  @Test
  void bothSidesMustAllowByGroupCidrProtocolAndPort() {
    VpcBuilder vpc = new VpcBuilder("10.0.0.0/16");
    String a = vpc.subnet("10.0.1.0/24");
    String client = vpc.group(List.of(), List.of(all("0.0.0.0/0")));
    String narrow = vpc.group(List.of(), List.of(tcp(443, 443, "10.0.0.0/16")));
    String web = vpc.group(List.of(tcpFromGroup(80, 80, client), tcp(8000, 8100, "10.0.2.0/24"),
        new SgRule("udp", 53, 53, "0.0.0.0/0", null), new SgRule("-1", -1, -1, "::/0", null)), List.of(all("0.0.0.0/0")));
    vpc.managedEni(a, "10.0.1.100", EniSpec.Kind.LOAD_BALANCER, client);
    vpc.managedEni(a, "10.0.1.101", EniSpec.Kind.LOAD_BALANCER, web);
    vpc.managedEni(a, "10.0.1.102", EniSpec.Kind.LOAD_BALANCER);
    vpc.managedEni(a, "10.0.1.103", EniSpec.Kind.VPC_ENDPOINT);
    vpc.managedEni(a, "10.0.1.104", EniSpec.Kind.LOAD_BALANCER, narrow);
    vpc.instance(vpc.subnet("10.0.2.0/24"), "10.0.2.10", "", client);
    SecurityGroupFilter f = SecurityGroupFilter.of(vpc.build());
    IpProtocol tcp = IpProtocol.TCP;
    assertAll(
        () -> assertTrue(f.allows("10.0.1.100", "10.0.1.101", tcp, 80), "ingress by the source's group"),
        () -> assertFalse(f.allows("10.0.1.100", "10.0.1.101", tcp, 81), "another port"),
        () -> assertFalse(f.allows("10.0.1.100", "10.0.1.101", IpProtocol.UDP, 80), "another protocol"),
        () -> assertTrue(f.allows("10.0.2.10", "10.0.1.101", tcp, 8050), "ingress by CIDR, inside the range"),
        () -> assertFalse(f.allows("10.0.1.100", "10.0.1.101", tcp, 8050), "outside the CIDR"),
        () -> assertFalse(f.allows("10.0.1.104", "10.0.1.101", tcp, 80), "the source's egress allows 443 only"),
        () -> assertTrue(f.allows("10.0.1.101", "10.0.1.102", tcp, 1234), "a load balancer without groups filters nothing"),
        () -> assertFalse(f.allows("10.0.1.101", "10.0.1.103", tcp, 1234), "an endpoint ENI without groups admits nothing"),
        () -> assertFalse(f.allows("10.0.1.100", "10.0.1.199", tcp, 80), "no such ENI"),
        () -> assertFalse(f.allows("192.168.0.1", "10.0.1.101", tcp, 80), "from outside the VPC"),
        () -> assertTrue(f.allows("10.0.1.100", "10.0.0.2", IpProtocol.UDP, 53), "AmazonProvidedDNS is not filtered"),
        () -> assertFalse(SecurityGroupFilter.NONE.allows("10.0.1.100", "10.0.1.101", tcp, 80), "nothing known"));
  }
}
