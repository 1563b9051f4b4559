"""Compatibility import: the engine lives in `taalcheck.matching.engine`."""

from taalcheck.matching.engine import Checker

__all__ = ["Checker"]
