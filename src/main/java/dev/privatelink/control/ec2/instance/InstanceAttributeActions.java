package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.InterfaceFactory;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;

/**
 * An instance's attributes: <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html">DescribeInstanceAttribute</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html">ModifyInstanceAttribute</a>
 * and <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataOptions.html">ModifyInstanceMetadataOptions</a>.
 * As in AWS, the type, user data, EBS optimisation, ENA and SR-IOV support change only while the
 * instance is stopped; the security groups are those of its primary interface.
 */
public final class InstanceAttributeActions implements ActionHandler {
  private final Ec2State state;
  private final NetworkInterfaceRenderer interfaces;
  private final InterfaceFactory factory;

  public InstanceAttributeActions(Ec2State state) {
    this.state = state;
    this.interfaces = new NetworkInterfaceRenderer(state);
    this.factory = new InterfaceFactory(state);
  }

  @ReadOnly
  public DescribeInstanceAttributeResponse describeInstanceAttribute(RequestContext ctx, DescribeInstanceAttributeRequest request) {
    Scope scope = ctx.scope();
    InstanceRecord i = state.instance(scope, request.instanceId());
    if (request.attribute() == null) {
      throw Ec2Errors.required("Attribute");
    }
    var l = i.launch();
    var o = l.options();
    var out = DescribeInstanceAttributeResponse.builder().instanceId(l.instanceId());
    switch (request.attribute()) {
      case USER_DATA -> out.userData(l.userDataBase64() == null ? AttributeValue.builder().build()
          : value(Base64.getEncoder().encodeToString(l.userData().getBytes(StandardCharsets.UTF_8))));
      case INSTANCE_TYPE -> out.instanceType(value(l.instanceType()));
      case KERNEL -> out.kernelId(AttributeValue.builder().build());
      case RAMDISK -> out.ramdiskId(AttributeValue.builder().build());
      case DISABLE_API_TERMINATION -> out.disableApiTermination(bool(o.disableApiTermination()));
      case DISABLE_API_STOP -> out.disableApiStop(bool(o.disableApiStop()));
      case INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR -> out.instanceInitiatedShutdownBehavior(value(o.shutdownBehavior()));
      case ROOT_DEVICE_NAME -> out.rootDeviceName(value("/dev/xvda"));
      case BLOCK_DEVICE_MAPPING -> out.blockDeviceMappings(i.isLive() ? List.of(InstanceRenderer.rootDevice(i)) : List.of());
      case PRODUCT_CODES -> out.productCodes(List.of());
      case SOURCE_DEST_CHECK -> out.sourceDestCheck(bool(o.sourceDestCheck()));
      case GROUP_SET -> out.groups(interfaces.groups(scope, groupIds(scope, i)));
      case EBS_OPTIMIZED -> out.ebsOptimized(bool(o.ebsOptimized()));
      case SRIOV_NET_SUPPORT -> out.sriovNetSupport(value("simple"));
      case ENA_SUPPORT -> out.enaSupport(bool(o.enaSupport()));
      case ENCLAVE_OPTIONS -> out.enclaveOptions(EnclaveOptions.builder().enabled(false).build());
      default -> throw AwsException.invalidParameterValue("Value (" + request.attributeAsString()
          + ") for parameter attribute is invalid. Unknown attribute.");
    }
    return out.build();
  }

  public ModifyInstanceAttributeResponse modifyInstanceAttribute(RequestContext ctx, ModifyInstanceAttributeRequest request) {
    Scope scope = ctx.scope();
    if (request.instanceId() == null) {
      throw Ec2Errors.required("InstanceId");
    }
    InstanceRecord i = state.instance(scope, request.instanceId());
    InstanceAttributes change = InstanceAttributes.of(request);
    if (!i.isLive()) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + i.instanceId()
          + "' is not in a state from which it can be modified.");
    }
    if (change.name() == InstanceAttributeName.GROUP_SET) {
      NetworkInterfaceRecord eni = state.networkInterface(scope, i.launch().networkInterfaceId());
      List<String> groups = factory.groups(scope, state.subnet(scope, eni.subnetId()), change.groupIds());
      state.networkInterfaces().put(scope, eni.networkInterfaceId(), eni.withGroups(groups));
    } else {
      state.instances().put(scope, i.instanceId(), i.withLaunch(changed(i, change)));
    }
    return ModifyInstanceAttributeResponse.builder().build();
  }

  /** The launch with the attribute changed; validated first, so a refused change stores nothing. */
  private static InstanceRecord.Launch changed(InstanceRecord i, InstanceAttributes change) {
    var l = i.launch();
    var o = l.options();
    return switch (change.name()) {
      case INSTANCE_TYPE -> {
        stopped(i, change);
        InstanceTypes.TypeInfo type = InstanceTypes.find(change.value()).filter(t -> t.architecture().equals(l.architecture()))
            .orElseThrow(() -> invalid(change));
        yield l.withType(type.name(), type.architecture());
      }
      case USER_DATA -> {
        stopped(i, change);
        yield l.withUserData(change.decodedUserData(), change.value());
      }
      case DISABLE_API_TERMINATION -> l.withOptions(o.withDisableApiTermination(change.bool()));
      case DISABLE_API_STOP -> l.withOptions(o.withDisableApiStop(change.bool()));
      case SOURCE_DEST_CHECK -> l.withOptions(o.withSourceDestCheck(change.bool()));
      case INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR -> {
        if (!List.of("stop", "terminate").contains(change.value())) {
          throw invalid(change);
        }
        yield l.withOptions(o.withShutdownBehavior(change.value()));
      }
      case EBS_OPTIMIZED -> l.withOptions(o.withEbsOptimized(stopped(i, change).bool()));
      case ENA_SUPPORT -> l.withOptions(o.withEnaSupport(stopped(i, change).bool()));
      case SRIOV_NET_SUPPORT -> {
        if (!stopped(i, change).value().equals("simple")) {
          throw invalid(change);
        }
        yield l;
      }
      default -> throw AwsException.badRequest("UnsupportedOperation", "Modifying the " + change.name()
          + " attribute is not supported for instance '" + i.instanceId() + "'.");
    };
  }

  public ModifyInstanceMetadataOptionsResponse modifyInstanceMetadataOptions(RequestContext ctx,
      ModifyInstanceMetadataOptionsRequest request) {
    Scope scope = ctx.scope();
    InstanceRecord i = state.instance(scope, request.instanceId());
    if (!i.isLive()) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + i.instanceId()
          + "' is not in a state from which it can be modified.");
    }
    var o = i.launch().options();
    MetadataOptions metadata = o.metadata().with(request);
    state.instances().put(scope, i.instanceId(), i.withLaunch(i.launch().withOptions(o.withMetadata(metadata))));
    // AWS answers "pending"; DescribeInstances shows "applied" once the host has it, here at once.
    return ModifyInstanceMetadataOptionsResponse.builder().instanceId(i.instanceId())
        .instanceMetadataOptions(metadata.render(InstanceMetadataOptionsState.PENDING)).build();
  }

  private List<String> groupIds(Scope scope, InstanceRecord i) {
    return state.networkInterfaces().find(scope, i.launch().networkInterfaceId()).map(NetworkInterfaceRecord::groupIds)
        .orElse(i.launch().groupIds());
  }

  private static InstanceAttributes stopped(InstanceRecord i, InstanceAttributes change) {
    if (i.state() != InstanceStateName.STOPPED) {
      throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + i.instanceId() + "' is not in the 'stopped' state.");
    }
    return change;
  }

  private static AwsException invalid(InstanceAttributes change) {
    return AwsException.badRequest("InvalidInstanceAttributeValue", "Value (" + change.value() + ") for parameter "
        + change.name() + " is invalid.");
  }

  private static AttributeValue value(String v) {
    return AttributeValue.builder().value(v).build();
  }

  private static AttributeBooleanValue bool(boolean v) {
    return AttributeBooleanValue.builder().value(v).build();
  }
}
