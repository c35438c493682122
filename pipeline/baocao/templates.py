"""Where the templates are: the forms of each kind, the frame, the style definitions and the
skeletons of `baocao new` (templates/, data, not code). Every module finds them through here."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
