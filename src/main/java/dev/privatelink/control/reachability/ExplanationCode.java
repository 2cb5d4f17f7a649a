package dev.privatelink.control.reachability;

/**
 * The Reachability Analyzer explanation codes this analysis gives for a blocked path, spelled as
 * AWS spells them.
 *
 * @see <a href="https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html">Explanation codes</a>
 */
public enum ExplanationCode {
  /** A component (endpoint, service, load balancer, target) is not in a functional state. */
  BAD_STATE,
  /** No security group rule of a network interface admits the traffic. */
  ENI_SG_RULES_MISMATCH,
  /** The subnet's network ACL does not admit the traffic. */
  SUBNET_ACL_RESTRICTION,
  /** The subnet's route table has no route to the destination. */
  NO_ROUTE_TO_DESTINATION,
  /** The load balancer has no listener on the destination port. */
  ELBV2_LISTENERS_MISMATCH,
  /** The listener forwards to no target group. */
  ELBV2_LISTENER_REQUIRES_TG_ACCEPT,
  /** The listener's target group has no targets. */
  ELBV2_LISTENER_HAS_NO_TG,
  /** Cross-zone load balancing is off and the node's zone has no target. */
  ELB_NOT_CROSSZONE,
  /** The endpoint service has no load balancer node in the endpoint network interface's zone. */
  VPCE_SERVICE_NOT_INSTALLED_IN_AZ,
  /** Nothing is known at the destination address. */
  UNKNOWN_DESTINATION
}
