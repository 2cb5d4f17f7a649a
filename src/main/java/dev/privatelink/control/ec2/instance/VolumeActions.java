package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVolumes.html">DescribeVolumes</a>
 * for the one volume each instance has: its 8 GiB gp3 root device, deleted with the instance.
 */
public record VolumeActions(Ec2State state) implements ActionHandler {
  @ReadOnly
  public DescribeVolumesResponse describeVolumes(RequestContext ctx, DescribeVolumesRequest request) {
    Scope scope = ctx.scope();
    Filters<InstanceRecord> filters = Filters.<InstanceRecord>of(i -> state.tagMap(scope, i.launch().rootVolumeId()))
        .one("volume-id", i -> i.launch().rootVolumeId())
        .one("attachment.instance-id", InstanceRecord::instanceId)
        .one("attachment.device", i -> "/dev/xvda")
        .one("attachment.status", i -> "attached")
        .one("attachment.delete-on-termination", i -> true)
        .one("availability-zone", i -> i.launch().availabilityZone())
        .one("status", i -> "in-use")
        .one("volume-type", i -> "gp3")
        .one("size", i -> 8)
        .one("encrypted", i -> false)
        .build();
    // A volume is its instance's root device: the live instances are the volumes.
    Page<Volume> page = Describe.of((InstanceRecord i) -> i.launch().rootVolumeId(), Ec2Errors::volumeNotFound, filters)
        .page(state.instances().where(scope, InstanceRecord::isLive), request.volumeIds(), request.filters(),
            request.maxResults(), request.nextToken()).map(i -> render(scope, i));
    return DescribeVolumesResponse.builder().volumes(page.items()).nextToken(page.nextToken()).build();
  }

  private Volume render(Scope scope, InstanceRecord i) {
    var l = i.launch();
    return Volume.builder().volumeId(l.rootVolumeId()).size(8).volumeType("gp3").iops(3000).throughput(125)
        .encrypted(false).availabilityZone(l.availabilityZone()).state("in-use").createTime(i.launchTime())
        .multiAttachEnabled(false)
        .attachments(VolumeAttachment.builder().volumeId(l.rootVolumeId()).instanceId(l.instanceId()).device("/dev/xvda")
            .state("attached").attachTime(i.launchTime()).deleteOnTermination(true).build())
        .tags(state.tagList(scope, l.rootVolumeId())).build();
  }
}
