package dev.privatelink.control.ec2.instance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * An instance: what was fixed at launch, and what changes over its life (state, public address,
 * console output).
 *
 * @param state pending, running, shutting-down, terminated, stopping, stopped
 * @param stateReasonCode e.g. {@code Client.UserInitiatedShutdown}, or null
 * @param consoleOutput everything the instance printed on its console so far
 */
public record InstanceRecord(Launch launch, InstanceStateName state, String stateTransitionReason,
    @Nullable String stateReasonCode, @Nullable String publicIp, Instant launchTime, String consoleOutput) {

  /**
   * What RunInstances decided.
   *
   * @param userData the decoded user data (UTF-8), or empty
   * @param userDataBase64 the user data as given, or null
   */
  public record Launch(
      String instanceId,
      String reservationId,
      String ownerId,
      String imageId,
      String instanceType,
      String architecture,
      @Nullable String keyName,
      String subnetId,
      String vpcId,
      String availabilityZone,
      String availabilityZoneId,
      String networkInterfaceId,
      String privateIp,
      String privateDnsName,
      List<String> groupIds,
      int amiLaunchIndex,
      String userData,
      @Nullable String userDataBase64,
      @Nullable String clientToken,
      String rootVolumeId,
      Options options) {
    public Launch {
      groupIds = List.copyOf(groupIds);
    }
  }

  /** Launch options DescribeInstanceAttribute reports. */
  public record Options(boolean disableApiTermination, boolean disableApiStop, String shutdownBehavior,
      String httpTokens, boolean ebsOptimized, boolean monitoring) {}

  public String instanceId() {
    return launch.instanceId();
  }

  public InstanceRecord withState(InstanceStateName newState, String reason, @Nullable String reasonCode) {
    return new InstanceRecord(launch, newState, reason, reasonCode, publicIp, launchTime, consoleOutput);
  }

  public InstanceRecord withPublicIp(@Nullable String ip) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, ip, launchTime, consoleOutput);
  }

  public InstanceRecord withLaunchTime(Instant time) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, publicIp, time, consoleOutput);
  }

  public InstanceRecord withConsoleAppended(String text) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, publicIp, launchTime,
        consoleOutput + text);
  }

  /** True while the instance counts against its subnet and VPC (not yet terminated). */
  public boolean isLive() {
    return state != InstanceStateName.TERMINATED;
  }

  /** AWS's numeric code for a state (the low byte of InstanceState.Code). */
  public static int stateCode(InstanceStateName state) {
    return switch (state) {
      case PENDING -> 0;
      case RUNNING -> 16;
      case SHUTTING_DOWN -> 32;
      case TERMINATED -> 48;
      case STOPPING -> 64;
      case STOPPED -> 80;
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalStateException("instance state " + state);
    };
  }
}
