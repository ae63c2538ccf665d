"""Typeset one document with Typst, in a process of its own (run as a script by :mod:`.typeset`).

    python -S typst_worker.py TYPST_DIR TEMPLATE FONTS YYYY-MM-DD STANDARDS PICTURES < document.json > document.pdf

TYPST_DIR is the folder that holds the ``typst`` package: run with ``-S`` (no site module: 20 ms less per
document), the worker finds Typst there. PICTURES is the document's pictures as JSON ({name: source}), so
the document itself is read only by Typst.

Why a process per document: Typst keeps everything it computed for every document it typeset (its
memo cache has no limit, and the Python binding offers no way to empty it): about 55 MB per report
of a 1,000-action agenda, for as long as the process lives. A process of its own gives that memory
back when the document is done, and lets documents be typeset side by side on every core.

Run by its path, not as a module of the package: it imports only the standard library and Typst
(a tenth of a second), not the model. The document arrives on stdin as JSON and reaches the
template only as ``sys.inputs.data``; the PDF goes to stdout, an error in words to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    typst_dir, template, fonts, day, standards, pictures = argv
    data = sys.stdin.buffer.read().decode("utf-8")
    if typst_dir:
        sys.path.insert(0, typst_dir)
    try:
        import typst
    except ImportError as err:
        print(f"Typst ontbreekt ({err}); installeer: pip install typst", file=sys.stderr)
        return 2
    try:
        pictures = json.loads(pictures)
        if pictures:
            return _with_pictures(typst, template, fonts, day, standards, data, pictures)
        sys.stdout.buffer.write(_typeset(typst, template, fonts, day, standards, data))
    except Exception as err:  # noqa: BLE001 - any failure of the typesetter is reported in words
        message = getattr(err, "message", None) or str(err)
        print(f"{type(err).__name__}: {message[:500]}", file=sys.stderr)
        return 1
    return 0


def _with_pictures(typst, template: str, fonts: str, day: str, standards: str, data: str, pictures: dict[str, str]) -> int:
    """A chapter's pictures (lea_site.exports.pdf): Typst reads files only inside its root, so the template
    and the checked pictures, under names of the PDF's own, go into a folder of this document."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lea-typst-") as folder:
        shutil.copyfile(template, Path(folder) / "lea.typ")
        for name, source in pictures.items():
            shutil.copyfile(source, Path(folder) / Path(name).name)
        pdf = _typeset(typst, str(Path(folder) / "lea.typ"), fonts, day, standards, data)
    sys.stdout.buffer.write(pdf)
    return 0


def _typeset(typst, template: str, fonts: str, day: str, standards: str, data: str) -> bytes:
    font_set = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[fonts])
    compiler = typst.Compiler(template, root=str(Path(template).parent), font_paths=font_set, ignore_system_fonts=True,
                              sys_inputs={"data": data})
    when = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), tzinfo=dt.timezone.utc)
    return compiler.compile(format="pdf", pdf_standards=standards.split(","), timestamp=when)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
