package dev.privatelink.stacks;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Find-or-create for the EC2 resources of a stack. Each resource carries the tag
 * {@code privatelink-local:address} naming it as the seed's Terraform does ({@code aws_vpc.service}),
 * so applying the stack again finds it instead of making a second one.
 */
final class Ec2Resources {
  static final String ADDRESS_TAG = "privatelink-local:address";
  private final Ec2Client ec2;
  private final Progress progress;

  Ec2Resources(Ec2Client ec2, Progress progress) {
    this.ec2 = ec2;
    this.progress = progress;
  }

  static TagSpecification tags(ResourceType type, String address, @Nullable String name) {
    var tags = new java.util.ArrayList<Tag>();
    tags.add(Tag.builder().key(ADDRESS_TAG).value(address).build());
    if (name != null) {
      tags.add(Tag.builder().key("Name").value(name).build());
    }
    return TagSpecification.builder().resourceType(type).tags(tags).build();
  }

  static Filter byAddress(String address) {
    return Filter.builder().name("tag:" + ADDRESS_TAG).values(address).build();
  }

  String vpc(String address, String cidr) {
    var found = ec2.describeVpcs(r -> r.filters(byAddress(address))).vpcs();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().vpcId());
      return found.getFirst().vpcId();
    }
    String id = ec2.createVpc(r -> r.cidrBlock(cidr).tagSpecifications(tags(ResourceType.VPC, address, null))).vpc().vpcId();
    // The seed's endpoint uses no private DNS, but hostnames make instances resolvable as on AWS.
    ec2.modifyVpcAttribute(r -> r.vpcId(id).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
    progress.created(address, id);
    return id;
  }

  String subnet(String address, String vpcId, String cidr, String zone) {
    var found = ec2.describeSubnets(r -> r.filters(byAddress(address))).subnets();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().subnetId());
      return found.getFirst().subnetId();
    }
    String id = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(zone)
        .tagSpecifications(tags(ResourceType.SUBNET, address, null))).subnet().subnetId();
    ec2.modifySubnetAttribute(r -> r.subnetId(id).mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
    progress.created(address, id);
    return id;
  }

  String internetGateway(String address, String vpcId) {
    var found = ec2.describeInternetGateways(r -> r.filters(byAddress(address))).internetGateways();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().internetGatewayId());
      return found.getFirst().internetGatewayId();
    }
    String id = ec2.createInternetGateway(r -> r.tagSpecifications(tags(ResourceType.INTERNET_GATEWAY, address, null)))
        .internetGateway().internetGatewayId();
    ec2.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpcId));
    progress.created(address, id);
    return id;
  }

  /** A route table with a default route to the gateway, associated with every subnet. */
  String routeTable(String address, String vpcId, String gatewayId, List<String> subnetIds) {
    var found = ec2.describeRouteTables(r -> r.filters(byAddress(address))).routeTables();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().routeTableId());
      return found.getFirst().routeTableId();
    }
    String id = ec2.createRouteTable(r -> r.vpcId(vpcId).tagSpecifications(tags(ResourceType.ROUTE_TABLE, address, null)))
        .routeTable().routeTableId();
    ec2.createRoute(r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(gatewayId));
    for (String subnet : subnetIds) {
      ec2.associateRouteTable(r -> r.routeTableId(id).subnetId(subnet));
    }
    progress.created(address, id);
    return id;
  }

  String securityGroup(String address, String vpcId, String name, String description) {
    var found = ec2.describeSecurityGroups(r -> r.filters(byAddress(address))).securityGroups();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().groupId());
      return found.getFirst().groupId();
    }
    String id = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(description)
        .tagSpecifications(tags(ResourceType.SECURITY_GROUP, address, null))).groupId();
    progress.created(address, id);
    return id;
  }

  /** An ingress rule (tcp ports, or protocol -1 when {@code fromPort} is -1) from a CIDR, unless present. */
  void ingress(String address, String groupId, String cidr, int fromPort, int toPort, String description) {
    rule(address, groupId, cidr, fromPort, toPort, description, false);
  }

  void egressAll(String address, String groupId) {
    rule(address, groupId, "0.0.0.0/0", -1, -1, "Allow all egress", true);
  }

  private void rule(String address, String groupId, String cidr, int from, int to, String description, boolean egress) {
    String protocol = from < 0 ? "-1" : "tcp";
    List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(
        Filter.builder().name("group-id").values(groupId).build())).securityGroupRules();
    Optional<SecurityGroupRule> same = rules.stream().filter(r -> r.isEgress() == egress && protocol.equals(r.ipProtocol())
        && cidr.equals(r.cidrIpv4()) && (from < 0 || (r.fromPort() == from && r.toPort() == to))).findFirst();
    if (same.isPresent()) {
      progress.found(address, same.get().securityGroupRuleId());
      return;
    }
    IpPermission permission = IpPermission.builder().ipProtocol(protocol).fromPort(from < 0 ? null : from)
        .toPort(to < 0 ? null : to).ipRanges(IpRange.builder().cidrIp(cidr).description(description).build()).build();
    List<SecurityGroupRule> made = egress
        ? ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(permission)).securityGroupRules()
        : ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(permission)).securityGroupRules();
    progress.created(address, made.isEmpty() ? groupId : made.getFirst().securityGroupRuleId());
  }

  void keyPair(String address, String name) {
    var found = ec2.describeKeyPairs(r -> r.filters(Filter.builder().name("key-name").values(name).build())).keyPairs();
    if (!found.isEmpty()) {
      progress.found(address, found.getFirst().keyPairId());
      return;
    }
    // ED25519, not EC2's default RSA: the seed never uses the private half, and an RSA key costs about a
    // second of a cold JVM's CPU while the cloud makes it, which every call behind it waits for.
    progress.created(address, ec2.createKeyPair(r -> r.keyName(name).keyType(KeyType.ED25519)).keyPairId());
  }

  /** The newest Amazon Linux 2023 x86_64 HVM image, as the seed's {@code data "aws_ami"} picks it. */
  String amazonLinux2023() {
    List<Image> images = ec2.describeImages(r -> r.owners("amazon").filters(
        Filter.builder().name("name").values("al2023-ami-2023.*-x86_64").build(),
        Filter.builder().name("architecture").values("x86_64").build(),
        Filter.builder().name("virtualization-type").values("hvm").build())).images();
    return images.stream().max(java.util.Comparator.comparing(Image::creationDate))
        .orElseThrow(() -> new IllegalStateException("no Amazon Linux 2023 image")).imageId();
  }

  Instance instance(String address, String name, String imageId, String subnetId, String groupId, String keyName,
      @Nullable String userData) {
    var found = ec2.describeInstances(r -> r.filters(byAddress(address),
        Filter.builder().name("instance-state-name").values("pending", "running").build())).reservations();
    if (!found.isEmpty() && !found.getFirst().instances().isEmpty()) {
      Instance i = found.getFirst().instances().getFirst();
      progress.found(address, i.instanceId());
      return i;
    }
    Instance i = ec2.runInstances(r -> r.imageId(imageId).instanceType("t3.nano").minCount(1).maxCount(1)
        .subnetId(subnetId).securityGroupIds(groupId).keyName(keyName)
        .userData(userData == null ? null : Base64.getEncoder().encodeToString(userData.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .tagSpecifications(tags(ResourceType.INSTANCE, address, name))).instances().getFirst();
    progress.created(address, i.instanceId());
    return i;
  }
}
