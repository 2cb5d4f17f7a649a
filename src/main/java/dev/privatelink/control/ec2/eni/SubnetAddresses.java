package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.model.Cidr;
import dev.privatelink.model.Ipv4;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The private addresses of a subnet. AWS reserves five of each: the network address, +1 (the VPC
 * router), +2 (DNS), +3 (future use) and the broadcast address. Every interface holds one address.
 */
public final class SubnetAddresses {
  private static final int RESERVED = 5;
  private final Ec2State state;

  public SubnetAddresses(Ec2State state) {
    this.state = state;
  }

  public Set<String> used(Scope scope, String subnetId) {
    Set<String> used = new HashSet<>();
    state.networkInterfaces().where(scope, e -> e.subnetId().equals(subnetId)).forEach(e -> used.add(e.privateIp()));
    return used;
  }

  public int available(Scope scope, SubnetRecord subnet) {
    return (int) subnet.cidr().size() - RESERVED - used(scope, subnet.subnetId()).size();
  }

  /**
   * The lowest free address that is neither reserved by AWS nor in a subnet CIDR reservation;
   * throws InsufficientFreeAddressesInSubnet.
   */
  public String nextFree(Scope scope, SubnetRecord subnet, Set<String> alsoTaken) {
    Set<String> used = used(scope, subnet.subnetId());
    List<Cidr> reserved = state.subnetCidrReservations().where(scope, r -> r.subnetId().equals(subnet.subnetId())).stream()
        .map(r -> r.cidr()).toList();
    Cidr cidr = subnet.cidr();
    for (long n = 4; n < cidr.size() - 1; n++) {
      String ip = cidr.addressText(n);
      int address = cidr.address(n);
      if (!used.contains(ip) && !alsoTaken.contains(ip) && reserved.stream().noneMatch(r -> r.contains(address))) {
        return ip;
      }
    }
    throw AwsException.badRequest("InsufficientFreeAddressesInSubnet",
        "There are not enough free addresses in subnet '" + subnet.subnetId() + "' to satisfy the requested number of instances.");
  }

  /** Checks an address asked for by the caller: inside the subnet, not reserved, not in use. */
  public void requireFree(Scope scope, SubnetRecord subnet, String ip, Set<String> alsoTaken) {
    if (!Ipv4.isValid(ip)) {
      throw AwsException.invalidParameterValue("Value (" + ip + ") for parameter PrivateIpAddress is invalid.");
    }
    Cidr cidr = subnet.cidr();
    int address = Ipv4.parse(ip);
    if (!cidr.contains(address)) {
      throw AwsException.invalidParameterValue("Address " + ip + " does not fall within the subnet's address range");
    }
    long offset = cidr.offsetOf(address);
    if (offset < 4 || offset == cidr.size() - 1) {
      throw AwsException.invalidParameterValue("Address " + ip + " is in subnet's reserved address range");
    }
    if (used(scope, subnet.subnetId()).contains(ip) || alsoTaken.contains(ip)) {
      throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + ip + " is in use.");
    }
  }
}
