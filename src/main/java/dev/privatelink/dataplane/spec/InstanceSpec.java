package dev.privatelink.dataplane.spec;

/**
 * An EC2 instance: its own network namespace joined to the VPC router, running its user data once
 * at first boot.
 *
 * @param hostname the private DNS name, e.g. {@code ip-10-0-0-5.ec2.internal}
 * @param userData the decoded user data script, or empty
 */
public record InstanceSpec(String instanceId, String eniId, String privateIp, String hostname, String userData) {}
