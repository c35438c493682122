"""Where the templates are: the forms of each kind, the frame, the style definitions and the
skeletons of `baocao new` (templates/, data, not code). Every module finds them through here.

They live in the repository's templates/ folder, and travel in the wheel as baocao's package data,
`baocao/templates/` (setup.py copies them there when it builds). An installed baocao reads its own
copy; a checkout (the editable install of `make venv`) has none, and reads the folder itself.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent  # the package's own folder, wherever it is installed
PACKAGED = HERE / "templates"  # in an installed wheel
CHECKOUT = HERE.parents[1] / "templates"  # in the repository
TEMPLATES = PACKAGED if PACKAGED.is_dir() else CHECKOUT
