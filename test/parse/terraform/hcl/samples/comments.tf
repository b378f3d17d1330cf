# A hash comment on its own line
// A slash comment on its own line
/* A block comment on its own line */
/*
 * A multi-line block comment
 */
resource "aws_s3_bucket" "b" { # after the opening brace
  # inside the block
  bucket = "b" # after an attribute
  acl    = "private" // slash after an attribute
  /* before */ versioning = true /* after */
  tags = {
    # inside an object
    Name = "b" # after an item
    /* block */ Env = "prod"
  }
  list = [
    1, # after an element
    // between elements
    2, /* inline */ 3
  ]
  call = max(
    1, # in a call
    2
  )
  expr = 1 + /* in an expression */ 2
  interp = "${var.x /* inside an interpolation */}"
  not_a_comment = "# this is text // and this /* too */"
  heredoc = <<EOT
# not a comment
EOT
}
# last line without a newline