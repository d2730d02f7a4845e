"""CSV for spreadsheets: how every ``--format csv`` writes its table.

Decided once for all commands, for Excel first (what consultants open a CSV
in), without breaking other readers:

- UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the system's
  code page and shows ``CafÃ©``; pandas, LibreOffice and Python's ``csv`` (with
  ``encoding="utf-8-sig"``) all accept it.
- The separator follows the output language (``--lang``, ``language:`` in cjm.yaml), as
  Excel's does: ``;`` with a decimal comma for a language that writes one (Dutch,
  :attr:`cjm.text.Text.decimal_mark`), ``,`` with a decimal point otherwise (English).
  Excel opens such a file by double-click in columns.
- Numbers are written plain (``18420``, ``0,354``), without thousands separators,
  so that Excel reads them as numbers; text cells that Excel would run as a
  formula (``=``, ``+``, ``-``, ``@`` first) get a leading ``'``
  (:func:`cjm.output.escape.csv_cell`).
- Records end in CRLF (RFC 4180); a cell with a separator, quote or newline is
  quoted, so every record is one row whatever the text holds.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from typing import TextIO

from cjm.output.escape import csv_cell
from cjm.text import text_for

__all__ = ["BOM", "Cell", "write_table"]

BOM = "\ufeff"

Cell = str | int | float | None
"""Text (escaped against formulas), a number (written plain) or nothing (an empty cell)."""


def _cell(value: Cell, decimal_mark: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # bool is an int; a spreadsheet reads the word
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal_mark)
    return csv_cell(value)


def write_table(
    stream: TextIO, header: Sequence[str], rows: Iterable[Sequence[Cell]], language: str
) -> None:
    """``header`` and ``rows`` as one CSV table on ``stream``, as described above."""
    decimal_mark = "," if text_for(language).decimal_mark == "," else "."
    delimiter = ";" if decimal_mark == "," else ","
    stream.write(BOM)
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        writer.writerow([_cell(value, decimal_mark) for value in row])
