package dev.privatelink.control.ec2.instance;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.InterfaceOwner;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2Names;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.ec2.eni.InterfaceFactory;
import dev.privatelink.control.ec2.eni.NetworkInterfaceRecord;
import dev.privatelink.control.ec2.eni.PublicAddresses;
import dev.privatelink.control.ec2.eni.SubnetAddresses;
import dev.privatelink.control.ec2.image.ImageCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * Serves <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html">RunInstances</a>:
 * checks image, type, network, key and user data, then launches between MinCount and MaxCount
 * instances ({@code pending}), each with its own interface holding the subnet's next free address.
 */
public final class RunInstancesAction implements ActionHandler {
  private static final int MAX_USER_DATA = 16 * 1024;
  private static final Set<String> TAGGABLE = Set.of("instance", "volume", "network-interface");
  private final Ec2State state;
  private final SubnetAddresses addresses;
  private final PublicAddresses publicAddresses;
  private final InterfaceFactory interfaces;
  private final InstanceRenderer renderer;

  public RunInstancesAction(Ec2State state) {
    this.state = state;
    this.addresses = new SubnetAddresses(state);
    this.publicAddresses = new PublicAddresses(state);
    this.interfaces = new InterfaceFactory(state);
    this.renderer = new InstanceRenderer(state);
  }

  public RunInstancesResponse runInstances(RequestContext ctx, RunInstancesRequest r) {
    Scope scope = ctx.scope();
    if (r.clientToken() != null) {
      List<InstanceRecord> earlier = state.instances().where(scope, i -> r.clientToken().equals(i.launch().clientToken()));
      if (!earlier.isEmpty()) {
        return response(scope, earlier);
      }
    }
    if (r.imageId() == null) {
      throw Ec2Errors.required("ImageId");
    }
    Image image = ImageCatalog.find(ctx.region(), r.imageId()).orElseThrow(() -> Ec2Errors.imageNotFound(r.imageId()));
    int[] counts = counts(r.minCount(), r.maxCount());
    InstanceTypes.TypeInfo type = type(r.instanceTypeAsString(), image);
    LaunchNetwork network = LaunchNetwork.of(state, scope, r);
    if (r.keyName() != null && state.keyPairs().find(scope, r.keyName()).isEmpty()) {
      throw Ec2Errors.keyPairNotFound(r.keyName());
    }
    String userData = userData(r.userData());
    TagSpecs.validate(state.tags(), scope, r.tagSpecifications(), TAGGABLE);
    int count = capacity(scope, network, counts);
    var options = options(r);
    String reservationId = ctx.ids().ec2Id("r");
    Set<String> privateTaken = new HashSet<>();
    Set<String> publicTaken = new HashSet<>();
    List<InstanceRecord> launched = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      String ip = network.privateIp() != null ? network.privateIp() : addresses.nextFree(scope, network.subnet(), privateTaken);
      privateTaken.add(ip);
      String publicIp = network.publicIp() ? publicAddresses.next(publicTaken) : null;
      if (publicIp != null) {
        publicTaken.add(publicIp);
      }
      var launch = new InstanceRecord.Launch(ctx.ids().ec2Id("i"), reservationId, ctx.accountId(), image.imageId(),
          type.name(), type.architecture(), r.keyName(), network.subnet().subnetId(), network.subnet().vpcId(),
          network.subnet().availabilityZone(), network.subnet().availabilityZoneId(), ctx.ids().ec2Id("eni"), ip,
          Ec2Names.privateDnsName(ctx.region(), ip), network.groupIds(), index, userData, r.userData(), r.clientToken(),
          ctx.ids().ec2Id("vol"), options);
      launched.add(store(ctx, launch, network, publicIp, r));
    }
    return response(scope, launched);
  }

  /** The attributes RunInstances sets, each at AWS's default unless given. */
  private static InstanceRecord.Options options(RunInstancesRequest r) {
    return new InstanceRecord.Options(Boolean.TRUE.equals(r.disableApiTermination()),
        Boolean.TRUE.equals(r.disableApiStop()), r.instanceInitiatedShutdownBehaviorAsString() == null ? "stop"
            : r.instanceInitiatedShutdownBehaviorAsString(),
        MetadataOptions.of(r.metadataOptions()), Boolean.TRUE.equals(r.ebsOptimized()),
        r.monitoring() != null && Boolean.TRUE.equals(r.monitoring().enabled()), true, true);
  }

  private InstanceRecord store(RequestContext ctx, InstanceRecord.Launch launch, LaunchNetwork network, @Nullable String publicIp,
      RunInstancesRequest r) {
    Scope scope = ctx.scope();
    var attachment = new NetworkInterfaceRecord.Attachment(ctx.ids().ec2Id("eni-attach"), launch.instanceId(), 0,
        ctx.now(), true);
    NetworkInterfaceRecord eni = interfaces.create(ctx, launch.networkInterfaceId(), network.subnet(), launch.privateIp(),
        launch.groupIds(), network.description(), "interface", null, attachment,
        new InterfaceOwner.Instance(launch.instanceId())).withPublicIp(publicIp);
    state.networkInterfaces().put(scope, eni.networkInterfaceId(), eni);
    var instance = new InstanceRecord(launch, InstanceStateName.PENDING, "", null, publicIp, ctx.now(), "", null);
    state.instances().put(scope, launch.instanceId(), instance);
    TagSpecs.apply(state.tags(), scope, launch.instanceId(), r.tagSpecifications(), "instance");
    TagSpecs.apply(state.tags(), scope, launch.rootVolumeId(), r.tagSpecifications(), "volume");
    TagSpecs.apply(state.tags(), scope, eni.networkInterfaceId(), r.tagSpecifications(), "network-interface");
    return instance;
  }

  private RunInstancesResponse response(Scope scope, List<InstanceRecord> instances) {
    var first = instances.get(0).launch();
    return RunInstancesResponse.builder().reservationId(first.reservationId()).ownerId(first.ownerId()).groups(List.of())
        .instances(instances.stream().map(i -> renderer.render(scope, i)).toList()).build();
  }

  private static int[] counts(Integer min, Integer max) {
    if (min == null) {
      throw Ec2Errors.required("MinCount");
    }
    if (max == null) {
      throw Ec2Errors.required("MaxCount");
    }
    if (min < 1) {
      throw AwsException.invalidParameterValue("Invalid value '" + min + "' for minCount. Must be greater than 0");
    }
    if (max < min) {
      throw AwsException.invalidParameterValue("Invalid value '" + min + "' for minCount. Must be less than or equal to maxCount");
    }
    return new int[] {min, max};
  }

  private static InstanceTypes.TypeInfo type(String name, Image image) {
    String wanted = name == null ? "m1.small" : name;
    InstanceTypes.TypeInfo type = InstanceTypes.find(wanted)
        .orElseThrow(() -> AwsException.invalidParameterValue("Invalid value '" + wanted + "' for InstanceType."));
    if (!type.architecture().equals(image.architectureAsString())) {
      throw AwsException.invalidParameterValue("The architecture '" + type.architecture() + "' of the specified instance type "
          + "does not match the architecture '" + image.architectureAsString() + "' of the specified AMI. Specify an instance "
          + "type and an AMI that have matching architectures, and try again.");
    }
    return type;
  }

  private static String userData(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return "";
    }
    byte[] raw;
    try {
      raw = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw AwsException.invalidParameterValue("Invalid BASE64 encoding of user data.");
    }
    if (raw.length > MAX_USER_DATA) {
      throw AwsException.invalidParameterValue("User data is limited to 16384 bytes");
    }
    return new String(raw, StandardCharsets.UTF_8);
  }

  private int capacity(Scope scope, LaunchNetwork network, int[] counts) {
    if (network.privateIp() != null) {
      if (counts[1] > 1) {
        throw AwsException.invalidParameterCombination("Cannot specify a private IP address when launching more than one instance");
      }
      addresses.requireFree(scope, network.subnet(), network.privateIp(), Set.of());
      return 1;
    }
    int free = addresses.available(scope, network.subnet());
    if (free < counts[0]) {
      throw AwsException.badRequest("InsufficientFreeAddressesInSubnet", "There are not enough free addresses in subnet '"
          + network.subnet().subnetId() + "' to satisfy the requested number of instances.");
    }
    return Math.min(counts[1], free);
  }
}
