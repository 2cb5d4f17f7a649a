package dev.privatelink.control.privatelink;

import dev.privatelink.control.Network.ZoneInfo;
import dev.privatelink.control.Scope;
import dev.privatelink.model.StableIds;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AllowedPrincipal;
import software.amazon.awssdk.services.ec2.model.DnsNameState;
import software.amazon.awssdk.services.ec2.model.PrincipalType;
import software.amazon.awssdk.services.ec2.model.PrivateDnsDetails;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceConfiguration;
import software.amazon.awssdk.services.ec2.model.ServiceDetail;
import software.amazon.awssdk.services.ec2.model.ServiceState;
import software.amazon.awssdk.services.ec2.model.ServiceType;
import software.amazon.awssdk.services.ec2.model.ServiceTypeDetail;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;

/**
 * The AWS services every region offers as endpoint services ({@code com.amazonaws.<region>.<svc>},
 * owner {@code amazon}): a curated table of the ones infrastructure code most often reaches
 * privately. S3 and DynamoDB are offered as Gateway and as Interface services, the rest as
 * Interface services. Their ids are stable per region, as on AWS. No AWS service runs behind them
 * here: see the README for what an endpoint to one carries.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html">AWS services that integrate with PrivateLink</a>
 */
final class AwsServices {
  /** The owner AWS shows for its own services, and the account their scope is named after. */
  static final String OWNER = "amazon";

  /**
   * One AWS service.
   *
   * @param service the last part of the service name, e.g. {@code ecr.api}
   * @param dnsLabel the service's part of its DNS names, e.g. {@code api.ecr}
   * @param privateDnsLabel the label of its private DNS name, e.g. {@code *.dkr.ecr}; null if none
   * @param gateway whether it is also offered as a Gateway service
   * @param policySupported whether its endpoints take an endpoint policy
   */
  record AwsService(String service, String dnsLabel, @Nullable String privateDnsLabel, boolean gateway,
      boolean policySupported) {
    String name(String region) {
      return "com.amazonaws." + region + "." + service;
    }

    String serviceId(String region, VpcEndpointType type) {
      return "vpce-svc-" + StableIds.hex(name(region) + "/" + type, 17);
    }

    String baseDnsName(String region, VpcEndpointType type) {
      return type == VpcEndpointType.GATEWAY ? service + "." + region + ".amazonaws.com"
          : dnsLabel + "." + region + ".vpce.amazonaws.com";
    }

    @Nullable String privateDnsName(String region) {
      return privateDnsLabel == null ? null : privateDnsLabel + "." + region + ".amazonaws.com";
    }
  }

  private static final List<AwsService> TABLE = List.of(
      new AwsService("dynamodb", "dynamodb", "dynamodb", true, true),
      new AwsService("ec2", "ec2", "ec2", false, true),
      new AwsService("ec2messages", "ec2messages", "ec2messages", false, false),
      new AwsService("ecr.api", "api.ecr", "api.ecr", false, true),
      new AwsService("ecr.dkr", "dkr.ecr", "*.dkr.ecr", false, true),
      new AwsService("elasticloadbalancing", "elasticloadbalancing", "elasticloadbalancing", false, true),
      new AwsService("execute-api", "execute-api", "*.execute-api", false, true),
      new AwsService("kms", "kms", "kms", false, true),
      new AwsService("lambda", "lambda", "lambda", false, true),
      new AwsService("logs", "logs", "logs", false, true),
      new AwsService("monitoring", "monitoring", "monitoring", false, true),
      new AwsService("s3", "s3", "*.s3", true, true),
      new AwsService("secretsmanager", "secretsmanager", "secretsmanager", false, true),
      new AwsService("sns", "sns", "sns", false, true),
      new AwsService("sqs", "sqs", "sqs", false, true),
      new AwsService("ssm", "ssm", "ssm", false, true),
      new AwsService("ssmmessages", "ssmmessages", "ssmmessages", false, false),
      new AwsService("sts", "sts", "sts", false, true));

  private AwsServices() {}

  /** The scope AWS's services are said to live in: account {@code amazon} of the region. */
  static Scope scope(String region) {
    return new Scope(OWNER, region);
  }

  static boolean isAws(Scope scope) {
    return scope.accountId().equals(OWNER);
  }

  static Optional<AwsService> named(String region, String serviceName) {
    return TABLE.stream().filter(s -> s.name(region).equals(serviceName)).findFirst();
  }

  /** Whether endpoints of the named service take a policy (only AWS services' do). */
  static boolean policySupported(String region, String serviceName) {
    return named(region, serviceName).map(AwsService::policySupported).orElse(false);
  }

  /** The types a service name is offered as, e.g. [Gateway, Interface] for S3. */
  static List<VpcEndpointType> types(AwsService s) {
    return s.gateway() ? List.of(VpcEndpointType.GATEWAY, VpcEndpointType.INTERFACE) : List.of(VpcEndpointType.INTERFACE);
  }

  /** Every AWS service of the region as DescribeVpcEndpointServices lists it: one detail per type. */
  static List<ServiceDetail> details(String region, List<ZoneInfo> zones) {
    return TABLE.stream().flatMap(s -> types(s).stream().map(t -> detail(s, t, region, zones))).toList();
  }

  private static ServiceDetail detail(AwsService s, VpcEndpointType type, String region, List<ZoneInfo> zones) {
    boolean iface = type == VpcEndpointType.INTERFACE;
    String privateDns = iface ? s.privateDnsName(region) : null;
    return ServiceDetail.builder().serviceName(s.name(region)).serviceId(s.serviceId(region, type))
        .serviceType(ServiceTypeDetail.builder().serviceType(ServiceType.fromValue(type.toString())).build()).serviceRegion(region)
        .availabilityZones(zones.stream().map(ZoneInfo::zoneName).toList())
        .availabilityZoneIds(zones.stream().map(ZoneInfo::zoneId).toList())
        .owner(OWNER).baseEndpointDnsNames(s.baseDnsName(region, type)).privateDnsName(privateDns)
        .privateDnsNames(privateDns == null ? List.of() : List.of(PrivateDnsDetails.builder().privateDnsName(privateDns).build()))
        .privateDnsNameVerificationState(privateDns == null ? null : DnsNameState.VERIFIED.toString())
        .vpcEndpointPolicySupported(s.policySupported()).acceptanceRequired(false).managesVpcEndpoints(false)
        .supportedIpAddressTypesWithStrings(ServiceSettings.IPV4).tags(List.of()).build();
  }

  /**
   * An AWS service's interface offer in the shape the endpoint code reads for any service: open
   * to everyone, without acceptance, with its private DNS name verified.
   */
  static EndpointService asInterfaceService(AwsService s, String region, List<ZoneInfo> zones) {
    String privateDns = s.privateDnsName(region);
    var config = ServiceConfiguration.builder().serviceId(s.serviceId(region, VpcEndpointType.INTERFACE))
        .serviceName(s.name(region)).serviceType(ServiceTypeDetail.builder().serviceType(ServiceType.INTERFACE).build())
        .serviceState(ServiceState.AVAILABLE).availabilityZones(zones.stream().map(ZoneInfo::zoneName).toList())
        .availabilityZoneIds(zones.stream().map(ZoneInfo::zoneId).toList()).acceptanceRequired(false)
        .managesVpcEndpoints(false).networkLoadBalancerArns(List.of())
        .baseEndpointDnsNames(s.baseDnsName(region, VpcEndpointType.INTERFACE)).privateDnsName(privateDns)
        .privateDnsNameConfiguration(privateDns == null ? null
            : PrivateDnsNameConfiguration.builder().state(DnsNameState.VERIFIED).build())
        .supportedIpAddressTypesWithStrings(ServiceSettings.IPV4).build();
    return new EndpointService(config, OWNER, List.of(AllowedPrincipal.builder().principal("*")
        .principalType(PrincipalType.ALL).build()));
  }
}
