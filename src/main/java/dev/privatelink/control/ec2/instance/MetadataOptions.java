package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.AwsException;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataProtocolState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;

/**
 * An instance's metadata service options, as RunInstances sets them and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataOptions.html">ModifyInstanceMetadataOptions</a>
 * changes them. The defaults are those of Amazon Linux 2023 images (IMDSv2 required, hop limit 2).
 */
public record MetadataOptions(HttpTokensState httpTokens, int hopLimit, InstanceMetadataEndpointState httpEndpoint,
    InstanceMetadataProtocolState httpProtocolIpv6, InstanceMetadataTagsState instanceMetadataTags) {
  public static final MetadataOptions DEFAULT = new MetadataOptions(HttpTokensState.REQUIRED, 2,
      InstanceMetadataEndpointState.ENABLED, InstanceMetadataProtocolState.DISABLED, InstanceMetadataTagsState.DISABLED);

  /** The options RunInstances asked for, unset ones at their default. */
  public static MetadataOptions of(InstanceMetadataOptionsRequest r) {
    if (r == null) {
      return DEFAULT;
    }
    return DEFAULT.with(r.httpTokens(), r.httpPutResponseHopLimit(), r.httpEndpoint(), r.httpProtocolIpv6(),
        r.instanceMetadataTags());
  }

  /** These options with the ones the request sets changed; validated, nothing stored. */
  public MetadataOptions with(ModifyInstanceMetadataOptionsRequest r) {
    return with(r.httpTokens(), r.httpPutResponseHopLimit(), r.httpEndpoint(), r.httpProtocolIpv6(), r.instanceMetadataTags());
  }

  private MetadataOptions with(HttpTokensState tokens, Integer hops, InstanceMetadataEndpointState endpoint,
      InstanceMetadataProtocolState ipv6, InstanceMetadataTagsState tags) {
    if (hops != null && (hops < 1 || hops > 64)) {
      throw AwsException.invalidParameterValue("The HttpPutResponseHopLimit must be an integer from 1 through 64.");
    }
    return new MetadataOptions(known(tokens, httpTokens, "HttpTokens"), hops == null ? hopLimit : hops,
        known(endpoint, httpEndpoint, "HttpEndpoint"), known(ipv6, httpProtocolIpv6, "HttpProtocolIpv6"),
        known(tags, instanceMetadataTags, "InstanceMetadataTags"));
  }

  private static <E extends Enum<E>> E known(E given, E current, String name) {
    if (given == null) {
      return current;
    }
    if (given.name().equals("UNKNOWN_TO_SDK_VERSION")) {
      throw AwsException.invalidParameterValue("Invalid value for parameter " + name + ".");
    }
    return given;
  }

  public InstanceMetadataOptionsResponse render(InstanceMetadataOptionsState state) {
    return InstanceMetadataOptionsResponse.builder().state(state).httpTokens(httpTokens).httpPutResponseHopLimit(hopLimit)
        .httpEndpoint(httpEndpoint).httpProtocolIpv6(httpProtocolIpv6).instanceMetadataTags(instanceMetadataTags).build();
  }
}
