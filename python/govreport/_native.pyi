"""Type stubs of ``govreport._native``, the Rust half of the module (see ``python/src``)."""

from typing import Any, Iterator, List, Optional, Tuple, Union

#: The workspace's version, as in every record's ``extractor.version``.
__version__: str
#: The tidy CSV's columns, as ``extract --csv`` writes them.
TIDY_HEADER: List[str]

class Records(Iterator[str]):
    """The records of a running batch, one JSON text each, in input order."""

    def __iter__(self) -> Records: ...
    def __next__(self) -> str: ...
    @property
    def unmatched(self) -> Optional[int]:
        """Corrections that matched no input, once the last record is read (else None)."""

def start(
    paths: List[str],
    jobs: Optional[int],
    ocr: str,
    timeout: int,
    max_memory_mb: int,
    corrections: Optional[Tuple[str, str]] = None,
) -> Records:
    """Starts extracting the inputs under ``paths``; ValueError for a missing path, a bad
    ``ocr`` or malformed corrections (``("file", path)`` or ``("csv", text)``)."""

def tidy_csv(records: List[str]) -> str:
    """The tidy CSV of records given as JSON texts; ValueError for one that is no record."""

def compare(
    items: List[Union[str, dict[str, Any]]],
    jobs: Optional[int],
    ocr: str,
    timeout: int,
    max_memory_mb: int,
    corrections: Optional[Tuple[str, str]] = None,
) -> str:
    """The ``compare --json`` document of records (dicts) and paths."""

def serve(ocr: str, timeout: int, max_memory_mb: int, corrections: Optional[str]) -> None:
    """A worker process's loop: serves extraction requests until stdin closes."""
