package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.AwsException;
import dev.privatelink.control.ec2.Ec2Errors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;

/**
 * The one attribute a <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html">ModifyInstanceAttribute</a>
 * call changes, read from either of its forms: {@code Attribute} with {@code Value}, or the
 * attribute's own member ({@code InstanceType.Value}, {@code GroupId.N}, …). AWS changes one
 * attribute per call.
 *
 * @param name the attribute
 * @param value its new value as text (user data as base64), or null for {@code groupSet}
 * @param groupIds the new security groups for {@code groupSet}
 */
record InstanceAttributes(InstanceAttributeName name, @Nullable String value, List<String> groupIds) {

  static InstanceAttributes of(ModifyInstanceAttributeRequest r) {
    Map<InstanceAttributeName, String> given = new LinkedHashMap<>();
    put(given, InstanceAttributeName.INSTANCE_TYPE, r.instanceType());
    put(given, InstanceAttributeName.KERNEL, r.kernel());
    put(given, InstanceAttributeName.RAMDISK, r.ramdisk());
    put(given, InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR, r.instanceInitiatedShutdownBehavior());
    put(given, InstanceAttributeName.SRIOV_NET_SUPPORT, r.sriovNetSupport());
    put(given, InstanceAttributeName.SOURCE_DEST_CHECK, r.sourceDestCheck());
    put(given, InstanceAttributeName.DISABLE_API_TERMINATION, r.disableApiTermination());
    put(given, InstanceAttributeName.DISABLE_API_STOP, r.disableApiStop());
    put(given, InstanceAttributeName.EBS_OPTIMIZED, r.ebsOptimized());
    put(given, InstanceAttributeName.ENA_SUPPORT, r.enaSupport());
    if (r.userData() != null && r.userData().value() != null) {
      given.put(InstanceAttributeName.USER_DATA, Base64.getEncoder().encodeToString(r.userData().value().asByteArray()));
    }
    if (r.hasGroups() && !r.groups().isEmpty()) {
      given.put(InstanceAttributeName.GROUP_SET, null);
    }
    if (r.hasBlockDeviceMappings() && !r.blockDeviceMappings().isEmpty()) {
      given.put(InstanceAttributeName.BLOCK_DEVICE_MAPPING, null);
    }
    if (r.attribute() != null) {
      given.put(named(r), r.value());
    }
    if (given.isEmpty()) {
      throw Ec2Errors.required("Attribute");
    }
    if (given.size() > 1) {
      List<String> names = new ArrayList<>(given.keySet().stream().map(InstanceAttributeName::toString).toList());
      throw AwsException.invalidParameterCombination("Fields for multiple attribute types specified: " + String.join(", ", names));
    }
    var only = given.entrySet().iterator().next();
    return new InstanceAttributes(only.getKey(), only.getValue(), r.hasGroups() ? r.groups() : List.of());
  }

  private static InstanceAttributeName named(ModifyInstanceAttributeRequest r) {
    if (r.attribute() == InstanceAttributeName.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + r.attributeAsString()
          + ") for parameter attribute is invalid. Unknown attribute.");
    }
    if (r.value() == null) {
      throw Ec2Errors.required("Value");
    }
    return r.attribute();
  }

  private static void put(Map<InstanceAttributeName, String> given, InstanceAttributeName name, AttributeValue v) {
    if (v != null && v.value() != null) {
      given.put(name, v.value());
    }
  }

  private static void put(Map<InstanceAttributeName, String> given, InstanceAttributeName name, AttributeBooleanValue v) {
    if (v != null && v.value() != null) {
      given.put(name, v.value().toString());
    }
  }

  boolean bool() {
    if (!value.equals("true") && !value.equals("false")) {
      throw AwsException.invalidParameterValue("Value (" + value + ") for parameter " + name + " is invalid. "
          + "Valid values are true and false.");
    }
    return Boolean.parseBoolean(value);
  }

  /** The decoded user data; AWS takes it base64-encoded. */
  String decodedUserData() {
    try {
      return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("Invalid BASE64 encoding of user data.");
    }
  }
}
