# Blocks with every kind of label, nesting, and the one-line form.
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider aws {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "my-logs"
  tags   = { Name = "logs" }

  lifecycle {
    prevent_destroy = true
    ignore_changes  = [tags["CreatedBy"], tags.Owner]
  }
}

resource "aws_s3_bucket" "data" {}
resource "aws_s3_bucket" "empty" {
}

resource aws_instance web {
  ami           = "ami-123"
  instance_type = "t3.micro"
  metadata_options { http_tokens = "required" }
  root_block_device { encrypted = true }
  ebs_block_device {
    device_name = "/dev/sdb"
  }
  ebs_block_device {
    device_name = "/dev/sdc"
  }
}

resource "aws_security_group" "sg" {
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      to_port     = port.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}

locals {
  a = 1
}

locals {
  b = local.a + 1
}

moved {
  from = aws_instance.old
  to   = aws_instance.web
}

import {
  to = aws_s3_bucket.data
  id = "data-bucket"
}

check "health" {
  assert {
    condition     = length(var.ports) > 0
    error_message = "At least one port."
  }
}

block-with-dashes "label-1" "label \"2\"" {
  nested-attr = "x"
  empty_one_line {}
}
