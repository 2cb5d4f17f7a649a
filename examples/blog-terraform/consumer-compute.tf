# The instance a person logs in to (here: ./privatelink exec) to try the endpoint.
variable "key_name" {
  description = "Name of the Key Pair to use for the EC2 instances"
  type        = string
}

resource "aws_security_group" "consumer" {
  name   = "consumer"
  vpc_id = aws_vpc.consumer.id
}

resource "aws_vpc_security_group_ingress_rule" "consumer_ssh" {
  security_group_id = aws_security_group.consumer.id
  description       = "SSH from the internet"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "consumer_all" {
  security_group_id = aws_security_group.consumer.id
  description       = "Allow all egress"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_instance" "consumer" {
  ami                    = data.aws_ami.amazon_linux_2023.id
  instance_type          = "t3.nano"
  key_name               = var.key_name
  subnet_id              = aws_subnet.consumer[0].id
  vpc_security_group_ids = [aws_security_group.consumer.id]

  tags = {
    Name = "PrivateLink Demo Consumer"
  }
}

output "consumer_public_ip" {
  description = "Public IP address of the Consumer instance"
  value       = aws_instance.consumer.public_ip
}
