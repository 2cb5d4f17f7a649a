# The service provider's VPC: a /20 subnet per AZ, an internet gateway and its route table.
resource "aws_vpc" "service" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "service" {
  count = length(data.aws_availability_zones.available.names)

  vpc_id                  = aws_vpc.service.id
  availability_zone       = data.aws_availability_zones.available.names[count.index]
  cidr_block              = cidrsubnet(aws_vpc.service.cidr_block, 4, count.index)
  map_public_ip_on_launch = true
}

resource "aws_internet_gateway" "service" {
  vpc_id = aws_vpc.service.id
}

resource "aws_route_table" "service" {
  vpc_id = aws_vpc.service.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.service.id
  }
}

resource "aws_route_table_association" "service" {
  count = length(aws_subnet.service)

  route_table_id = aws_route_table.service.id
  subnet_id      = aws_subnet.service[count.index].id
}

# One group for the instance and the ALB: HTTP and HTTPS from inside the VPC, anything out.
resource "aws_security_group" "service" {
  name   = "service"
  vpc_id = aws_vpc.service.id
}

resource "aws_vpc_security_group_ingress_rule" "service_https" {
  security_group_id = aws_security_group.service.id
  description       = "HTTPS from Service VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.service.cidr_block
}

resource "aws_vpc_security_group_ingress_rule" "service_http" {
  security_group_id = aws_security_group.service.id
  description       = "HTTP from Service VPC"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = aws_vpc.service.cidr_block
}

resource "aws_vpc_security_group_egress_rule" "service_all" {
  security_group_id = aws_security_group.service.id
  description       = "Allow all egress"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
