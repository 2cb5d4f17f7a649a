package dev.privatelink.control.ec2.flowlog;

import dev.privatelink.control.ControlEvent.ObservedFlow;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import java.util.StringJoiner;

/** Writes one observed flow as a flow log record line, in a format's field order. */
final class FlowRecordLine {
  private FlowRecordLine() {}

  static String render(FlowLogFormat format, Scope scope, NetworkInterfaceRecord eni, ObservedFlow f) {
    StringJoiner line = new StringJoiner(" ");
    for (FlowLogField field : format.fields()) {
      line.add(value(field, format, scope, eni, f));
    }
    return line.toString();
  }

  private static String value(FlowLogField field, FlowLogFormat format, Scope scope, NetworkInterfaceRecord eni, ObservedFlow f) {
    return switch (field) {
      case VERSION -> String.valueOf(format.version());
      case ACCOUNT_ID -> eni.ownerId();
      case INTERFACE_ID -> eni.networkInterfaceId();
      case SRCADDR, PKT_SRCADDR -> f.srcAddr();
      case DSTADDR, PKT_DSTADDR -> f.dstAddr();
      case SRCPORT -> String.valueOf(f.srcPort());
      case DSTPORT -> String.valueOf(f.dstPort());
      case PROTOCOL -> String.valueOf(f.protocol());
      case PACKETS -> String.valueOf(f.packets());
      case BYTES -> String.valueOf(f.bytes());
      case START -> String.valueOf(f.start());
      case END -> String.valueOf(f.end());
      case ACTION -> f.accepted() ? "ACCEPT" : "REJECT";
      case LOG_STATUS -> "OK";
      case VPC_ID -> eni.vpcId();
      case SUBNET_ID -> eni.subnetId();
      case INSTANCE_ID -> eni.attachment() == null ? "-" : eni.attachment().instanceId();
      case TCP_FLAGS -> String.valueOf(f.tcpFlags());
      case TYPE -> "IPv4";
      case REGION -> scope.region();
      case AZ_ID -> eni.availabilityZoneId();
      case SUBLOCATION_TYPE, SUBLOCATION_ID, PKT_SRC_AWS_SERVICE, PKT_DST_AWS_SERVICE -> "-";
      case FLOW_DIRECTION -> f.ingress() ? "ingress" : "egress";
      // 1: through another resource in the same VPC, the only path a VPC has here.
      case TRAFFIC_PATH -> f.ingress() ? "-" : "1";
    };
  }
}
