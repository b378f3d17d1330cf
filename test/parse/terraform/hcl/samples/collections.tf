# Tuples, objects and for-expressions.
empty_tuple  = []
empty_object = {}
tuple        = [1, "two", three, [4], { five = 5 }]
trailing     = [1, 2, 3, ]
multi_line_tuple = [
  "a",
  "b"
]

objects = {
  ident        = 1
  "quoted key" = 2
  colon: 3
  "colon-quoted": 4
  (var.key)    = 5
  a.b          = 6
  a[0]         = 7
  true         = 8
  9            = "nine"
  "${var.k}"   = 10
  "p-${var.k}" = 11
  f(x)         = 12
  baz = 13, qux = 14
  for_       = 15
  in         = 16
  if         = 17
}

nested = {
  level1 = {
    level2 = {
      level3 = [{ deep = true }]
    }
  }
}

fors = [
  [for s in var.list : upper(s)],
  [for i, s in var.list : "${i}=${s}"],
  [for s in var.list : s if s != ""],
  { for k, v in var.map : k => v },
  { for k, v in var.map : v => k... },
  { for k, v in var.map : k => v if v != null },
  { for s in var.list : s => length(s)... if length(s) > 1 },
  [for x in [for y in var.list : y * 2] : x + 1],
  [
    for k, v in var.map :
    "${k}-${v}"
    if k != "skip"
  ],
  {
    for name, cfg in var.services :
    name => merge(cfg, { enabled = true })
  },
]
