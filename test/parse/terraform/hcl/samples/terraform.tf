variable "environment" {
  type        = string
  description = "Deployment environment"
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "Must be dev, staging or prod; got ${var.environment}."
  }
}

variable "subnets" {
  type = map(object({
    cidr = string
    az   = optional(string, "eu-west-1a")
    tags = optional(map(string), {})
  }))
  default = {}
}

variable "secret" {
  type      = string
  sensitive = true
  nullable  = false
}

locals {
  name_prefix = "${var.project}-${var.environment}"
  common_tags = merge(var.tags, {
    Environment = var.environment
    ManagedBy   = "terraform"
  })
  is_prod     = var.environment == "prod"
  subnet_ids  = [for s in aws_subnet.this : s.id]
  by_az       = { for k, s in aws_subnet.this : s.availability_zone => s.id... }
  first_az    = try(local.by_az["eu-west-1a"][0], null)
  count_prod  = local.is_prod ? 3 : 1
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/team"
      values   = ["$${aws:PrincipalTag/team}"]
    }
  }
}

resource "aws_subnet" "this" {
  for_each          = var.subnets
  vpc_id            = aws_vpc.main.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
  tags              = merge(local.common_tags, each.value.tags, { Name = "${local.name_prefix}-${each.key}" })
}

resource "aws_instance" "app" {
  count                  = local.count_prod
  ami                    = data.aws_ami.al2.id
  instance_type          = local.is_prod ? "m5.large" : "t3.micro"
  subnet_id              = element(local.subnet_ids, count.index)
  vpc_security_group_ids = [aws_security_group.app.id]
  user_data = templatefile("${path.module}/user-data.sh", {
    name = "${local.name_prefix}-${count.index}"
  })
  user_data_base64 = base64encode(<<-EOT
    #!/bin/bash
    echo "hello from ${var.environment}"
    %{ for port in var.ports ~}
    open ${port}
    %{ endfor ~}
  EOT
  )

  depends_on = [aws_iam_role_policy_attachment.ssm]

  lifecycle {
    create_before_destroy = true
    precondition {
      condition     = self.instance_type != "t2.micro"
      error_message = "No t2."
    }
  }
}

output "instance_ids" {
  value       = aws_instance.app[*].id
  description = "IDs"
}

output "legacy" {
  value = aws_instance.app.*.private_ip
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  providers = {
    aws = aws.us
  }
  cidr            = "10.0.0.0/16"
  azs             = slice(data.aws_availability_zones.available.names, 0, 3)
  private_subnets = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
}

ünïcödé_name = "identifiers may be Unicode"
