#!/bin/sh
# Makes the demo's RSA key and self-signed certificate (the post's tls_private_key and
# tls_self_signed_cert) in ./certificate, for aws_acm_certificate to import.
#
# The post names the certificate after the ALB's DNS name, which exists only once the ALB does.
# A file has to exist before `terraform apply`, so the name is the wildcard that every internal
# ALB's name in the region matches: internal-<name>-<id>.<region>.elb.amazonaws.com.
# usage: ./make-certificate.sh [region]   (default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1)
set -eu
region=${1:-${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}}
dir=$(dirname "$0")/certificate
name="*.$region.elb.amazonaws.com"
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 3 \
  -keyout "$dir/service.key" -out "$dir/service.crt" \
  -subj "/CN=$name/O=ACME Demos" \
  -addext "subjectAltName=DNS:$name" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth" 2>/dev/null
echo "wrote $dir/service.key and $dir/service.crt for $name (valid 3 days)"
