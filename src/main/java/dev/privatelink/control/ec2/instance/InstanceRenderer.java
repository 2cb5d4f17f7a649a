package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Names;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRenderer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.CapacityReservationSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.CpuOptions;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.HibernationOptions;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceMaintenanceOptions;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsState;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.InstancePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.PrivateDnsNameOptionsResponse;
import software.amazon.awssdk.services.ec2.model.StateReason;

/**
 * Turns stored instances into the SDK's {@link Instance}. A terminated instance has lost its
 * interface and public address but stays visible, as in AWS.
 */
final class InstanceRenderer {
  private final Ec2State state;
  private final NetworkInterfaceRenderer interfaces;

  InstanceRenderer(Ec2State state) {
    this.state = state;
    this.interfaces = new NetworkInterfaceRenderer(state);
  }

  static InstanceState state(InstanceStateName name) {
    return InstanceState.builder().name(name).code(InstanceRecord.stateCode(name)).build();
  }

  Instance render(Scope scope, InstanceRecord i) {
    var l = i.launch();
    var type = InstanceTypes.find(l.instanceType()).orElseThrow();
    var eni = state.networkInterfaces().find(scope, l.networkInterfaceId());
    boolean live = i.isLive();
    return Instance.builder()
        .instanceId(l.instanceId()).imageId(l.imageId()).instanceType(l.instanceType()).architecture(l.architecture())
        .keyName(l.keyName()).amiLaunchIndex(l.amiLaunchIndex()).launchTime(i.launchTime())
        .state(state(i.state())).stateTransitionReason(i.stateTransitionReason())
        .stateReason(stateReason(i))
        .placement(Placement.builder().availabilityZone(l.availabilityZone()).availabilityZoneId(l.availabilityZoneId())
            .groupName("").tenancy("default").build())
        .subnetId(live ? l.subnetId() : null).vpcId(live ? l.vpcId() : null)
        .privateIpAddress(live ? l.privateIp() : null).privateDnsName(live ? l.privateDnsName() : "")
        .publicIpAddress(i.publicIp()).publicDnsName(eni.map(e -> interfaces.publicDns(scope, e)).orElse(""))
        .securityGroups(live ? interfaces.groups(scope, eni.map(NetworkInterfaceRecord::groupIds).orElse(l.groupIds())) : List.of())
        .networkInterfaces(eni.map(e -> List.of(networkInterface(scope, l, e))).orElse(List.of()))
        .blockDeviceMappings(live ? List.of(rootDevice(i)) : List.of())
        .rootDeviceName("/dev/xvda").rootDeviceType("ebs").virtualizationType("hvm").hypervisor("xen")
        .enaSupport(l.options().enaSupport()).ebsOptimized(l.options().ebsOptimized())
        .sourceDestCheck(l.options().sourceDestCheck()).clientToken(l.clientToken())
        .monitoring(Monitoring.builder().state(l.options().monitoring() ? "enabled" : "disabled").build())
        .productCodes(List.of()).platformDetails("Linux/UNIX").usageOperation("RunInstances")
        .usageOperationUpdateTime(i.launchTime()).bootMode("uefi-preferred").currentInstanceBootMode("legacy-bios")
        .cpuOptions(CpuOptions.builder().coreCount(type.cores()).threadsPerCore(type.threadsPerCore()).build())
        .capacityReservationSpecification(CapacityReservationSpecificationResponse.builder()
            .capacityReservationPreference("open").build())
        .hibernationOptions(HibernationOptions.builder().configured(false).build())
        .enclaveOptions(EnclaveOptions.builder().enabled(false).build())
        .metadataOptions(l.options().metadata().render(InstanceMetadataOptionsState.APPLIED))
        .privateDnsNameOptions(PrivateDnsNameOptionsResponse.builder().hostnameType("ip-name")
            .enableResourceNameDnsARecord(false).enableResourceNameDnsAAAARecord(false).build())
        .maintenanceOptions(InstanceMaintenanceOptions.builder().autoRecovery("default").build())
        .tags(state.tagList(scope, l.instanceId()))
        .build();
  }

  /** AWS explains a pending instance as code and message "pending"; a running one carries no reason. */
  private static @Nullable StateReason stateReason(InstanceRecord i) {
    if (i.stateReasonCode() != null) {
      return StateReason.builder().code(i.stateReasonCode())
          .message(i.stateReasonCode() + ": " + reasonText(i.stateReasonCode())).build();
    }
    return i.state() == InstanceStateName.PENDING ? StateReason.builder().code("pending").message("pending").build() : null;
  }

  private static String reasonText(String code) {
    return switch (code) {
      case "Client.UserInitiatedShutdown" -> "User initiated shutdown";
      case "Server.InternalError" -> "Internal error on launch";
      default -> code;
    };
  }

  private InstanceNetworkInterface networkInterface(Scope scope, InstanceRecord.Launch l, NetworkInterfaceRecord e) {
    var association = e.publicIp() == null ? null : InstanceNetworkInterfaceAssociation.builder().publicIp(e.publicIp())
        .publicDnsName(interfaces.publicDns(scope, e)).ipOwnerId("amazon").build();
    var a = e.attachment();
    return InstanceNetworkInterface.builder().networkInterfaceId(e.networkInterfaceId()).subnetId(e.subnetId())
        .vpcId(e.vpcId()).ownerId(e.ownerId()).description(e.description()).macAddress(e.macAddress())
        .privateIpAddress(e.privateIp()).privateDnsName(l.privateDnsName()).sourceDestCheck(l.options().sourceDestCheck()).status(e.status())
        .interfaceType(e.interfaceType()).groups(interfaces.groups(scope, e.groupIds())).association(association)
        .privateIpAddresses(InstancePrivateIpAddress.builder().primary(true).privateIpAddress(e.privateIp())
            .privateDnsName(l.privateDnsName()).association(association).build())
        .attachment(a == null ? null : InstanceNetworkInterfaceAttachment.builder().attachmentId(a.attachmentId())
            .deviceIndex(a.deviceIndex()).networkCardIndex(0).status("attached").attachTime(a.attachTime())
            .deleteOnTermination(a.deleteOnTermination()).build())
        .ipv6Addresses(List.of())
        .build();
  }

  static InstanceBlockDeviceMapping rootDevice(InstanceRecord i) {
    return InstanceBlockDeviceMapping.builder().deviceName("/dev/xvda").ebs(EbsInstanceBlockDevice.builder()
        .volumeId(i.launch().rootVolumeId()).status("attached").attachTime(i.launchTime()).deleteOnTermination(true).build())
        .build();
  }

  static String privateDns(String region, String ip) {
    return Ec2Names.privateDnsName(region, ip);
  }
}
