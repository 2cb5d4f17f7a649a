package dev.privatelink.control.ec2;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ControlEvent;
import dev.privatelink.control.EventHandler;
import dev.privatelink.control.Network;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.dhcp.DhcpOptionsActions;
import dev.privatelink.control.ec2.eni.NetworkInterfaceActions;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.gateway.InternetGatewayActions;
import dev.privatelink.control.ec2.image.ImageActions;
import dev.privatelink.control.ec2.instance.InstanceActions;
import dev.privatelink.control.ec2.instance.InstanceAttributeActions;
import dev.privatelink.control.ec2.instance.InstanceDetailActions;
import dev.privatelink.control.ec2.instance.InstanceTypeActions;
import dev.privatelink.control.ec2.instance.InstanceRecord;
import dev.privatelink.control.ec2.instance.RunInstancesAction;
import dev.privatelink.control.ec2.instance.VolumeActions;
import dev.privatelink.control.ec2.keypair.KeyPairActions;
import dev.privatelink.control.ec2.networkacl.NetworkAclActions;
import dev.privatelink.control.ec2.prefixlist.ManagedPrefixListQueries;
import dev.privatelink.control.ec2.prefixlist.ManagedPrefixLists;
import dev.privatelink.control.ec2.prefixlist.PrefixLists;
import dev.privatelink.control.ec2.region.RegionActions;
import dev.privatelink.control.ec2.routetable.RouteActions;
import dev.privatelink.control.ec2.routetable.RouteTableActions;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupActions;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRecord;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRuleActions;
import dev.privatelink.control.ec2.securitygroup.SecurityGroupRuleQueries;
import dev.privatelink.control.ec2.subnet.SubnetActions;
import dev.privatelink.control.ec2.subnet.SubnetCidrReservationActions;
import dev.privatelink.control.ec2.subnet.SubnetRecord;
import dev.privatelink.control.ec2.tagging.TagActions;
import dev.privatelink.control.ec2.tagging.TaggableResources;
import dev.privatelink.control.ec2.vpc.ClassicLinkActions;
import dev.privatelink.control.ec2.vpc.AccountAttributeActions;
import dev.privatelink.control.ec2.vpc.DefaultVpcActions;
import dev.privatelink.control.ec2.vpc.DefaultVpcs;
import dev.privatelink.control.ec2.vpc.VpcActions;
import dev.privatelink.control.ec2.vpc.VpcCidrActions;
import dev.privatelink.control.ec2.vpc.VpcRecord;
import dev.privatelink.control.tags.Ec2Tags;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The EC2 control plane (everything but VPC endpoints and endpoint services): its state, its
 * action handlers, the {@link Network} other features use, and the read methods the data-plane
 * projection uses. Each read method returns every resource of every account and region with its
 * scope, in creation order.
 */
public final class Ec2 implements EventHandler {
  private final Ec2State state;
  private final Ec2Network network;
  private final Ec2Events events;
  private final List<ActionHandler> handlers;

  public Ec2(Ec2Tags tags) {
    this.state = new Ec2State(tags);
    this.network = new Ec2Network(state);
    this.events = new Ec2Events(state);
    var subnets = new SubnetActions(state);
    // Grouped by the resource they serve, in the order of the EC2 API reference's sections.
    this.handlers = List.of(
        new RegionActions(), new ImageActions(), new KeyPairActions(state), new AccountAttributeActions(state),
        new VpcActions(state), new VpcCidrActions(state), new DefaultVpcActions(state, subnets), new ClassicLinkActions(),
        new DhcpOptionsActions(state), subnets, new SubnetCidrReservationActions(state),
        new InternetGatewayActions(state), new RouteTableActions(state), new RouteActions(state), new NetworkAclActions(state),
        new SecurityGroupActions(state), new SecurityGroupRuleActions(state), new SecurityGroupRuleQueries(state),
        new PrefixLists(), new ManagedPrefixLists(state), new ManagedPrefixListQueries(state),
        new NetworkInterfaceActions(state), new RunInstancesAction(state), new InstanceActions(state),
        new InstanceDetailActions(state), new InstanceAttributeActions(state), new InstanceTypeActions(),
        new VolumeActions(state), new TagActions(tags, state.taggable()));
    Ec2Taggables.register(state);
  }

  /** The action handlers to register with the cloud. */
  public List<ActionHandler> handlers() {
    return handlers;
  }

  @Override
  public boolean apply(ControlEvent event, Instant now) {
    return events.apply(event, now);
  }

  /** True until the scope's default VPC has been made (see {@link DefaultVpcs}). */
  public boolean needsOpening(Scope scope) {
    return DefaultVpcs.needsOpening(state, scope);
  }

  /** Makes the scope's default VPC and DHCP options the first time the scope is used; true if it did. */
  public boolean open(Scope scope) {
    return DefaultVpcs.open(state, scope);
  }

  /** What the load balancer and PrivateLink features use of the network. */
  public Network network() {
    return network;
  }

  /** Where other features register their taggable id prefixes (e.g. {@code vpce}, {@code vpce-svc}). */
  public TaggableResources taggable() {
    return state.taggable();
  }

  /** Lets another feature keep VPCs from being deleted while it has resources in them. */
  public void addVpcDependent(java.util.function.BiPredicate<Scope, String> dependent) {
    state.addVpcDependent(dependent);
  }

  public Ec2State state() {
    return state;
  }

  // Read methods for the data-plane projection.

  /** Every VPC: id, owner, CIDR, state, enableDnsSupport/enableDnsHostnames, default group id. */
  public List<Map.Entry<Scope, VpcRecord>> vpcs() {
    return state.vpcs().everywhere();
  }

  /** Every subnet: id, VPC, CIDR, availability zone, state. */
  public List<Map.Entry<Scope, SubnetRecord>> subnets() {
    return state.subnets().everywhere();
  }

  /** Every security group with its rules (one peer per rule: CIDR or referenced group). */
  public List<Map.Entry<Scope, SecurityGroupRecord>> securityGroups() {
    return state.securityGroups().everywhere();
  }

  /** Every network interface: instance ones (attachment set) and requester-managed ones. */
  public List<Map.Entry<Scope, NetworkInterfaceRecord>> networkInterfaces() {
    return state.networkInterfaces().everywhere();
  }

  /** Every instance, terminated ones included: id, interface, private IP and DNS name, decoded user data, state. */
  public List<Map.Entry<Scope, InstanceRecord>> instances() {
    return state.instances().everywhere();
  }

}
