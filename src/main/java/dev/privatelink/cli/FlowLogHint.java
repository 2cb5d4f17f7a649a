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

  /** The instance's primary interface and the flow logs to CloudWatch Logs that cover it. */
  record Watch(String eni, List<FlowLog> flowLogs) {
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
      return new Watch(eni, logs.stream().filter(l -> l.logGroupName() != null).toList());
    } catch (AwsServiceException e) {
      return new Watch(eni, List.of());
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
   * {@code [version, account_id, interface_id="eni-…", …, dstport=443, …, end>=S, …]}: the records
   * of {@code eni} to {@code port} whose aggregation window ended at or after epoch second {@code
   * notBefore}. Without an {@code end} field the window is not constrained.
   */
  static String pattern(FlowLog log, String eni, String port, long notBefore) {
    List<String> terms = new ArrayList<>();
    for (String field : fields(log)) {
      String name = field.replace('-', '_');
      terms.add(switch (field) {
        case "interface-id" -> name + "=\"" + eni + "\"";
        case "dstport" -> name + "=" + port;
        case "end" -> name + ">=" + notBefore;
        default -> name;
      });
    }
    return "[" + String.join(", ", terms) + "]";
  }
}
