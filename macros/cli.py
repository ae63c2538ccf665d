"""The ``lea`` command: check the data, print the schema (more subcommands join here)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Sequence

from .load import load
from .problems import Problem


def _github(problem: Problem) -> str:
    level = "error" if problem.is_error else "warning"
    text = f"{problem.path}: {problem.message}" if problem.path else problem.message
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={problem.file},line={problem.line}::{text}"


def cmd_check(args: argparse.Namespace) -> int:
    today = date.fromisoformat(args.today) if args.today else None
    result = load(args.directory, today)
    for problem in result.problems:
        print(_github(problem) if args.format == "github" else str(problem))
    errors, warnings = len(result.errors), len(result.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    summary = f"{len(result.files)} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)"
    if failed and errors == 0:
        summary += " (--strict: waarschuwingen tellen als fout)"
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import tempfile
    from pathlib import Path

    from .diff import diff_markdown
    from .gitdata import GitError, export

    today = date.fromisoformat(args.today) if args.today else None
    with tempfile.TemporaryDirectory() as tmp:
        agendas = []
        for revision in (args.base, args.head):
            try:
                folder = export(revision, Path(args.data), Path(tmp))
            except GitError as err:
                print(f"lea diff: {revision}: {err}", file=sys.stderr)
                return 2
            result = load(folder, today)
            if result.agenda is None:
                print(f"De agenda in {revision} bevat fouten; draai 'lea check' op die versie:", file=sys.stderr)
                for problem in result.errors:
                    print(f"  {problem}", file=sys.stderr)
                return 1
            agendas.append(result.agenda)
    sys.stdout.write(diff_markdown(*agendas))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lea", description="Lokale Educatieve Agenda: controleren en publiceren.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer de agendadata en meld alle fouten met bestand en regel")
    check.add_argument("directory", nargs="?", default="data", help="map met de YAML-bestanden (standaard: data)")
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fout")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github: annotaties voor GitHub Actions")
    check.add_argument("--today", help=argparse.SUPPRESS)  # fixed date for tests (JJJJ-MM-DD)
    check.set_defaults(func=cmd_check)
    schema = sub.add_parser("schema", help="druk het JSON Schema van de databestanden af (voor editors)")
    schema.set_defaults(func=cmd_schema)
    diff = sub.add_parser("diff", help="wat er in de agenda veranderde tussen twee git-versies (Markdown)")
    diff.add_argument("base", help="de oude versie, bijvoorbeeld origin/main")
    diff.add_argument("head", nargs="?", default="HEAD", help="de nieuwe versie (standaard: HEAD)")
    diff.add_argument("--data", default="data", help="map met de YAML-bestanden (standaard: data)")
    diff.add_argument("--today", help=argparse.SUPPRESS)
    diff.set_defaults(func=cmd_diff)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
