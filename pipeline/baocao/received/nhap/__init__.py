"""`baocao nhap`: a received document written as a document folder of content/ (`folder`): its
front matter from the header and signature (`front`), its body as Markdown parts (`markdown`)."""
