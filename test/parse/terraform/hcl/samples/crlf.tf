resource "a" "b" {
  x = 1
  y = <<EOT
line
  EOT
  z = "${var.a}"  # comment
}
w = <<-EOT
    a
      b
    EOT
