"""Packaging is declared in pyproject.toml; this file only adds the optional compiled build.

    pip install mypy && VN_DISPATCH_COMPILE=1 pip install --no-build-isolation .

compiles the text pipeline's modules with mypyc (they are ``mypy --strict`` clean, which mypyc
needs) into C extensions that Python imports in place of the ``.py`` files: about 1.3x the
throughput of the pure-Python package (docs/performance.md). Needs a C compiler and mypy at build
time; without ``VN_DISPATCH_COMPILE=1`` the package is pure Python and installs anywhere.
"""

import os

from setuptools import setup

COMPILED = ["text", "segment", "directives", "references", "closing", "header", "opening", "normalize", "dates",
            "numbers", "pipeline"]

ext_modules = []
if os.environ.get("VN_DISPATCH_COMPILE") == "1":
    from mypyc.build import mypycify

    ext_modules = mypycify([f"vn_dispatch/{m}.py" for m in COMPILED], opt_level="3")

setup(ext_modules=ext_modules)
