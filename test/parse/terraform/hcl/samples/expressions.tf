# Every expression form outside templates.
numbers = [0, 1, 42, 3.14, 1e3, 1E3, 1.5e-3, 2.5E+2, 1.e5, 007, 12345678901234567890]
bools   = [true, false, null]

precedence = [
  1 + 2 * 3,
  (1 + 2) * 3,
  10 - 4 - 3,
  8 / 4 / 2,
  7 % 3 + 1,
  a || b && c,
  a == b != c,
  1 < 2 == 2 > 1,
  a <= b || c >= d,
  !a && -b < 0,
  -1 - -2,
  !!true,
  - - 1,
  -(1),
  !x.y,
  -a[0],
]

conditionals = [
  a ? b : c,
  a ? b ? c : d : e,
  a ? b : c ? d : e,
  a > 1 && b ? "yes" : "no",
  (a ? 1 : 2) + 3,
]

calls = [
  upper("x"),
  max(1, 2, 3),
  concat(a, b...),
  format("%s-%s", "a",
    "b",
  ),
  provider::aws::arn_parse(local.arn),
  provider::terraform::encode_tfvars({ a = 1 }),
  coalesce(),
  jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = "*"
    }]
  }),
]

traversals = [
  var.name,
  local.tags["Name"],
  aws_instance.web.id,
  aws_instance.web[0].id,
  aws_instance.web.0.id,
  module.vpc.private_subnets[count.index],
  each.value.name,
  data.aws_iam_policy_document.doc.json,
  self.path,
  var.list[length(var.list) - 1],
  var.map["key with spaces"],
  var.nested[0][1]["x"],
  f(x).y[0],
  [1, 2, 3][1],
  { a = 1 }.a,
  "text".x,
  (var.x).y,
]

splats = [
  aws_instance.web[*].id,
  aws_instance.web.*.id,
  aws_instance.web[*].network_interface[0].id,
  aws_instance.web.*.tags.Name,
  aws_instance.web.*.id[0],
  var.list[*],
  var.list.*,
  var.groups[*].members[*].name,
  var.obj.*.a.0,
]

spaced = var . a [ 0 ] . b
multiline = (
  var.a
  + var.b
)
