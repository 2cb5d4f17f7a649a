# The internal ALB in front of the instance: it terminates HTTPS with the demo certificate.
resource "aws_lb" "service_alb" {
  name               = "service-alb"
  load_balancer_type = "application"
  internal           = true
  subnets            = aws_subnet.service[*].id
  security_groups    = [aws_security_group.service.id]
}

resource "aws_lb_target_group" "service_alb" {
  name     = "service"
  vpc_id   = aws_vpc.service.id
  protocol = "HTTP"
  port     = 80
}

resource "aws_lb_target_group_attachment" "service_alb" {
  target_group_arn = aws_lb_target_group.service_alb.arn
  target_id        = aws_instance.service.id
  port             = 80
}

# The post makes a key and a self-signed certificate with the TLS provider, its common name the
# ALB's DNS name. Here make-certificate.sh makes them with openssl before the ALB exists, so the
# name is the wildcard that every internal ALB name of the region matches (see README.md).
resource "aws_acm_certificate" "service" {
  private_key      = file("${path.module}/certificate/service.key")
  certificate_body = file("${path.module}/certificate/service.crt")
}

resource "aws_lb_listener" "service_alb" {
  load_balancer_arn = aws_lb.service_alb.arn
  protocol          = "HTTPS"
  port              = "443"
  certificate_arn   = aws_acm_certificate.service.arn
  ssl_policy        = "ELBSecurityPolicy-2016-08"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.service_alb.arn
  }
}
