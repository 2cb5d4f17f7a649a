package dev.privatelink.control.ec2.vpc;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.ec2.Ec2State;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAccountAttributes.html">DescribeAccountAttributes</a>,
 * AWS's documented way to find the default VPC ({@code default-vpc}: its id, or {@code none}),
 * with the other attributes AWS lists, in AWS's order, at the values a new account has.
 */
public record AccountAttributeActions(Ec2State state) implements ActionHandler {
  @ReadOnly
  public DescribeAccountAttributesResponse describeAccountAttributes(RequestContext ctx, DescribeAccountAttributesRequest request) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("vpc-max-security-groups-per-interface", "5");
    all.put("max-instances", "20");
    all.put("supported-platforms", "VPC");
    all.put("default-vpc", state.defaultVpc(ctx.scope()).map(VpcRecord::vpcId).orElse("none"));
    all.put("max-elastic-ips", "5");
    all.put("vpc-max-elastic-ips", "5");
    List<String> wanted = request.attributeNamesAsStrings().isEmpty() ? List.copyOf(all.keySet())
        : request.attributeNamesAsStrings();
    for (String name : wanted) {
      if (!all.containsKey(name)) {
        throw AwsException.invalidParameterValue("Value (" + name + ") for parameter attributeName is invalid. Unknown attribute.");
      }
    }
    List<AccountAttribute> out = all.entrySet().stream().filter(e -> wanted.contains(e.getKey()))
        .map(e -> AccountAttribute.builder().attributeName(e.getKey())
            .attributeValues(AccountAttributeValue.builder().attributeValue(e.getValue()).build()).build())
        .toList();
    return DescribeAccountAttributesResponse.builder().accountAttributes(out).build();
  }
}
