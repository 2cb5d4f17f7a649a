package dev.privatelink.cli;

import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Where {@code trace} finds the flow-log records of its attempt: the flow logs (DescribeFlowLogs)
 * of the instance's interface, subnet or VPC that deliver to CloudWatch Logs, and the
 * {@code aws logs filter-log-events} query that finds the attempt's records in each. A cloud that
 * does not serve DescribeFlowLogs, or a source with no flow log, prints nothing.
 */
final class FlowLogHint {
  private FlowLogHint() {}

  static void print(Ec2Client ec2, String instanceId, String port) {
    Instance instance = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().getFirst().instances().getFirst();
    String eni = instance.networkInterfaces().getFirst().networkInterfaceId();
    List<FlowLog> logs;
    try {
      logs = ec2.describeFlowLogs(r -> r.filter(f -> f.name("resource-id")
          .values(eni, instance.subnetId(), instance.vpcId()))).flowLogs();
    } catch (AwsServiceException e) {
      return; // no flow logs on this cloud
    }
    for (FlowLog log : logs) {
      if (log.logGroupName() != null) {
        System.out.println("flow log " + log.flowLogId() + " of " + log.resourceId() + " delivers to " + log.logGroupName()
            + "; the attempt's records: aws logs filter-log-events --log-group-name " + log.logGroupName()
            + " --filter-pattern '[version, account, eni=" + eni + ", source, destination, srcport, destport=" + port
            + ", ...]'");
      }
    }
  }
}
