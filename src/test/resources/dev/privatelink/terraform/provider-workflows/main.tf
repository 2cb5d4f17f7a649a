# A provider team's PrivateLink workflows and their consumers' as they write them in Terraform, one
# account: the default VPC (data source and aws_default_* resources) hosts the service's NLB; the
# endpoint service has a private DNS name that is verified, a connection notification; the consumer
# VPC has an interface endpoint to it whose subnets and security groups come from association
# resources, and S3 endpoints (gateway with a route table, interface) with endpoint policies.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.39"
    }
  }
}

provider "aws" {}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

resource "aws_default_vpc" "default" {}

resource "aws_default_subnet" "a" {
  availability_zone = "us-east-1a"
}

resource "aws_default_subnet" "b" {
  availability_zone = "us-east-1b"
}

resource "aws_default_security_group" "default" {
  vpc_id = aws_default_vpc.default.id

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_default_route_table" "default" {
  default_route_table_id = aws_default_vpc.default.default_route_table_id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = data.aws_internet_gateway.default.id
  }
}

data "aws_internet_gateway" "default" {
  filter {
    name   = "attachment.vpc-id"
    values = [aws_default_vpc.default.id]
  }
}

resource "aws_lb" "service" {
  name               = "provider-service"
  load_balancer_type = "network"
  internal           = true
  subnets            = [aws_default_subnet.a.id, aws_default_subnet.b.id]

  # One target, in zone a: the node in zone b, and the endpoint's ENI in zone b, reach it across zones.
  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "service" {
  name     = "provider-service"
  port     = 80
  protocol = "TCP"
  vpc_id   = aws_default_vpc.default.id
}

resource "aws_lb_listener" "service" {
  load_balancer_arn = aws_lb.service.arn
  port              = 80
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service.arn
  }
}

data "aws_lb" "service" {
  arn = aws_lb.service.arn
}

resource "aws_vpc_endpoint_service" "service" {
  acceptance_required        = false
  network_load_balancer_arns = [aws_lb.service.arn]
  private_dns_name           = "service.provider-workflows.example"
}

resource "aws_vpc_endpoint_service_private_dns_verification" "service" {
  service_id            = aws_vpc_endpoint_service.service.id
  wait_for_verification = true
}

resource "aws_vpc_endpoint_connection_notification" "service" {
  vpc_endpoint_service_id     = aws_vpc_endpoint_service.service.id
  connection_notification_arn = "arn:aws:sns:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:endpoint-events"
  connection_events           = ["Accept", "Reject", "Connect", "Delete"]
}

data "aws_vpc_endpoint_service" "by_name" {
  service_name = aws_vpc_endpoint_service.service.service_name
  depends_on   = [aws_vpc_endpoint_service_private_dns_verification.service]
}

data "aws_vpc_endpoint_service" "by_filter" {
  filter {
    name   = "service-name"
    values = [aws_vpc_endpoint_service.service.service_name]
  }
  depends_on = [aws_vpc_endpoint_service_private_dns_verification.service]
}

data "aws_vpc_endpoint_service" "s3" {
  service      = "s3"
  service_type = "Gateway"
}
