# The interface endpoint to the service, in every consumer subnet, behind its own security group.
resource "aws_security_group" "consumer_privatelink" {
  name   = "consumer_privatelink"
  vpc_id = aws_vpc.consumer.id
}

resource "aws_vpc_security_group_ingress_rule" "consumer_privatelink_https" {
  security_group_id = aws_security_group.consumer_privatelink.id
  description       = "HTTPS from Consumer VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.consumer.cidr_block
}

resource "aws_vpc_security_group_egress_rule" "consumer_privatelink_all" {
  security_group_id = aws_security_group.consumer_privatelink.id
  description       = "Allow all outbound"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_endpoint" "consumer_privatelink" {
  vpc_id             = aws_vpc.consumer.id
  vpc_endpoint_type  = "Interface"
  service_name       = aws_vpc_endpoint_service.service.service_name
  subnet_ids         = aws_subnet.consumer[*].id
  security_group_ids = [aws_security_group.consumer_privatelink.id]
}

output "consumer_endpoint_dns_names" {
  description = "Domain names of the Consumer VPC Endpoint"
  value       = [for entry in aws_vpc_endpoint.consumer_privatelink.dns_entry : "https://${entry.dns_name}"]
}
