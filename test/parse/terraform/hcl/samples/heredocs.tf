# Heredocs, plain and indented, with interpolations, directives and strip markers.
plain = <<EOT
line one
  line two with ${var.x}
	tab line
EOT

indented = <<-EOT
    four spaces
      six spaces
    ${var.x} after four
    EOT

blank_lines = <<-EOT
    a

      b
        
    c
  EOT

tabs = <<-EOT
	tab indented
	  tab and spaces
	EOT

mixed_indent = <<-EOT
      six
  two
    four
EOT

interp_first = <<-EOT
  ${var.x}
    y
  EOT

directives = <<EOT
%{ for s in var.list ~}
- ${s}
%{ endfor ~}
%{ if var.on }
on
%{ else }
off
%{ endif }
EOT

indented_directives = <<-EOT
    start
      %{~ if var.x ~}
      inside
    %{ endif }
  last
    EOT

strip_lines = <<EOT
a

${var.x ~}

   b
EOT

policy = jsonencode(<<JSON
{
  "Version": "2012-10-17"
}
JSON
)

in_call = format(<<-EOT
  %s and %s
  EOT
, "a", "b")

in_list = [<<EOT
first
EOT
, <<EOT
second
EOT
]

escapes_kept = <<EOT
backslash \n stays, $${escaped} and %%{escaped}, quote " stays
EOT

marker_like = <<EOT
EOT2 is not the end
 EOTX neither
EOT
spaced_marker = <<END
text
   END   
empty_heredoc = <<EOT
EOT

one_interp = <<EOT
${var.x}
EOT

one_interp_stripped = <<EOT
${var.x~}
EOT
