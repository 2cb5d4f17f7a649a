package dev.privatelink.control.ec2.flowlog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields a flow log record can carry, up to version 5, with the version that introduced each
 * (a record's {@code version} is the highest version among its format's fields).
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html">Flow log records</a>
 */
enum FlowLogField {
  VERSION("version", 2), ACCOUNT_ID("account-id", 2), INTERFACE_ID("interface-id", 2), SRCADDR("srcaddr", 2),
  DSTADDR("dstaddr", 2), SRCPORT("srcport", 2), DSTPORT("dstport", 2), PROTOCOL("protocol", 2), PACKETS("packets", 2),
  BYTES("bytes", 2), START("start", 2), END("end", 2), ACTION("action", 2), LOG_STATUS("log-status", 2),
  VPC_ID("vpc-id", 3), SUBNET_ID("subnet-id", 3), INSTANCE_ID("instance-id", 3), TCP_FLAGS("tcp-flags", 3),
  TYPE("type", 3), PKT_SRCADDR("pkt-srcaddr", 3), PKT_DSTADDR("pkt-dstaddr", 3),
  REGION("region", 4), AZ_ID("az-id", 4), SUBLOCATION_TYPE("sublocation-type", 4), SUBLOCATION_ID("sublocation-id", 4),
  PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5), PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5),
  FLOW_DIRECTION("flow-direction", 5), TRAFFIC_PATH("traffic-path", 5);

  private final String awsName;
  private final int version;

  FlowLogField(String awsName, int version) {
    this.awsName = awsName;
    this.version = version;
  }

  String awsName() {
    return awsName;
  }

  int version() {
    return version;
  }

  static Optional<FlowLogField> named(String name) {
    return Arrays.stream(values()).filter(f -> f.awsName.equals(name)).findFirst();
  }
}
