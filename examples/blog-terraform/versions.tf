# The blog's base configuration: Terraform and the AWS provider. The TLS provider the post uses for
# its demo certificate is replaced by files that make-certificate.sh writes with openssl.
terraform {
  required_version = "~> 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.39"
    }
  }
}

# Every AZ of the region: one subnet per AZ in each VPC.
data "aws_availability_zones" "available" {
  state = "available"
}
