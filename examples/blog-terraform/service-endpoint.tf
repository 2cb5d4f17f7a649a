# The endpoint service on the NLB, open without acceptance to this account's root.
resource "aws_vpc_endpoint_service" "service" {
  network_load_balancer_arns = [aws_lb.service_nlb.arn]
  acceptance_required        = false
}

data "aws_caller_identity" "current" {}

resource "aws_vpc_endpoint_service_allowed_principal" "allowed_aws_accounts" {
  vpc_endpoint_service_id = aws_vpc_endpoint_service.service.id
  principal_arn           = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"
}
