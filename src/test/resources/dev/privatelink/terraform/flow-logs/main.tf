# A VPC whose traffic is recorded: a CloudWatch Logs group with a retention and tags, and a flow
# log on the VPC delivering to it in a custom format with version 5 fields.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.39"
    }
  }
}

provider "aws" {}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_cloudwatch_log_group" "flows" {
  name              = "/vpc/flow-logs"
  retention_in_days = 7
  tags = {
    Team = "network"
  }
}

resource "aws_flow_log" "vpc" {
  vpc_id                   = aws_vpc.main.id
  traffic_type             = "ALL"
  log_destination          = aws_cloudwatch_log_group.flows.arn
  iam_role_arn             = "arn:aws:iam::000000000000:role/flow-logs"
  max_aggregation_interval = 60
  log_format               = "$${version} $${vpc-id} $${subnet-id} $${interface-id} $${srcaddr} $${dstaddr} $${dstport} $${action} $${flow-direction}"
  tags = {
    Name = "vpc-flows"
  }
}

resource "aws_flow_log" "subnet_rejects" {
  subnet_id       = aws_subnet.a.id
  traffic_type    = "REJECT"
  log_destination = aws_cloudwatch_log_group.flows.arn
  iam_role_arn    = "arn:aws:iam::000000000000:role/flow-logs"
}

output "flow_log_id" {
  value = aws_flow_log.vpc.id
}

output "log_group_arn" {
  value = aws_cloudwatch_log_group.flows.arn
}
