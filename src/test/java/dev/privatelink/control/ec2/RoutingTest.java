package dev.privatelink.control.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.Filter;

class RoutingTest {
  private final Ec2Fixture f = new Ec2Fixture();

  @Test
  void internetGatewayAttachesOncePerVpc() {
    String vpcId = f.vpc("10.0.0.0/16");
    CreateInternetGatewayResponse igw = f.call(CreateInternetGatewayRequest.builder().build());
    String igwId = igw.internetGateway().internetGatewayId();
    assertTrue(igwId.matches("igw-" + Ec2Fixture.ID17));
    f.call(AttachInternetGatewayRequest.builder().internetGatewayId(igwId).vpcId(vpcId).build());
    DescribeInternetGatewaysResponse d = f.call(DescribeInternetGatewaysRequest.builder()
        .filters(Filter.builder().name("attachment.vpc-id").values(vpcId).build()).build());
    assertEquals("available", d.internetGateways().get(0).attachments().get(0).stateAsString());
    f.fails("Resource.AlreadyAssociated", AttachInternetGatewayRequest.builder().internetGatewayId(igwId).vpcId(vpcId).build());
    CreateInternetGatewayResponse second = f.call(CreateInternetGatewayRequest.builder().build());
    f.fails("Resource.AlreadyAssociated", AttachInternetGatewayRequest.builder()
        .internetGatewayId(second.internetGateway().internetGatewayId()).vpcId(vpcId).build());
    f.fails("DependencyViolation", DeleteInternetGatewayRequest.builder().internetGatewayId(igwId).build());
    f.fails("Gateway.NotAttached", DetachInternetGatewayRequest.builder()
        .internetGatewayId(second.internetGateway().internetGatewayId()).vpcId(vpcId).build());
    f.call(DetachInternetGatewayRequest.builder().internetGatewayId(igwId).vpcId(vpcId).build());
    f.call(DeleteInternetGatewayRequest.builder().internetGatewayId(igwId).build());
  }

  @Test
  void routeTableWithDefaultRouteThroughTheGateway() {
    String vpcId = f.vpc("10.0.0.0/16");
    String subnetId = f.subnet(vpcId, "10.0.0.0/20", "us-east-1a");
    CreateInternetGatewayResponse igw = f.call(CreateInternetGatewayRequest.builder().build());
    String igwId = igw.internetGateway().internetGatewayId();
    CreateRouteTableResponse rt = f.call(CreateRouteTableRequest.builder().vpcId(vpcId).build());
    String rtbId = rt.routeTable().routeTableId();
    f.fails("InvalidParameterValue", CreateRouteRequest.builder().routeTableId(rtbId)
        .destinationCidrBlock("0.0.0.0/0").gatewayId(igwId).build());
    f.call(AttachInternetGatewayRequest.builder().internetGatewayId(igwId).vpcId(vpcId).build());
    f.call(CreateRouteRequest.builder().routeTableId(rtbId).destinationCidrBlock("0.0.0.0/0").gatewayId(igwId).build());
    f.fails("RouteAlreadyExists", CreateRouteRequest.builder().routeTableId(rtbId)
        .destinationCidrBlock("0.0.0.0/0").gatewayId(igwId).build());
    AssociateRouteTableResponse assoc = f.call(AssociateRouteTableRequest.builder().routeTableId(rtbId).subnetId(subnetId).build());
    assertTrue(assoc.associationId().matches("rtbassoc-" + Ec2Fixture.ID17));
    f.fails("Resource.AlreadyAssociated", AssociateRouteTableRequest.builder().routeTableId(rtbId).subnetId(subnetId).build());

    DescribeRouteTablesResponse d = f.call(DescribeRouteTablesRequest.builder()
        .filters(Filter.builder().name("association.subnet-id").values(subnetId).build()).build());
    var table = d.routeTables().get(0);
    assertEquals(2, table.routes().size());
    assertEquals(igwId, table.routes().get(1).gatewayId());
    assertEquals("active", table.routes().get(1).stateAsString());
    assertEquals("CreateRoute", table.routes().get(1).originAsString());

    f.fails("DependencyViolation", DeleteRouteTableRequest.builder().routeTableId(rtbId).build());
    f.fails("InvalidParameterValue", DeleteRouteRequest.builder().routeTableId(rtbId).destinationCidrBlock("10.0.0.0/16").build());
    f.call(DisassociateRouteTableRequest.builder().associationId(assoc.associationId()).build());
    f.call(DeleteRouteRequest.builder().routeTableId(rtbId).destinationCidrBlock("0.0.0.0/0").build());
    f.fails("InvalidRoute.NotFound", DeleteRouteRequest.builder().routeTableId(rtbId).destinationCidrBlock("0.0.0.0/0").build());
    f.call(DeleteRouteTableRequest.builder().routeTableId(rtbId).build());
  }

  @Test
  void mainRouteTableCannotBeDeleted() {
    String vpcId = f.vpc("10.0.0.0/16");
    DescribeRouteTablesResponse d = f.call(DescribeRouteTablesRequest.builder()
        .filters(Filter.builder().name("vpc-id").values(vpcId).build()).build());
    f.fails("DependencyViolation", DeleteRouteTableRequest.builder().routeTableId(d.routeTables().get(0).routeTableId()).build());
    f.fails("InvalidParameterValue", DisassociateRouteTableRequest.builder()
        .associationId(d.routeTables().get(0).associations().get(0).routeTableAssociationId()).build());
  }
}
