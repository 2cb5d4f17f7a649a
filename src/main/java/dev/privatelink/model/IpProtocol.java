package dev.privatelink.model;

import java.util.Locale;

/**
 * An IP protocol as security group rules name it: a number from 0 to 255, or every protocol
 * ({@code -1}). EC2 accepts the names {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6} and
 * {@code all} for the common ones and answers with the names, so both spellings parse to one value.
 *
 * @param number the IANA protocol number, or -1 for every protocol
 * @see <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html">IpPermission</a>
 */
public record IpProtocol(int number) {
  public static final IpProtocol ALL = new IpProtocol(-1);
  public static final IpProtocol ICMP = new IpProtocol(1);
  public static final IpProtocol TCP = new IpProtocol(6);
  public static final IpProtocol UDP = new IpProtocol(17);
  public static final IpProtocol ICMPV6 = new IpProtocol(58);

  public IpProtocol {
    if (number < -1 || number > 255) {
      throw new IllegalArgumentException("not an IP protocol number: " + number);
    }
  }

  /** The protocol named or numbered by {@code text}; throws IllegalArgumentException for anything else. */
  public static IpProtocol parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "-1", "all" -> ALL;
      case "tcp" -> TCP;
      case "udp" -> UDP;
      case "icmp" -> ICMP;
      case "icmpv6" -> ICMPV6;
      default -> new IpProtocol(number(text));
    };
  }

  /** True for the protocols whose rules carry a port range (or, for ICMP, a type and code). */
  public boolean hasPorts() {
    return equals(TCP) || equals(UDP) || equals(ICMP) || equals(ICMPV6);
  }

  /** The spelling EC2 answers with: a name for the common protocols, else the number. */
  public String awsName() {
    return switch (number) {
      case -1 -> "-1";
      case 1 -> "icmp";
      case 6 -> "tcp";
      case 17 -> "udp";
      case 58 -> "icmpv6";
      default -> Integer.toString(number);
    };
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP protocol: " + text, e);
    }
  }
}
