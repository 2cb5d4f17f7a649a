package dev.privatelink.control.ec2.instance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An instance: what was fixed at launch, and what changes over its life (state, public address,
 * console output).
 *
 * @param state AWS's state name: pending, running, shutting-down, terminated, stopping, stopped
 * @param stateReasonCode e.g. {@code Client.UserInitiatedShutdown}, or null
 * @param consoleOutput everything the instance printed on its console so far
 */
public record InstanceRecord(Launch launch, String state, String stateTransitionReason, @Nullable String stateReasonCode,
    @Nullable String publicIp, Instant launchTime, String consoleOutput) {

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

  public InstanceRecord withState(String newState, String reason, @Nullable String reasonCode) {
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
    return !"terminated".equals(state);
  }

  public static int stateCode(String state) {
    return switch (state) {
      case "pending" -> 0;
      case "running" -> 16;
      case "shutting-down" -> 32;
      case "terminated" -> 48;
      case "stopping" -> 64;
      case "stopped" -> 80;
      default -> throw new IllegalArgumentException(state);
    };
  }
}
