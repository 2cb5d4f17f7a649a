#!/bin/sh

sudo yum install -y nginx.x86_64
sudo systemctl start nginx
