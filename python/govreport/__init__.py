"""Chinese government information-disclosure annual reports (政府信息公开工作年度报告) as
checked records, from the same Rust code as the ``govreport`` command.

- :func:`extract` and :func:`iter_extract`: the records of ``govreport extract --jsonl``,
  as dicts, one per input, in input order.
- :func:`cells`: every table cell as a pandas DataFrame, the columns of the tidy CSV
  (``extract --csv``).
- :func:`compare`: the ``compare --json`` document (agencies across years, the cross-year
  carry-over rule, duplicates, gaps).

Every file is read in a worker process (this Python interpreter started again, running the
module's Rust loop), bounded by ``timeout`` and ``max_memory_mb`` like the command's
workers: a broken or hostile file gives its ``failed`` record and never takes this process
down. The work runs without the GIL; Ctrl-C interrupts a wait.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import warnings
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

from . import _native

if TYPE_CHECKING:
    import pandas

__version__: str = _native.__version__
__all__ = ["extract", "iter_extract", "cells", "compare", "__version__"]

#: A file or folder, as ``open`` takes it.
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
#: A record: the JSON object of ``extract --jsonl`` as ``json.loads`` gives it.
Record = Dict[str, Any]
#: Corrections: a CSV file's path (``sha256,path,value,note``, as ``extract --corrections``
#: takes it), or its rows as mappings with those keys (a DataFrame is taken as its rows).
CorrectionsLike = Union[PathLike, Iterable[Mapping[str, Any]], "pandas.DataFrame", None]


def extract(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    corrections: CorrectionsLike = None,
    timeout: int = 60,
    max_memory_mb: int = 1024,
) -> List[Record]:
    """The records of ``paths``, exactly as ``govreport extract --jsonl`` writes them.

    ``paths``: a file or folder, or a list of them; folders are walked recursively for the
    formats the command reads (.pdf, .txt, .html/.htm, .docx, .doc, .wps, .odt, .rtf).
    One record per input, in input order (arguments as given, files under a folder sorted
    by path); a file that cannot be read gives a record with ``status`` ``"failed"`` and
    its ``errors``, never an exception.

    ``jobs``: files read at once (``-j``; None or 0: one per core). ``ocr``: ``"auto"``,
    ``"always"`` or ``"never"`` (``--ocr``). ``timeout``: seconds per file
    (``--timeout``). ``max_memory_mb``: memory per worker process (``--max-memory-mb``).
    ``corrections`` (``--corrections``): a person's readings of table cells, each setting
    that cell in the record of the input whose bytes have that ``sha256``, the checks run
    again (a ``corrected`` check names it). Give a CSV file's path (``sha256,path,value,note``,
    the form ``extract --review`` writes to fill in), or the rows as mappings with those keys
    (``value`` a number, or None/NaN/``""`` for a blank cell; ``note`` optional), or a
    DataFrame with those columns. They are checked whole before any work: a malformed row
    is a ValueError naming its line (the header is line 1, the first row line 2). Rows matching no input give a
    UserWarning saying how many, once the last record is read.

    Raises ValueError for a path that does not exist or a bad option value (with the
    command line's message) and TypeError for an argument of the wrong type.
    """
    return list(
        iter_extract(
            paths,
            jobs=jobs,
            ocr=ocr,
            corrections=corrections,
            timeout=timeout,
            max_memory_mb=max_memory_mb,
        )
    )


def iter_extract(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    corrections: CorrectionsLike = None,
    timeout: int = 60,
    max_memory_mb: int = 1024,
) -> Iterator[Record]:
    """The records of :func:`extract`, yielded one by one as they are ready, for batches
    too large to hold.

    Records come in input order: each as soon as it and those before it are done. The
    arguments are checked and the work starts when this is called; dropping the iterator
    stops the files not yet started.
    """
    records = _start(_paths(paths, "extract"), jobs, ocr, timeout, max_memory_mb, corrections)
    return _loaded(records)


def _loaded(records: _native.Records) -> Iterator[Record]:
    """The records as dicts; at the end, a warning if corrections matched no input."""
    for record in records:
        yield json.loads(record)
    if records.unmatched:
        warnings.warn(f"{records.unmatched} corrections matched no input", stacklevel=2)


def cells(
    paths_or_records: Union[PathLike, Record, Iterable[Union[PathLike, Record]]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    corrections: CorrectionsLike = None,
    timeout: int = 60,
    max_memory_mb: int = 1024,
) -> pandas.DataFrame:
    """Every table cell as a DataFrame: the tidy CSV of ``extract --csv``, one row per cell.

    ``paths_or_records``: records (dicts from :func:`extract`, or read from ``--jsonl`` or
    ``-o`` files), or paths, which are extracted first with the other arguments (as in
    :func:`extract`, ``corrections`` too); not a mix. The columns are the CSV's
    (``source_path``, ``agency``, ``region_code``, ``agency_level``, ``year``,
    ``template``, ``table``, ``row``, ``column``, ``value``, ``printed``): ``value`` is float with NaN for a null cell,
    ``year`` is Int64 (``<NA>`` when unknown), the others are text with ``""`` where the
    CSV is empty.

    Needs pandas (``pip install pandas``); raises ImportError saying so without it.
    """
    pandas = _import_pandas()
    items = _as_list(paths_or_records, "cells")
    records = sum(isinstance(item, dict) for item in items)
    if 0 < records < len(items):
        raise TypeError("cells() takes records (dicts) or paths, not a mix of them")
    if records:
        if corrections is not None:
            raise TypeError("cells() applies corrections to the files it extracts, not to records")
        texts = [json.dumps(record, ensure_ascii=False) for record in items]
    else:
        paths = _paths(items, "cells")
        texts = list(_start(paths, jobs, ocr, timeout, max_memory_mb, corrections))
    table = _native.tidy_csv(texts)
    dtypes = {column: str for column in _native.TIDY_HEADER}
    dtypes.update(value="float64", year="Int64")
    return pandas.read_csv(
        io.StringIO(table),
        dtype=dtypes,
        keep_default_na=False,
        na_values={"value": [""], "year": [""]},
    )


def compare(
    records: Union[PathLike, Record, Iterable[Union[PathLike, Record]]],
    *,
    jobs: Optional[int] = None,
    ocr: str = "auto",
    corrections: CorrectionsLike = None,
    timeout: int = 60,
    max_memory_mb: int = 1024,
) -> Dict[str, Any]:
    """The ``govreport compare --json`` document of ``records``.

    ``records``: records (dicts) and paths, in any mix, read as the command reads its
    arguments: ``.json`` and ``.jsonl`` files are records, folders are walked for records
    and reports, other files are reports, extracted with the other arguments (as in
    :func:`extract`, ``corrections`` too). The document has ``panel`` (agencies, their
    years and cross-year checks), ``pair`` (two reports side by side, when exactly two
    were read), ``unreadable`` (inputs that gave no usable record: a failed record, a
    missing file) and ``skipped``.
    """
    items = [_compare_item(item) for item in _as_list(records, "compare")]
    options = _options(jobs, ocr, timeout, max_memory_mb)
    return json.loads(_native.compare(items, *options, _corrections(corrections)))


def _start(
    paths: List[str],
    jobs: Optional[int],
    ocr: str,
    timeout: int,
    max_memory_mb: int,
    corrections: CorrectionsLike,
) -> _native.Records:
    """Starts extracting ``paths`` with checked options; the records' JSON texts."""
    options = _options(jobs, ocr, timeout, max_memory_mb)
    return _native.start(paths, *options, _corrections(corrections))


def _corrections(given: CorrectionsLike) -> Optional[tuple[str, str]]:
    """``corrections=`` for the Rust side: ``("file", path)`` or ``("csv", text)``; the
    rows themselves are checked there, with the command line's messages."""
    if given is None:
        return None
    if isinstance(given, (str, bytes, os.PathLike)):
        return ("file", os.fsdecode(given))
    if hasattr(given, "to_dict") and hasattr(given, "columns"):
        given = given.to_dict("records")
    if isinstance(given, Mapping):
        raise TypeError("corrections= takes a list of rows (mappings), not one row")
    try:
        rows = list(given)
    except TypeError:
        what = type(given).__name__
        raise TypeError(f"corrections= takes a CSV file's path or rows, not {what}") from None
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["sha256", "path", "value", "note"])
    for row in rows:
        if not isinstance(row, Mapping):
            raise TypeError(f"corrections= rows are mappings, not {type(row).__name__}")
        fields = (row.get("sha256"), row.get("path"), _cell(row.get("value")), row.get("note"))
        writer.writerow(["" if f is None else str(f) for f in fields])
    return ("csv", text.getvalue())


def _cell(value: Any) -> Any:
    """A correction's value as the CSV writes it: blank for None or NaN, a whole float as
    an integer (a DataFrame's 12.0 is the printed 12)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _options(
    jobs: Optional[int], ocr: str, timeout: int, max_memory_mb: int
) -> tuple[Optional[int], str, int, int]:
    """The options, type-checked (TypeError) and non-negative (ValueError); ``ocr``'s
    value is checked by the Rust side, with the command line's message."""
    if not isinstance(ocr, str):
        raise TypeError(f"ocr must be 'auto', 'always' or 'never', not {type(ocr).__name__}")
    jobs = None if jobs is None else _count("jobs", jobs)
    return jobs, ocr, _count("timeout", timeout), _count("max_memory_mb", max_memory_mb)


def _count(name: str, value: int) -> int:
    """A whole number of at least 0 (``bool`` is not one)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, not {value}")
    return value


def _as_list(given: Any, caller: str) -> List[Any]:
    """One path or record as a list of one; an iterable as a list."""
    if isinstance(given, (str, bytes, os.PathLike, dict)):
        return [given]
    try:
        return list(given)
    except TypeError:
        raise TypeError(
            f"{caller}() takes a path, a record or a list of them, not {type(given).__name__}"
        ) from None


def _paths(given: Any, caller: str) -> List[str]:
    """The paths given, as ``str`` (bytes decoded as the file system encodes names)."""
    paths = _as_list(given, caller)
    for path in paths:
        if not isinstance(path, (str, bytes, os.PathLike)):
            what = type(path).__name__
            raise TypeError(f"{caller}() takes paths (str or os.PathLike), not {what}")
    return [os.fsdecode(path) for path in paths]


def _compare_item(item: Any) -> Union[Record, str]:
    """A record as it is, a path as ``str``."""
    if isinstance(item, dict):
        return item
    if isinstance(item, (str, bytes, os.PathLike)):
        return os.fsdecode(item)
    raise TypeError(f"compare() takes records (dicts) and paths, not {type(item).__name__}")


def _import_pandas() -> Any:
    """pandas, or an ImportError that says how to get it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "govreport.cells() returns a pandas DataFrame and needs pandas: pip install pandas"
        ) from e
    return pandas
