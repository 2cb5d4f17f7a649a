package dev.privatelink.control.ec2;

/**
 * The DNS names EC2 gives addresses: {@code ip-10-0-0-5.ec2.internal} and
 * {@code ec2-203-0-113-5.compute-1.amazonaws.com} in us-east-1, {@code <region>.compute.internal}
 * and {@code <region>.compute.amazonaws.com} elsewhere.
 */
public final class Ec2Names {
  private Ec2Names() {}

  public static String privateDnsName(String region, String ip) {
    String host = "ip-" + ip.replace('.', '-');
    return region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + region + ".compute.internal";
  }

  public static String publicDnsName(String region, String ip) {
    String host = "ec2-" + ip.replace('.', '-');
    return region.equals("us-east-1") ? host + ".compute-1.amazonaws.com" : host + "." + region + ".compute.amazonaws.com";
  }
}
