"""Document readers: plain text, Markdown, Word, OpenDocument and PDF into one `Document` model."""

from __future__ import annotations

from .base import Document, Segment
from .files import SUPPORTED_SUFFIXES, document_from_bytes, iter_document_paths, read_document
from .ligatures import expand_ligatures, repair_ligatures
from .placeholders import mask_placeholders
from .text import document_from_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Document",
    "Segment",
    "document_from_bytes",
    "document_from_text",
    "expand_ligatures",
    "iter_document_paths",
    "mask_placeholders",
    "read_document",
    "repair_ligatures",
]
