package dev.privatelink.control.ec2;

import dev.privatelink.control.ec2.image.ImageCatalog;

/** Registers the id prefixes of EC2's own resources with the tagging hook. */
final class Ec2Taggables {
  private Ec2Taggables() {}

  static void register(Ec2State s) {
    var t = s.taggable();
    t.register("vpc", "vpc", (scope, id) -> s.vpcs().find(scope, id).isPresent(), Ec2Errors::vpcNotFound);
    t.register("subnet", "subnet", (scope, id) -> s.subnets().find(scope, id).isPresent(), Ec2Errors::subnetNotFound);
    t.register("scr", "subnet-cidr-reservation", (scope, id) -> s.subnetCidrReservations().find(scope, id).isPresent(),
        id -> dev.privatelink.control.AwsException.badRequest("InvalidSubnetCidrReservationID.NotFound",
            "The subnet CIDR reservation ID '" + id + "' does not exist"));
    t.register("sg", "security-group", (scope, id) -> s.securityGroups().find(scope, id).isPresent(), Ec2Errors::groupNotFound);
    t.register("sgr", "security-group-rule", (scope, id) -> s.securityGroups().all(scope).stream()
        .anyMatch(g -> g.rules().stream().anyMatch(r -> r.ruleId().equals(id))), Ec2Errors::ruleNotFound);
    t.register("igw", "internet-gateway", (scope, id) -> s.internetGateways().find(scope, id).isPresent(),
        Ec2Errors::internetGatewayNotFound);
    t.register("rtb", "route-table", (scope, id) -> s.routeTables().find(scope, id).isPresent(), Ec2Errors::routeTableNotFound);
    t.register("acl", "network-acl", (scope, id) -> s.vpcs().all(scope).stream()
        .anyMatch(v -> v.defaultNetworkAclId().equals(id)), Ec2Errors::networkAclNotFound);
    t.register("eni", "network-interface", (scope, id) -> s.networkInterfaces().find(scope, id).isPresent(),
        Ec2Errors::networkInterfaceNotFound);
    t.register("i", "instance", (scope, id) -> s.instances().find(scope, id).isPresent(), Ec2Errors::instanceNotFound);
    t.register("key", "key-pair", (scope, id) -> s.keyPairById(scope, id).isPresent(), id -> dev.privatelink.control.AwsException
        .badRequest("InvalidKeyPair.NotFound", "The key pair ID '" + id + "' does not exist"));
    t.register("ami", "image", (scope, id) -> ImageCatalog.find(scope.region(), id).isPresent(), Ec2Errors::imageNotFound);
    t.register("vol", "volume", (scope, id) -> s.instances().all(scope).stream()
        .anyMatch(i -> i.isLive() && i.launch().rootVolumeId().equals(id)), Ec2Errors::volumeNotFound);
    t.register("pl", "prefix-list", (scope, id) -> s.prefixLists().find(scope, id).isPresent(),
        id -> dev.privatelink.control.AwsException.badRequest("InvalidPrefixListID.NotFound",
            "The prefix list ID '" + id + "' does not exist"));
    t.register("dopt", "dhcp-options", (scope, id) -> s.dhcpOptions().find(scope, id).isPresent(),
        Ec2Errors::dhcpOptionsNotFound);
  }
}
