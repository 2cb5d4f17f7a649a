# A provider team's PrivateLink workflow across two accounts, one provider alias each: an echo
# target behind an NLB whose target group sends Proxy Protocol v2, an endpoint service that
# requires acceptance and allows the consumer account, the consumer's interface endpoint, and the
# provider's acceptance of it. The provider's keys are its account (privatelink-local's rule).
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.39"
    }
  }
}

provider "aws" {
  alias      = "provider"
  access_key = "111111111111"
  secret_key = "provider-secret"
}

provider "aws" {
  alias      = "consumer"
  access_key = "222222222222"
  secret_key = "consumer-secret"
}

data "aws_caller_identity" "consumer" {
  provider = aws.consumer
}

data "aws_availability_zones" "provider" {
  provider = aws.provider
  state    = "available"
}

data "aws_ami" "linux" {
  provider    = aws.provider
  owners      = ["amazon"]
  most_recent = true

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

locals {
  zones = slice(data.aws_availability_zones.provider.names, 0, 2)
  port  = 8080
}
