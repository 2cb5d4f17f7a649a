resource "aws_vpc" "service" {
  provider   = aws.provider
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "service" {
  provider          = aws.provider
  count             = length(local.zones)
  vpc_id            = aws_vpc.service.id
  availability_zone = local.zones[count.index]
  cidr_block        = cidrsubnet(aws_vpc.service.cidr_block, 4, count.index)
}

resource "aws_security_group" "echo" {
  provider = aws.provider
  name     = "echo"
  vpc_id   = aws_vpc.service.id
}

resource "aws_vpc_security_group_ingress_rule" "echo" {
  provider          = aws.provider
  security_group_id = aws_security_group.echo.id
  ip_protocol       = "tcp"
  from_port         = local.port
  to_port           = local.port
  cidr_ipv4         = aws_vpc.service.cidr_block
}

resource "aws_instance" "echo" {
  provider               = aws.provider
  ami                    = data.aws_ami.linux.id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.service[0].id
  vpc_security_group_ids = [aws_security_group.echo.id]
  # User data writes the Proxy-Protocol-aware echo server (ppv2-echo.py, beside this file) and starts it.
  user_data = join("\n", ["#!/bin/sh", "cat > /tmp/ppv2-echo.py <<'PYEOF'", file("${path.module}/ppv2-echo.py"), "PYEOF",
  "nohup python3 /tmp/ppv2-echo.py > /tmp/ppv2-echo.log 2>&1 &", ""])

  tags = {
    Name = "echo"
  }
}

resource "aws_lb" "echo" {
  provider           = aws.provider
  name               = "echo-nlb"
  load_balancer_type = "network"
  internal           = true
  subnets            = aws_subnet.service[*].id
}

resource "aws_lb_target_group" "echo" {
  provider          = aws.provider
  name              = "echo"
  vpc_id            = aws_vpc.service.id
  protocol          = "TCP"
  port              = local.port
  proxy_protocol_v2 = true
}

resource "aws_lb_target_group_attachment" "echo" {
  provider         = aws.provider
  target_group_arn = aws_lb_target_group.echo.arn
  target_id        = aws_instance.echo.id
  port             = local.port
}

resource "aws_lb_listener" "echo" {
  provider          = aws.provider
  load_balancer_arn = aws_lb.echo.arn
  protocol          = "TCP"
  port              = local.port

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.echo.arn
  }
}

resource "aws_vpc_endpoint_service" "echo" {
  provider                   = aws.provider
  network_load_balancer_arns = [aws_lb.echo.arn]
  acceptance_required        = true
}

resource "aws_vpc_endpoint_service_allowed_principal" "consumer" {
  provider                = aws.provider
  vpc_endpoint_service_id = aws_vpc_endpoint_service.echo.id
  principal_arn           = "arn:aws:iam::${data.aws_caller_identity.consumer.account_id}:root"
}

resource "aws_vpc_endpoint_connection_accepter" "consumer" {
  provider                = aws.provider
  vpc_endpoint_service_id = aws_vpc_endpoint_service.echo.id
  vpc_endpoint_id         = aws_vpc_endpoint.echo.id
}
