package dev.privatelink.control.ec2;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ec2.image.ImageActions;
import dev.privatelink.control.ec2.keypair.KeyPairActions;
import dev.privatelink.control.ec2.region.RegionActions;
import dev.privatelink.control.ec2.subnet.SubnetActions;
import dev.privatelink.control.ec2.vpc.VpcActions;
import dev.privatelink.control.tags.Ec2Tags;
import java.util.List;

/**
 * The EC2 control plane (everything but VPC endpoints): its state, its action handlers, and the
 * read methods the data-plane projection uses.
 */
public final class Ec2 {
  private final Ec2State state;
  private final List<ActionHandler> handlers;

  public Ec2(Ec2Tags tags) {
    this.state = new Ec2State(tags);
    this.handlers = List.of(new RegionActions(), new ImageActions(), new KeyPairActions(state), new VpcActions(state),
        new SubnetActions(state));
  }

  /** The action handlers to register with the cloud. */
  public List<ActionHandler> handlers() {
    return handlers;
  }

  public Ec2State state() {
    return state;
  }
}
