# The NLB's TLS listener (ACM certificate imported from files that make-certificate.sh writes, an
# ELBSecurityPolicy), a UDP and a TCP_UDP listener, each forwarding to its own target group.
resource "aws_acm_certificate" "service" {
  private_key      = file("${path.module}/certificate/service.key")
  certificate_body = file("${path.module}/certificate/service.crt")
}

resource "aws_lb_target_group" "tls" {
  name     = "provider-tls"
  port     = 8443
  protocol = "TCP"
  vpc_id   = aws_default_vpc.default.id
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.service.arn
  port              = 443
  protocol          = "TLS"
  certificate_arn   = aws_acm_certificate.service.arn
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tls.arn
  }
}

resource "aws_lb_target_group" "udp" {
  name     = "provider-udp"
  port     = 5353
  protocol = "UDP"
  vpc_id   = aws_default_vpc.default.id

  health_check {
    protocol = "TCP"
    port     = "80"
  }
}

resource "aws_lb_listener" "udp" {
  load_balancer_arn = aws_lb.service.arn
  port              = 53
  protocol          = "UDP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.udp.arn
  }
}

# TCP_UDP: one listener port for both protocols, to a target port that answers both.
resource "aws_lb_target_group" "tcp_udp" {
  name     = "provider-tcp-udp"
  port     = 5354
  protocol = "TCP_UDP"
  vpc_id   = aws_default_vpc.default.id

  health_check {
    protocol = "TCP"
    port     = "80"
  }
}

resource "aws_lb_listener" "tcp_udp" {
  load_balancer_arn = aws_lb.service.arn
  port              = 54
  protocol          = "TCP_UDP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp_udp.arn
  }
}

output "tls_listener_arn" { value = aws_lb_listener.tls.arn }
output "udp_listener_arn" { value = aws_lb_listener.udp.arn }
output "tcp_udp_listener_arn" { value = aws_lb_listener.tcp_udp.arn }
