resource "aws_vpc" "consumer" {
  provider   = aws.consumer
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "consumer" {
  provider          = aws.consumer
  count             = length(local.zones)
  vpc_id            = aws_vpc.consumer.id
  availability_zone = local.zones[count.index]
  cidr_block        = cidrsubnet(aws_vpc.consumer.cidr_block, 4, count.index)
}

resource "aws_security_group" "endpoint" {
  provider = aws.consumer
  name     = "endpoint"
  vpc_id   = aws_vpc.consumer.id
}

resource "aws_vpc_security_group_ingress_rule" "endpoint" {
  provider          = aws.consumer
  security_group_id = aws_security_group.endpoint.id
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = aws_vpc.consumer.cidr_block
}

resource "aws_instance" "consumer" {
  provider      = aws.consumer
  ami           = data.aws_ami.linux.id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.consumer[0].id

  tags = {
    Name = "consumer"
  }
}

resource "aws_vpc_endpoint" "echo" {
  provider           = aws.consumer
  vpc_id             = aws_vpc.consumer.id
  vpc_endpoint_type  = "Interface"
  service_name       = aws_vpc_endpoint_service.echo.service_name
  subnet_ids         = aws_subnet.consumer[*].id
  security_group_ids = [aws_security_group.endpoint.id]

  # The service must allow the consumer before the endpoint asks for a connection.
  depends_on = [aws_vpc_endpoint_service_allowed_principal.consumer]
}

output "endpoint_id" {
  value = aws_vpc_endpoint.echo.id
}

output "endpoint_dns_names" {
  value = aws_vpc_endpoint.echo.dns_entry[*].dns_name
}
