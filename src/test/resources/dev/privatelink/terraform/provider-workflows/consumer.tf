resource "aws_vpc" "consumer" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
}

resource "aws_subnet" "consumer" {
  count             = 2
  vpc_id            = aws_vpc.consumer.id
  availability_zone = ["us-east-1a", "us-east-1b"][count.index]
  cidr_block        = cidrsubnet(aws_vpc.consumer.cidr_block, 4, count.index)
}

resource "aws_security_group" "endpoint" {
  name   = "endpoint"
  vpc_id = aws_vpc.consumer.id

  ingress {
    protocol    = "tcp"
    from_port   = 80
    to_port     = 80
    cidr_blocks = [aws_vpc.consumer.cidr_block]
  }
}

resource "aws_vpc_endpoint" "service" {
  vpc_id            = aws_vpc.consumer.id
  vpc_endpoint_type = "Interface"
  service_name      = aws_vpc_endpoint_service.service.service_name
}

resource "aws_vpc_endpoint_subnet_association" "service" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.service.id
  subnet_id       = aws_subnet.consumer[count.index].id
}

resource "aws_vpc_endpoint_security_group_association" "service" {
  vpc_endpoint_id   = aws_vpc_endpoint.service.id
  security_group_id = aws_security_group.endpoint.id
}

resource "aws_route_table" "consumer" {
  vpc_id = aws_vpc.consumer.id
}

resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id            = aws_vpc.consumer.id
  vpc_endpoint_type = "Gateway"
  service_name      = data.aws_vpc_endpoint_service.s3.service_name
  route_table_ids   = [aws_route_table.consumer.id]
}

resource "aws_vpc_endpoint_policy" "s3_gateway" {
  vpc_endpoint_id = aws_vpc_endpoint.s3_gateway.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadOnly"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:ListBucket"]
      Resource  = "*"
    }]
  })
}

data "aws_vpc_endpoint" "service" {
  id         = aws_vpc_endpoint.service.id
  depends_on = [aws_vpc_endpoint_subnet_association.service, aws_vpc_endpoint_security_group_association.service]
}

data "aws_network_interfaces" "endpoint" {
  filter {
    name   = "vpc-id"
    values = [aws_vpc.consumer.id]
  }

  filter {
    name   = "interface-type"
    values = ["vpc_endpoint"]
  }
  depends_on = [aws_vpc_endpoint_subnet_association.service]
}

data "aws_network_interface" "endpoint" {
  id = sort(data.aws_network_interfaces.endpoint.ids)[0]
}

data "aws_security_group" "endpoint" {
  id = aws_security_group.endpoint.id
}

output "default_vpc_id" { value = data.aws_vpc.default.id }
output "default_vpc_resource_id" { value = aws_default_vpc.default.id }
output "default_subnet_ids" { value = sort(data.aws_subnets.default.ids) }
output "default_subnet_a" { value = aws_default_subnet.a.id }
output "default_security_group_id" { value = aws_default_security_group.default.id }
output "default_route_table_id" { value = aws_default_route_table.default.id }
output "lb_dns_name" { value = data.aws_lb.service.dns_name }
output "service_id" { value = aws_vpc_endpoint_service.service.id }
output "service_name" { value = data.aws_vpc_endpoint_service.by_name.service_name }
output "service_name_by_filter" { value = data.aws_vpc_endpoint_service.by_filter.service_name }
output "service_private_dns_name" { value = data.aws_vpc_endpoint_service.by_name.private_dns_name }
output "s3_service_name" { value = data.aws_vpc_endpoint_service.s3.service_name }
output "notification_id" { value = aws_vpc_endpoint_connection_notification.service.id }
output "endpoint_id" { value = data.aws_vpc_endpoint.service.id }
output "endpoint_subnet_ids" { value = sort(data.aws_vpc_endpoint.service.subnet_ids) }
output "endpoint_security_group_ids" { value = sort(data.aws_vpc_endpoint.service.security_group_ids) }
output "endpoint_eni_ids" { value = sort(data.aws_network_interfaces.endpoint.ids) }
output "endpoint_eni_subnet" { value = data.aws_network_interface.endpoint.subnet_id }
output "endpoint_security_group_name" { value = data.aws_security_group.endpoint.name }
output "s3_gateway_id" { value = aws_vpc_endpoint.s3_gateway.id }
output "s3_gateway_policy" { value = jsondecode(aws_vpc_endpoint_policy.s3_gateway.policy).Statement[0].Sid }
