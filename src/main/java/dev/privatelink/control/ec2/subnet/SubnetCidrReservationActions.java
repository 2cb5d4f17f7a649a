package dev.privatelink.control.ec2.subnet;

import dev.privatelink.control.ActionHandler;
import dev.privatelink.control.AwsException;
import dev.privatelink.control.ReadOnly;
import dev.privatelink.control.RequestContext;
import dev.privatelink.control.Scope;
import dev.privatelink.control.ec2.Ec2Errors;
import dev.privatelink.control.ec2.Ec2State;
import dev.privatelink.control.ec2.TagSpecs;
import dev.privatelink.control.query.Describe;
import dev.privatelink.control.query.Filters;
import dev.privatelink.control.query.Page;
import dev.privatelink.model.Cidr;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateSubnetCidrReservationRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetCidrReservationResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetCidrReservationRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetCidrReservationResponse;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsRequest;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;

/**
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnetCidrReservation.html">CreateSubnetCidrReservation</a>,
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnetCidrReservation.html">DeleteSubnetCidrReservation</a> and
 * <a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetSubnetCidrReservations.html">GetSubnetCidrReservations</a>:
 * IPv4 ranges inside a subnet, not overlapping each other, that automatic address assignment skips.
 */
public final class SubnetCidrReservationActions implements ActionHandler {
  private final Ec2State state;

  public SubnetCidrReservationActions(Ec2State state) {
    this.state = state;
  }

  public CreateSubnetCidrReservationResponse createSubnetCidrReservation(RequestContext ctx,
      CreateSubnetCidrReservationRequest request) {
    Scope scope = ctx.scope();
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    Cidr cidr = cidr(request.cidr(), subnet);
    if (request.reservationType() == null) {
      throw Ec2Errors.required("ReservationType");
    }
    if (request.reservationType() == SubnetCidrReservationType.UNKNOWN_TO_SDK_VERSION) {
      throw AwsException.invalidParameterValue("Value (" + request.reservationTypeAsString()
          + ") for parameter reservationType is invalid. Valid values: prefix, explicit");
    }
    state.subnetCidrReservations().where(scope, r -> r.subnetId().equals(subnet.subnetId()) && r.cidr().overlaps(cidr))
        .stream().findFirst().ifPresent(r -> {
          throw AwsException.invalidParameterValue("The CIDR '" + request.cidr() + "' overlaps with the subnet CIDR "
              + "reservation '" + r.reservationId() + "' (" + r.cidr() + ").");
        });
    TagSpecs.validate(state.tags(), scope, request.tagSpecifications(), "subnet-cidr-reservation");
    var made = new SubnetCidrReservationRecord(ctx.ids().ec2Id("scr"), subnet.subnetId(), cidr, request.reservationType(),
        ctx.accountId(), request.description());
    state.subnetCidrReservations().put(scope, made.reservationId(), made);
    TagSpecs.apply(state.tags(), scope, made.reservationId(), request.tagSpecifications(), "subnet-cidr-reservation");
    return CreateSubnetCidrReservationResponse.builder().subnetCidrReservation(render(scope, made)).build();
  }

  private static Cidr cidr(String text, SubnetRecord subnet) {
    if (text == null) {
      throw Ec2Errors.required("Cidr");
    }
    if (!Cidr.isValid(text)) {
      throw AwsException.invalidParameterValue("Value (" + text + ") for parameter cidr is invalid. "
          + "This is not a valid IPv4 CIDR block (IPv6 reservations need an IPv6 subnet).");
    }
    Cidr cidr = Cidr.parse(text);
    if (!subnet.cidr().contains(cidr)) {
      throw AwsException.invalidParameterValue("The CIDR '" + text + "' is not within the CIDR '" + subnet.cidr()
          + "' of subnet '" + subnet.subnetId() + "'.");
    }
    return cidr;
  }

  public DeleteSubnetCidrReservationResponse deleteSubnetCidrReservation(RequestContext ctx,
      DeleteSubnetCidrReservationRequest request) {
    Scope scope = ctx.scope();
    String id = request.subnetCidrReservationId();
    if (id == null) {
      throw Ec2Errors.required("SubnetCidrReservationId");
    }
    SubnetCidrReservationRecord r = state.subnetCidrReservations().find(scope, id).orElseThrow(() -> AwsException.badRequest(
        "InvalidSubnetCidrReservationID.NotFound", "The subnet CIDR reservation ID '" + id + "' does not exist"));
    SubnetCidrReservation shown = render(scope, r);
    state.subnetCidrReservations().remove(scope, id);
    state.tags().drop(scope, id);
    return DeleteSubnetCidrReservationResponse.builder().deletedSubnetCidrReservation(shown).build();
  }

  @ReadOnly
  public GetSubnetCidrReservationsResponse getSubnetCidrReservations(RequestContext ctx, GetSubnetCidrReservationsRequest request) {
    Scope scope = ctx.scope();
    SubnetRecord subnet = state.subnet(scope, request.subnetId());
    Filters<SubnetCidrReservationRecord> filters = Filters.<SubnetCidrReservationRecord>of(r -> state.tagMap(scope, r.reservationId()))
        .one("reservationType", r -> r.type().toString())
        .one("subnet-id", SubnetCidrReservationRecord::subnetId)
        .one("owner-id", SubnetCidrReservationRecord::ownerId)
        .build();
    List<SubnetCidrReservationRecord> mine = state.subnetCidrReservations().where(scope, r -> r.subnetId().equals(subnet.subnetId()));
    Page<SubnetCidrReservationRecord> page = Describe.of(SubnetCidrReservationRecord::reservationId, filters)
        .page(mine, null, request.filters(), request.maxResults(), request.nextToken());
    return GetSubnetCidrReservationsResponse.builder()
        .subnetIpv4CidrReservations(page.items().stream().map(r -> render(scope, r)).toList())
        .subnetIpv6CidrReservations(List.of()).nextToken(page.nextToken()).build();
  }

  private SubnetCidrReservation render(Scope scope, SubnetCidrReservationRecord r) {
    return SubnetCidrReservation.builder().subnetCidrReservationId(r.reservationId()).subnetId(r.subnetId())
        .cidr(r.cidr().toString()).reservationType(r.type()).ownerId(r.ownerId()).description(r.description())
        .tags(state.tagList(scope, r.reservationId())).build();
  }
}
