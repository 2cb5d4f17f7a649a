# The internal NLB the endpoint service publishes; its target is the ALB itself.
resource "aws_lb" "service_nlb" {
  name                             = "service-nlb"
  load_balancer_type               = "network"
  internal                         = true
  subnets                          = aws_subnet.service[*].id
  enable_cross_zone_load_balancing = false
}

resource "aws_lb_target_group" "service_nlb" {
  name        = "service-nlb"
  vpc_id      = aws_vpc.service.id
  target_type = "alb"
  protocol    = "TCP"
  port        = "443"

  health_check {
    protocol = "HTTPS"
    port     = "443"
    path     = "/"
    matcher  = "200"
  }
}

resource "aws_lb_target_group_attachment" "service_nlb" {
  target_group_arn = aws_lb_target_group.service_nlb.arn
  target_id        = aws_lb_listener.service_alb.load_balancer_arn
  port             = aws_lb_listener.service_nlb.port
}

resource "aws_lb_listener" "service_nlb" {
  load_balancer_arn = aws_lb.service_nlb.arn
  protocol          = "TCP"
  port              = 443

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service_nlb.arn
  }
}
