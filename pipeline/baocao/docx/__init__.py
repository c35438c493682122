"""DOCX stage: pandoc with the style doc, then the finishing pass that ND30 needs."""
