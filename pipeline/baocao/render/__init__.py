"""Render stage: a resolved document as pandoc's JSON AST, its frame drawn from templates/."""
