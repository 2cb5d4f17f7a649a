package dev.privatelink.dataplane.spec;

/**
 * An EC2 instance: its own network namespace joined to the VPC router, running its user data once
 * at first boot. A stopped instance keeps its namespace, interface and address, without processes.
 *
 * @param hostname the private DNS name, e.g. {@code ip-10-0-0-5.ec2.internal}
 * @param userData the decoded user data script, or empty
 * @param running false while the instance is stopping or stopped
 *     (<a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StopInstances.html">StopInstances</a>)
 */
public record InstanceSpec(String instanceId, String eniId, String privateIp, String hostname, String userData,
    boolean running) {
  /** A running instance. */
  public InstanceSpec(String instanceId, String eniId, String privateIp, String hostname, String userData) {
    this(instanceId, eniId, privateIp, hostname, userData, true);
  }
}
