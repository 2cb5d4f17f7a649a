# The newest Amazon Linux 2023 image for x86_64, and the instance that runs nginx from its user data.
data "aws_ami" "amazon_linux_2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

resource "aws_instance" "service" {
  ami                    = data.aws_ami.amazon_linux_2023.id
  instance_type          = "t3.nano"
  key_name               = var.key_name
  subnet_id              = aws_subnet.service[0].id
  vpc_security_group_ids = [aws_security_group.service.id]
  user_data              = file("${path.module}/userdata.sh")

  tags = {
    Name = "PrivateLink Demo Service"
  }
}
