package dev.privatelink.dataplane.fabric;

import dev.privatelink.model.Cidr;
import dev.privatelink.dataplane.spec.DnsRecord;
import dev.privatelink.dataplane.spec.EniSpec;
import dev.privatelink.dataplane.spec.InstanceSpec;
import dev.privatelink.dataplane.spec.SecurityGroupSpec;
import dev.privatelink.dataplane.spec.SgRule;
import dev.privatelink.dataplane.spec.SubnetSpec;
import dev.privatelink.dataplane.spec.VpcSpec;
import dev.privatelink.testing.TestIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link VpcSpec}s for tests the way the control plane would (ids carry the run tag). */
public final class VpcBuilder {
  public final String vpcId = TestIds.next("vpc");
  private final String cidr;
  private final List<SubnetSpec> subnets = new ArrayList<>();
  private final Map<String, SecurityGroupSpec> groups = new LinkedHashMap<>();
  private final List<EniSpec> enis = new ArrayList<>();
  private final List<InstanceSpec> instances = new ArrayList<>();
  private final List<DnsRecord> records = new ArrayList<>();

  public VpcBuilder(String cidr) {
    this.cidr = cidr;
  }

  public String subnet(String subnetCidr) {
    String id = TestIds.next("subnet");
    subnets.add(new SubnetSpec(id, subnetCidr, "us-east-1a"));
    return id;
  }

  public String group(List<SgRule> ingress, List<SgRule> egress) {
    String id = TestIds.next("sg");
    groups.put(id, new SecurityGroupSpec(id, ingress, egress));
    return id;
  }

  public void replaceGroup(String id, List<SgRule> ingress, List<SgRule> egress) {
    groups.put(id, new SecurityGroupSpec(id, ingress, egress));
  }

  public String instance(String subnetId, String ip, String userData, String... groupIds) {
    String id = TestIds.next("i");
    String eni = TestIds.next("eni");
    String hostname = "ip-" + ip.replace('.', '-') + ".ec2.internal";
    enis.add(new EniSpec(eni, subnetId, ip, List.of(groupIds), EniSpec.Kind.INSTANCE, id));
    instances.add(new InstanceSpec(id, eni, ip, hostname, userData));
    records.add(new DnsRecord(hostname, "A", List.of(ip), 60));
    return id;
  }

  public void removeInstance(String instanceId) {
    instances.removeIf(i -> i.instanceId().equals(instanceId));
    enis.removeIf(e -> e.ownerId().equals(instanceId));
  }

  public String managedEni(String subnetId, String ip, EniSpec.Kind kind, String... groupIds) {
    String eni = TestIds.next("eni");
    enis.add(new EniSpec(eni, subnetId, ip, List.of(groupIds), kind, "owner-" + eni));
    return eni;
  }

  public void record(DnsRecord r) {
    records.add(r);
  }

  public VpcSpec build() {
    return new VpcSpec(vpcId, "123456789012", "us-east-1", cidr, true, true, subnets,
        List.copyOf(groups.values()), enis, instances, List.of(), records);
  }

  public static SgRule tcp(int from, int to, String cidr) {
    return new SgRule("tcp", from, to, cidr, null);
  }

  public static SgRule tcpFromGroup(int from, int to, String groupId) {
    return new SgRule("tcp", from, to, null, groupId);
  }

  public static SgRule all(String cidr) {
    return new SgRule("-1", -1, -1, cidr, null);
  }
}
