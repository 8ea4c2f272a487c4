"""vn_dispatch: Vietnamese administrative documents (công văn, kế hoạch, thông báo, ...) as typed data.

>>> import vn_dispatch
>>> d = vn_dispatch.parse("Số: 12/UBND-VX\\nHà Nội, ngày 05 tháng 01 năm 2024\\nV/v nâng bậc lương")
>>> d.doc_number.symbol, d.issue_date.to_date().isoformat(), d.subject
('UBND-VX', '2024-01-05', 'nâng bậc lương')

Heavy modules (pydantic models, regex tables) load on first use, so ``import vn_dispatch`` is fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .batch import ErrorRecord, parse_many
    from .errors import DispatchReadError
    from .models import Dispatch
    from .pipeline import parse, parse_file

__all__ = ["Dispatch", "DispatchReadError", "ErrorRecord", "__version__", "is_compiled", "parse", "parse_file",
           "parse_many"]


def is_compiled() -> bool:
    """True when the text pipeline runs as C extensions (the optional mypyc build, see setup.py)."""
    import importlib

    return not str(importlib.import_module(".segment", __name__).__file__).endswith(".py")

_LAZY = {
    "parse": ("pipeline", "parse"),
    "parse_file": ("pipeline", "parse_file"),
    "parse_many": ("batch", "parse_many"),
    "ErrorRecord": ("batch", "ErrorRecord"),
    "Dispatch": ("models", "Dispatch"),
    "DispatchReadError": ("errors", "DispatchReadError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        mod, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{mod}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'vn_dispatch' has no attribute {name!r}")
