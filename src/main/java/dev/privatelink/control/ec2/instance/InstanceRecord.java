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
 * @param consoleOutput the last 64 KiB the instance printed on its console, as AWS keeps
 * @param terminatedAt when it reached {@code terminated}, or null
 */
public record InstanceRecord(Launch launch, InstanceStateName state, String stateTransitionReason,
    @Nullable String stateReasonCode, @Nullable String publicIp, Instant launchTime, String consoleOutput,
    @Nullable Instant terminatedAt) {
  /** How long AWS keeps showing a terminated instance. */
  public static final java.time.Duration VISIBLE_AFTER_TERMINATION = java.time.Duration.ofHours(1);

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

    /** The launch after ModifyInstanceAttribute changed the type (of a stopped instance). */
    public Launch withType(String type, String arch) {
      return new Launch(instanceId, reservationId, ownerId, imageId, type, arch, keyName, subnetId, vpcId,
          availabilityZone, availabilityZoneId, networkInterfaceId, privateIp, privateDnsName, groupIds, amiLaunchIndex,
          userData, userDataBase64, clientToken, rootVolumeId, options);
    }

    /** The launch after ModifyInstanceAttribute replaced the user data (of a stopped instance). */
    public Launch withUserData(String decoded, String base64) {
      return new Launch(instanceId, reservationId, ownerId, imageId, instanceType, architecture, keyName, subnetId, vpcId,
          availabilityZone, availabilityZoneId, networkInterfaceId, privateIp, privateDnsName, groupIds, amiLaunchIndex,
          decoded, base64, clientToken, rootVolumeId, options);
    }

    public Launch withOptions(Options changed) {
      return new Launch(instanceId, reservationId, ownerId, imageId, instanceType, architecture, keyName, subnetId, vpcId,
          availabilityZone, availabilityZoneId, networkInterfaceId, privateIp, privateDnsName, groupIds, amiLaunchIndex,
          userData, userDataBase64, clientToken, rootVolumeId, changed);
    }
  }

  /**
   * The instance attributes DescribeInstanceAttribute reports and ModifyInstanceAttribute changes.
   *
   * @param shutdownBehavior {@code stop} or {@code terminate}
   */
  public record Options(boolean disableApiTermination, boolean disableApiStop, String shutdownBehavior,
      MetadataOptions metadata, boolean ebsOptimized, boolean monitoring, boolean sourceDestCheck, boolean enaSupport) {
    public Options withDisableApiTermination(boolean v) {
      return new Options(v, disableApiStop, shutdownBehavior, metadata, ebsOptimized, monitoring, sourceDestCheck, enaSupport);
    }

    public Options withDisableApiStop(boolean v) {
      return new Options(disableApiTermination, v, shutdownBehavior, metadata, ebsOptimized, monitoring, sourceDestCheck, enaSupport);
    }

    public Options withShutdownBehavior(String v) {
      return new Options(disableApiTermination, disableApiStop, v, metadata, ebsOptimized, monitoring, sourceDestCheck, enaSupport);
    }

    public Options withMetadata(MetadataOptions v) {
      return new Options(disableApiTermination, disableApiStop, shutdownBehavior, v, ebsOptimized, monitoring, sourceDestCheck, enaSupport);
    }

    public Options withEbsOptimized(boolean v) {
      return new Options(disableApiTermination, disableApiStop, shutdownBehavior, metadata, v, monitoring, sourceDestCheck, enaSupport);
    }

    public Options withSourceDestCheck(boolean v) {
      return new Options(disableApiTermination, disableApiStop, shutdownBehavior, metadata, ebsOptimized, monitoring, v, enaSupport);
    }

    public Options withEnaSupport(boolean v) {
      return new Options(disableApiTermination, disableApiStop, shutdownBehavior, metadata, ebsOptimized, monitoring, sourceDestCheck, v);
    }
  }

  public String instanceId() {
    return launch.instanceId();
  }

  public InstanceRecord withState(InstanceStateName newState, String reason, @Nullable String reasonCode) {
    return new InstanceRecord(launch, newState, reason, reasonCode, publicIp, launchTime, consoleOutput, terminatedAt);
  }

  public InstanceRecord withLaunch(Launch changed) {
    return new InstanceRecord(changed, state, stateTransitionReason, stateReasonCode, publicIp, launchTime, consoleOutput,
        terminatedAt);
  }

  public InstanceRecord withPublicIp(@Nullable String ip) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, ip, launchTime, consoleOutput, terminatedAt);
  }

  public InstanceRecord withLaunchTime(Instant time) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, publicIp, time, consoleOutput, terminatedAt);
  }

  /** AWS keeps the most recent 64 KiB of console output. */
  public static final int CONSOLE_LIMIT = 64 * 1024;

  public InstanceRecord withConsoleAppended(String text) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, publicIp, launchTime,
        lastBytes(consoleOutput + text), terminatedAt);
  }

  public InstanceRecord withTerminatedAt(Instant time) {
    return new InstanceRecord(launch, state, stateTransitionReason, stateReasonCode, publicIp, launchTime, consoleOutput, time);
  }

  /** The end of {@code text} that fits in {@link #CONSOLE_LIMIT} UTF-8 bytes (so each append costs at most that). */
  static String lastBytes(String text) {
    String tail = text.length() > CONSOLE_LIMIT ? text.substring(text.length() - CONSOLE_LIMIT) : text;
    int excess = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8).length - CONSOLE_LIMIT;
    if (excess > 0) {
      tail = tail.substring(excess); // each char is at least one byte, so this removes enough
    }
    if (!tail.isEmpty() && Character.isLowSurrogate(tail.charAt(0))) {
      tail = tail.substring(1);
    }
    return tail;
  }

  /** False once AWS would have stopped showing it: an hour after it terminated. */
  public boolean isVisible(Instant now) {
    return terminatedAt == null || now.isBefore(terminatedAt.plus(VISIBLE_AFTER_TERMINATION));
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
