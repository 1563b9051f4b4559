"""The checker of one check process, created and warmed up once."""

from __future__ import annotations

import threading

from taalcheck.api import check_documents, make_checker
from taalcheck.documents import Document, document_from_text
from taalcheck.matching.engine import Checker
from taalcheck.model import CheckResult
from taalcheck.settings import Settings

from .pages import result_page

_WARM_UP_TEXT = (
    "Wij werken risicogestuurd. Moeder zet de afspraken niet door. Vader neemt zijn verantwoordelijkheid."
)


def validate_settings(settings: Settings) -> None:
    """Configuration errors (`ConfigError`) now, before any server or check process starts."""
    make_checker(settings)


class Engine:
    """A checker, created and warmed up once; checks run one at a time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._checker: Checker | None = None
        self._lock = threading.Lock()

    @property
    def checker(self) -> Checker:
        with self._lock:
            return self._ensure_checker()

    def _ensure_checker(self) -> Checker:
        if self._checker is None:
            self._checker = make_checker(self.settings)  # validates the configuration
        return self._checker

    def warm_up(self) -> None:
        """Load the Dutch pipeline and the document readers; check and render one short text."""
        import taalcheck.documents.markdown
        import taalcheck.documents.opendocument
        import taalcheck.documents.pdf
        import taalcheck.documents.word  # noqa: F401

        with self._lock:
            checker = self._ensure_checker()
            checker.pipeline  # noqa: B018 - loads the pipeline now, not on the first page
            result = CheckResult([checker.check_document(document_from_text(_WARM_UP_TEXT))])
            result_page(result)

    def check(self, documents: list[Document]) -> CheckResult:
        with self._lock:
            return check_documents(documents, self._ensure_checker())
