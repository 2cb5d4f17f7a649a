package dev.privatelink.control.ec2.eni;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.model.Cidr;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hands out the public IPv4 addresses instances get when their subnet maps them. They come from
 * the documentation ranges (TEST-NET-3, -2, -1), which route nowhere real, and are unique across
 * all accounts and regions as AWS's are.
 */
public final class PublicAddresses {
  private static final List<Cidr> POOLS = List.of(Cidr.parse("203.0.113.0/24"), Cidr.parse("198.51.100.0/24"),
      Cidr.parse("192.0.2.0/24"));
  private final Ec2State state;

  public PublicAddresses(Ec2State state) {
    this.state = state;
  }

  public String next(Set<String> alsoTaken) {
    Set<String> used = state.networkInterfaces().everywhere().stream().map(e -> e.getValue().publicIp())
        .filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    for (Cidr pool : POOLS) {
      for (long n = 1; n < pool.size() - 1; n++) {
        String ip = pool.addressText(n);
        if (!used.contains(ip) && !alsoTaken.contains(ip)) {
          return ip;
        }
      }
    }
    throw AwsException.badRequest("AddressLimitExceeded", "The maximum number of addresses has been reached.");
  }
}
