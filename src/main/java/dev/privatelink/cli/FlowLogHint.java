package dev.privatelink.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Where {@code trace} finds the flow-log records of its attempt: the flow logs (DescribeFlowLogs)
 * of the instance's interface, subnet or VPC that deliver to CloudWatch Logs, and the
 * space-delimited filter pattern (in the flow log's own field order) that picks the attempt's
 * records out of a log group. A cloud that does not serve DescribeFlowLogs counts as one with no
 * flow log.
 */
final class FlowLogHint {
  private static final String DEFAULT_FORMAT = "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport}"
      + " ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";

  private FlowLogHint() {}

  /** The instance's primary interface, its address, and the flow logs to CloudWatch Logs that cover it. */
  record Watch(String eni, String privateIp, List<FlowLog> flowLogs) {
    Watch {
      flowLogs = List.copyOf(flowLogs);
    }
  }

  static Watch find(Ec2Client ec2, String instanceId) {
    Instance instance = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst().instances().getFirst();
    String eni = instance.networkInterfaces().getFirst().networkInterfaceId();
    try {
      List<FlowLog> logs = ec2.describeFlowLogs(r -> r.filter(f -> f.name("resource-id")
          .values(eni, instance.subnetId(), instance.vpcId()))).flowLogs();
      return new Watch(eni, instance.privateIpAddress(), logs.stream().filter(l -> l.logGroupName() != null).toList());
    } catch (AwsServiceException e) {
      return new Watch(eni, instance.privateIpAddress(), List.of());
    }
  }

  /** The flow log's field names in its record order ({@code interface-id}, {@code dstport}, …). */
  static List<String> fields(FlowLog log) {
    String format = log.logFormat() == null || log.logFormat().isBlank() ? DEFAULT_FORMAT : log.logFormat();
    List<String> names = new ArrayList<>();
    for (String token : format.strip().split("\\s+")) {
      names.add(token.replaceAll("^\\$\\{(.*)}$", "$1"));
    }
    return names;
  }

  /**
   * {@code [version, account_id, interface_id, srcaddr="10.0.1.5", …, dstport=443, …, end>=S, …]}:
   * the records of flows from the instance's address to {@code port} whose aggregation window ended
   * at or after epoch second {@code notBefore}, on every interface the flow log covers: the
   * instance's own (its egress verdict) and the destination's (its ingress verdict, where a
   * destination's group drops a flow). Without a {@code srcaddr} field, the instance's interface;
   * without an {@code end} field the window is not constrained.
   */
  static String pattern(FlowLog log, Watch watch, String port, long notBefore) {
    List<String> fields = fields(log);
    boolean bySource = fields.contains("srcaddr");
    List<String> terms = new ArrayList<>();
    for (String field : fields) {
      String name = field.replace('-', '_');
      terms.add(switch (field) {
        case "srcaddr" -> name + "=\"" + watch.privateIp() + "\"";
        case "interface-id" -> bySource ? name : name + "=\"" + watch.eni() + "\"";
        case "dstport" -> name + "=" + port;
        case "end" -> name + ">=" + notBefore;
        default -> name;
      });
    }
    return "[" + String.join(", ", terms) + "]";
  }
}
