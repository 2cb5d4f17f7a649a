package dev.privatelink.control.ec2.subnet;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.SubnetAddresses;
import dev.privatelink.control.query.Filters;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockPublicAccessStates;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsOnLaunch;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** Turns stored subnets into the SDK's {@link Subnet} and applies DescribeSubnets' filters. */
final class SubnetRenderer {
  private final Ec2State state;
  private final SubnetAddresses addresses;

  SubnetRenderer(Ec2State state, SubnetAddresses addresses) {
    this.state = state;
    this.addresses = addresses;
  }

  Subnet render(Scope scope, SubnetRecord s) {
    return Subnet.builder()
        .subnetId(s.subnetId()).vpcId(s.vpcId()).ownerId(s.ownerId()).cidrBlock(s.cidr().toString())
        .availabilityZone(s.availabilityZone()).availabilityZoneId(s.availabilityZoneId()).state(s.state())
        .availableIpAddressCount(addresses.available(scope, s)).defaultForAz(s.defaultForAz())
        .mapPublicIpOnLaunch(s.mapPublicIpOnLaunch()).mapCustomerOwnedIpOnLaunch(false)
        .assignIpv6AddressOnCreation(false).ipv6CidrBlockAssociationSet(List.of()).enableDns64(false).ipv6Native(false)
        .subnetArn("arn:aws:ec2:" + scope.region() + ":" + s.ownerId() + ":subnet/" + s.subnetId())
        .privateDnsNameOptionsOnLaunch(PrivateDnsNameOptionsOnLaunch.builder().hostnameType(s.hostnameType())
            .enableResourceNameDnsARecord(s.enableResourceNameDnsARecord()).enableResourceNameDnsAAAARecord(false).build())
        .blockPublicAccessStates(BlockPublicAccessStates.builder().internetGatewayBlockMode("off").build())
        .tags(state.tagList(scope, s.subnetId()))
        .build();
  }

  /** DescribeSubnets' filter names, with the older camel-case aliases AWS still accepts. */
  Filters<SubnetRecord> filters(Scope scope) {
    return Filters.<SubnetRecord>of(s -> state.tagMap(scope, s.subnetId()))
        .one("subnet-id", SubnetRecord::subnetId)
        .one("vpc-id", SubnetRecord::vpcId)
        .one("availability-zone", SubnetRecord::availabilityZone)
        .one("availabilityZone", SubnetRecord::availabilityZone)
        .one("availability-zone-id", SubnetRecord::availabilityZoneId)
        .one("availabilityZoneId", SubnetRecord::availabilityZoneId)
        .one("cidr-block", s -> s.cidr().toString())
        .one("cidr", s -> s.cidr().toString())
        .one("cidrBlock", s -> s.cidr().toString())
        .one("state", SubnetRecord::state)
        .one("default-for-az", SubnetRecord::defaultForAz)
        .one("defaultForAz", SubnetRecord::defaultForAz)
        .one("map-public-ip-on-launch", SubnetRecord::mapPublicIpOnLaunch)
        .one("owner-id", SubnetRecord::ownerId)
        .one("available-ip-address-count", s -> addresses.available(scope, s))
        .one("subnet-arn", s -> "arn:aws:ec2:" + scope.region() + ":" + s.ownerId() + ":subnet/" + s.subnetId())
        .build();
  }
}
