package dev.privatelink.control.ec2;

import dev.privatelink.control.AwsException;
import dev.privatelink.model.Cidr;
import org.jspecify.annotations.Nullable;

/**
 * The {@code CidrBlock} parameter of
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html">CreateVpc</a> and
 * CreateSubnet: required and a valid IPv4 CIDR, with AWS's messages. Each action then checks the
 * range its kind allows.
 */
public final class CidrBlocks {
  private CidrBlocks() {}

  public static Cidr parse(@Nullable String text) {
    if (text == null) {
      throw Ec2Errors.required("CidrBlock");
    }
    try {
      return Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("Value (" + text + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
    }
  }
}
