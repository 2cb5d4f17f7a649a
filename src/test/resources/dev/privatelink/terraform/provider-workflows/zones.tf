# An NLB that grows by a zone in place: applied first with one subnet (-var grow_zones=1), then with
# both, which the provider does with SetSubnets; the new zone's node carries traffic to the target.
variable "grow_zones" {
  type    = number
  default = 2
}

resource "aws_lb" "grow" {
  name               = "grow"
  load_balancer_type = "network"
  internal           = true
  subnets            = slice([aws_default_subnet.a.id, aws_default_subnet.b.id], 0, var.grow_zones)

  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "grow" {
  name     = "grow"
  port     = 8443
  protocol = "TCP"
  vpc_id   = aws_default_vpc.default.id
}

resource "aws_lb_listener" "grow" {
  load_balancer_arn = aws_lb.grow.arn
  port              = 8443
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.grow.arn
  }
}

output "grow_arn" { value = aws_lb.grow.arn }
