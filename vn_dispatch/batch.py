"""Batch parsing of archives: every input yields a ``Dispatch`` or an ``ErrorRecord``, in input order.

>>> from vn_dispatch.batch import parse_many
>>> for item in parse_many(["a.txt", "folder/"], workers=2):   # doctest: +SKIP
...     print(item.source.path if hasattr(item, "source") else item.message)

Workers are processes (parsing is CPU-bound pure Python); ``ProcessPoolExecutor.map`` keeps the
input order. A file that fails becomes an error record and the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel

from .models import Dispatch

SUFFIXES = {".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".html", ".htm"}
PathLike = Union[str, "os.PathLike[str]"]


class ErrorRecord(BaseModel):
    """A file that could not be parsed: ``{"path": "x.pdf", "error": "DispatchReadError", "reason": "corrupt", ...}``."""

    path: str
    error: str
    reason: Optional[str] = None
    message: str


def iter_paths(paths: Iterable[PathLike], recursive: bool = False,
               skipped: Optional[list[Path]] = None) -> Iterator[Path]:
    """Files named and the supported files inside folders named, sorted within each folder; the
    other files of the folders go to ``skipped`` when a list is given (nothing is dropped unsaid)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            it = path.rglob("*") if recursive else path.iterdir()
            for f in sorted(it):
                if f.is_file() and f.suffix.lower() in SUFFIXES:
                    yield f
                elif f.is_file() and skipped is not None:
                    skipped.append(f)
        else:
            yield path


def _parse_one(path: str) -> Union[Dispatch, ErrorRecord]:
    from .errors import DispatchReadError
    from .pipeline import parse_file

    try:
        return parse_file(path)
    except DispatchReadError as exc:
        return ErrorRecord(path=path, error=type(exc).__name__, reason=exc.reason, message=str(exc))
    except Exception as exc:  # noqa: BLE001 - a batch records every failure and goes on
        return ErrorRecord(path=path, error=type(exc).__name__, reason="internal", message=f"{path}: {exc}")


def parse_many(
    paths: Iterable[PathLike], workers: int = 1, recursive: bool = False, chunksize: int = 8
) -> Iterator[Union[Dispatch, ErrorRecord]]:
    """Parse files and folders; yields results in input order (folders expanded, sorted)."""
    files = [str(p) for p in iter_paths(paths, recursive)]
    if workers <= 1 or len(files) < 2:
        for f in files:
            yield _parse_one(f)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_parse_one, files, chunksize=chunksize)
