package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetCidrReservationRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetCidrReservationResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetCidrReservationRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetCidrReservationResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsRequest;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;

class SubnetCidrReservationTest {
  private final Ec2Fixture f = new Ec2Fixture();
  private final String vpcId = f.vpc("10.0.0.0/16");
  private final String subnetId = f.subnet(vpcId, "10.0.0.0/24", "us-east-1a");

  private CreateSubnetCidrReservationResponse reserve(String cidr, SubnetCidrReservationType type) {
    return f.call(CreateSubnetCidrReservationRequest.builder().subnetId(subnetId).cidr(cidr).reservationType(type)
        .description("kept").build());
  }

  @Test
  void reservedAddressesAreNotAssignedAutomatically() {
    var r = reserve("10.0.0.0/28", SubnetCidrReservationType.EXPLICIT).subnetCidrReservation();
    assertTrue(r.subnetCidrReservationId().matches("scr-" + Ec2Fixture.ID17));
    assertEquals(SubnetCidrReservationType.EXPLICIT, r.reservationType());
    assertEquals(Ec2Fixture.ACCOUNT, r.ownerId());
    CreateNetworkInterfaceResponse eni = f.call(CreateNetworkInterfaceRequest.builder().subnetId(subnetId).build());
    assertEquals("10.0.0.16", eni.networkInterface().privateIpAddress(), "the first address after the reservation");
  }

  @Test
  void reservationsAreListedAndDeleted() {
    String prefix = reserve("10.0.0.64/26", SubnetCidrReservationType.PREFIX).subnetCidrReservation().subnetCidrReservationId();
    reserve("10.0.0.128/28", SubnetCidrReservationType.EXPLICIT);
    GetSubnetCidrReservationsResponse all = f.call(GetSubnetCidrReservationsRequest.builder().subnetId(subnetId).build());
    assertEquals(2, all.subnetIpv4CidrReservations().size());
    GetSubnetCidrReservationsResponse prefixes = f.call(GetSubnetCidrReservationsRequest.builder().subnetId(subnetId)
        .filters(Filter.builder().name("reservationType").values("prefix").build()).build());
    assertEquals(1, prefixes.subnetIpv4CidrReservations().size());
    DeleteSubnetCidrReservationResponse gone = f.call(DeleteSubnetCidrReservationRequest.builder()
        .subnetCidrReservationId(prefix).build());
    assertEquals("10.0.0.64/26", gone.deletedSubnetCidrReservation().cidr());
    f.fails("InvalidSubnetCidrReservationID.NotFound", DeleteSubnetCidrReservationRequest.builder()
        .subnetCidrReservationId(prefix).build());
  }

  @Test
  void badReservationsAreRefused() {
    reserve("10.0.0.0/28", SubnetCidrReservationType.EXPLICIT);
    f.fails("InvalidParameterValue", CreateSubnetCidrReservationRequest.builder().subnetId(subnetId).cidr("10.0.0.8/29")
        .reservationType(SubnetCidrReservationType.EXPLICIT).build());
    f.fails("InvalidParameterValue", CreateSubnetCidrReservationRequest.builder().subnetId(subnetId).cidr("10.0.1.0/28")
        .reservationType(SubnetCidrReservationType.EXPLICIT).build());
    f.fails("InvalidParameterValue", CreateSubnetCidrReservationRequest.builder().subnetId(subnetId).cidr("nope")
        .reservationType(SubnetCidrReservationType.EXPLICIT).build());
    f.fails("MissingParameter", CreateSubnetCidrReservationRequest.builder().subnetId(subnetId).cidr("10.0.0.32/28").build());
    f.fails("InvalidSubnetID.NotFound", CreateSubnetCidrReservationRequest.builder().subnetId("subnet-00000000000000000")
        .cidr("10.0.0.32/28").reservationType(SubnetCidrReservationType.EXPLICIT).build());
  }
}
