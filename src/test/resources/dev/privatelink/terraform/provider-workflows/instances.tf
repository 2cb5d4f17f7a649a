# The traffic: a target instance in the default VPC behind the three target groups (nginx on 80, as the
# blog's user data starts it, and l4-echo.py, written beside this file by the test, answering TCP on 8443
# behind the TLS listener, UDP on 5353 and both on 5354 behind the TCP_UDP listener), a client instance beside it that speaks TLS and UDP to
# the NLB, and a consumer instance that curls the service through the interface endpoint.
data "aws_ami" "linux" {
  owners      = ["amazon"]
  most_recent = true

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

resource "aws_security_group" "target" {
  name   = "target"
  vpc_id = aws_default_vpc.default.id

  ingress {
    protocol    = "tcp"
    from_port   = 0
    to_port     = 65535
    cidr_blocks = [aws_default_vpc.default.cidr_block]
  }

  ingress {
    protocol    = "udp"
    from_port   = 5353
    to_port     = 5354
    cidr_blocks = [aws_default_vpc.default.cidr_block]
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "target" {
  ami                    = data.aws_ami.linux.id
  instance_type          = "t3.micro"
  subnet_id              = aws_default_subnet.a.id
  vpc_security_group_ids = [aws_security_group.target.id]
  user_data = join("\n", ["#!/bin/sh", "sudo yum install -y nginx.x86_64", "sudo systemctl start nginx", "cat > /tmp/l4-echo.py <<'PYEOF'", file("${path.module}/l4-echo.py"),
  "PYEOF", "nohup python3 /tmp/l4-echo.py 8443,5354 5353,5354 > /tmp/l4-echo.log 2>&1 &", ""])

  tags = {
    Name = "target"
  }
}

resource "aws_instance" "client" {
  ami           = data.aws_ami.linux.id
  instance_type = "t3.micro"
  subnet_id     = aws_default_subnet.a.id

  tags = {
    Name = "client"
  }
}

resource "aws_instance" "consumer" {
  ami           = data.aws_ami.linux.id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.consumer[0].id

  tags = {
    Name = "consumer"
  }
}

# The target behind every target group of both NLBs.
resource "aws_lb_target_group_attachment" "target" {
  for_each = {
    service = aws_lb_target_group.service.arn
    tls     = aws_lb_target_group.tls.arn
    udp     = aws_lb_target_group.udp.arn
    tcp_udp = aws_lb_target_group.tcp_udp.arn
    grow    = aws_lb_target_group.grow.arn
  }
  target_group_arn = each.value
  target_id        = aws_instance.target.id
}

output "endpoint_dns_names" { value = aws_vpc_endpoint.service.dns_entry[*].dns_name }
