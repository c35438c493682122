"""The wheel carries templates/ as baocao's package data (baocao.templates says where it is read).

Everything else is declared in pyproject.toml; setuptools reads this file for the one step its
declarative configuration cannot say: package data that lies outside the package's folder."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"


class BuildWithTemplates(build_py):
    """build_py, then templates/ copied into the built package as baocao/templates/. An editable
    install (`make venv`) copies nothing: it reads the checkout's templates/ in place."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "baocao" / "templates"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(TEMPLATES, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildWithTemplates})
