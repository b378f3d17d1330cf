# Quoted templates: escapes, interpolations, directives and strip markers.
plain       = "hello"
empty       = ""
escapes     = "tab\tnewline\nreturn\rquote\"backslash\\"
unicode     = "caf\u00e9 \U0001F600 snowman \u2603"
combining   = "e\u0301 and é and e\u0301\u0323"
literal_seq = "$${not_interpolated} %%{not_a_directive} $$ %% $x %y $ %"
dollars     = "x$$${y}"

lone        = "${var.x}"
lone_spaced = "${ var.x }"
lone_number = "${1}"
lone_bool   = "${true}"
lone_tuple  = "${[1, 2]}"
lone_string = "${"inner"}"
lone_neg    = "${-1}"
stripped    = "${~ var.x ~}"
mixed       = "a${var.x}b${var.y}c"
numbers     = "n=${1} f=${1.5} e=${1e3} big=${1e21} t=${true}"
nested      = "outer ${"inner ${var.x} text"} end"
deep        = "${"${"${var.x}"}"}"
operators   = "${var.a + 1}-${var.b ? "y" : "n"}-${join(",", var.l)}"
conditional = "x${var.a ? "b" : "c"}y"
conditional_refs = "${var.a ? var.b : var.c}!"
strip_left  = "a   ${~ var.x}"
strip_right = "${var.x ~}   b"
strip_esc   = "a\n\t ${~var.x~} \t\nb"
multiline_interp = "${join(",", [
  "a",
  "b",
])}"

if_else     = "%{ if var.on }on%{ else }off%{ endif }"
if_only     = "%{if var.on}on%{endif}"
if_empty    = "%{if var.on}%{else}off%{endif}"
if_empty_else = "%{if var.on}on%{else}%{endif}"
for_loop    = "%{ for x in var.list }${x},%{ endfor }"
for_kv      = "%{for k, v in var.map}${k}=${v};%{endfor}"
nested_dirs = "%{for x in var.l}%{if x != ""}[${x}]%{else}-%{endif}%{endfor}"
strip_dirs  = "%{ if var.on ~}   yes   %{~ else ~}   no   %{~ endif }"
dir_cond    = "%{if var.a && (var.b || !var.c)}x%{endif}"
label_esc "a\"b" "$${x}" {
}
