package dev.privatelink.control.ec2.dhcp;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.model.Ipv4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.NewDhcpConfiguration;

/**
 * What <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html">CreateDhcpOptions</a>
 * accepts: the six keys AWS documents, each at most once, with its limits (four name servers or
 * AmazonProvidedDNS, eight NTP servers, four NetBIOS name servers, node type 1, 2, 4 or 8, an IPv6
 * preferred lease time of 140 to 2147483647 seconds).
 */
final class DhcpOptionRules {
  private static final Map<String, Integer> MAX_VALUES = Map.of("domain-name-servers", 4, "domain-name", 1,
      "ntp-servers", 8, "netbios-name-servers", 4, "netbios-node-type", 1, "ipv6-address-preferred-lease-time", 1);

  private DhcpOptionRules() {}

  static List<DhcpOptionsRecord.Option> parse(List<NewDhcpConfiguration> configurations) {
    if (configurations == null || configurations.isEmpty()) {
      throw Ec2Errors.required("DhcpConfiguration");
    }
    Set<String> seen = new HashSet<>();
    List<DhcpOptionsRecord.Option> out = new ArrayList<>();
    for (NewDhcpConfiguration c : configurations) {
      String key = c.key();
      if (key == null || !MAX_VALUES.containsKey(key)) {
        throw AwsException.invalidParameterValue("Value (" + key + ") for parameter name is invalid. Unknown DHCP option");
      }
      if (!seen.add(key)) {
        throw AwsException.invalidParameterValue("Value (" + key + ") for parameter name is invalid. Duplicate DHCP option");
      }
      List<String> values = c.hasValues() ? c.values() : List.of();
      check(key, values);
      out.add(new DhcpOptionsRecord.Option(key, values));
    }
    return out;
  }

  private static void check(String key, List<String> values) {
    if (values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
      throw AwsException.invalidParameterValue("Value for parameter value is invalid. Option " + key + " needs a value");
    }
    if (values.size() > MAX_VALUES.get(key)) {
      throw AwsException.invalidParameterValue("Value (" + String.join(",", values) + ") for parameter value is invalid. "
          + "Option " + key + " takes at most " + MAX_VALUES.get(key) + " value(s)");
    }
    switch (key) {
      case "domain-name-servers" -> {
        if (!(values.equals(List.of("AmazonProvidedDNS")) || values.stream().allMatch(DhcpOptionRules::isIpv4))) {
          throw invalidValue(values, "Must be AmazonProvidedDNS or up to four IP addresses");
        }
      }
      case "ntp-servers", "netbios-name-servers" -> {
        if (!values.stream().allMatch(DhcpOptionRules::isIpv4)) {
          throw invalidValue(values, "Must be IP addresses");
        }
      }
      case "netbios-node-type" -> {
        if (!Set.of("1", "2", "4", "8").contains(values.get(0))) {
          throw invalidValue(values, "Must be 1, 2, 4 or 8");
        }
      }
      case "ipv6-address-preferred-lease-time" -> {
        if (!leaseTime(values.get(0))) {
          throw invalidValue(values, "Must be between 140 and 2147483647 seconds");
        }
      }
      default -> { }
    }
  }

  private static AwsException invalidValue(List<String> values, String why) {
    return AwsException.invalidParameterValue("Value (" + String.join(",", values) + ") for parameter value is invalid. " + why);
  }

  private static boolean isIpv4(String text) {
    return Ipv4.isValid(text);
  }

  private static boolean leaseTime(String text) {
    try {
      long seconds = Long.parseLong(text);
      return seconds >= 140 && seconds <= Integer.MAX_VALUE;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
