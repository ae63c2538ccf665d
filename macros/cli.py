"""The ``lea`` command: check the data, print the schema (more subcommands join here)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from .load import load
from .problems import Problem


def _github(problem: Problem) -> str:
    """One GitHub Actions workflow command (an annotation) for a problem.

    Everything after '::' up to the end of the line is the message, and a newline
    ends the command, so data text (the message) and file names (a property) are
    escaped as the runner expects: '%', CR and LF in both, and in property values
    also ':' and ',' (which end a property). A name with a newline then cannot
    start a command of its own.
    """
    level = "error" if problem.is_error else "warning"
    text = f"{problem.path}: {problem.message}" if problem.path else problem.message
    return f"::{level} file={_github_property(problem.file)},line={_github_property(str(problem.line))}::{_github_message(text)}"


def _github_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_message(text).replace(":", "%3A").replace(",", "%2C")


def cmd_check(args: argparse.Namespace) -> int:
    today = date.fromisoformat(args.today) if args.today else None
    if Path(args.directory).is_file():
        print(f"lea check: {args.directory} is een bestand; geef de map met de YAML-bestanden, bijvoorbeeld: "
              f"lea check {Path(args.directory).parent}", file=sys.stderr)
        return 2
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

    from .diff import diff_markdown
    from .gitdata import DataError, GitError, export, shown
    from .model import Agenda

    today = date.fromisoformat(args.today) if args.today else None
    with tempfile.TemporaryDirectory() as tmp:
        agendas = []
        for revision in (args.base, args.head):
            try:
                folder = export(revision, Path(args.data), Path(tmp))
            except DataError as err:  # a problem in the data (a link out of the repository), not in the command
                print(f"lea diff: {shown(revision)}: {err}", file=sys.stderr)
                return 1
            except GitError as err:
                print(f"lea diff: {shown(revision)}: {shown(str(err))}", file=sys.stderr)
                return 2
            if not folder.is_dir() and revision == args.base:  # the first pull request: everything is new
                agendas.append(Agenda.model_construct(info=None))
                continue
            result = load(folder, today, name=f"{revision}:{folder.relative_to(Path(tmp) / revision.replace('/', '_')).as_posix()}")
            if result.agenda is None:
                print(f"De agenda in {shown(revision)} bevat fouten; draai 'lea check' op die versie:", file=sys.stderr)
                for problem in result.errors:
                    # file names and values come from the data: one problem stays one line
                    print(f"  {shown(str(problem))}", file=sys.stderr)
                return 1
            agendas.append(result.agenda)
    sys.stdout.write(diff_markdown(*agendas))
    return 0


def cmd_new_year(args: argparse.Namespace) -> int:
    import os

    from .newyear import render, scaffold
    from .values import parse_school_year

    try:
        target = parse_school_year(args.school_year)
    except ValueError as err:
        print(f"lea new-year: {err}", file=sys.stderr)
        return 2
    result = load(args.data, date.fromisoformat(args.today) if args.today else None)
    if result.agenda is None:
        print("De agenda bevat fouten; los die eerst op (lea check).", file=sys.stderr)
        return 1
    period = result.agenda.info.periode if result.agenda.info else None
    if period and not period.covers(target):
        print(f"lea new-year: schooljaar {target} valt buiten de looptijd van de agenda ({period.van}-{period.tot}); "
              "verleng eerst agenda.periode", file=sys.stderr)
        return 1
    if result.agenda.year_plan(target):
        print(f"lea new-year: er is al een jaarplan voor schooljaar {target}", file=sys.stderr)
        return 1
    earlier = [y for y in result.agenda.year_plans_sorted() if y.schooljaar < target]
    source_year = args.source or (earlier[-1].schooljaar if earlier else None)
    plans = result.raw.get("jaarplannen") or []
    index = next((i for i, raw in enumerate(plans) if str(raw.get("schooljaar")) == source_year), None)
    if args.source and index is None:
        print(f"lea new-year: er is geen jaarplan voor schooljaar {args.source} (--from)", file=sys.stderr)
        return 1
    if source_year is None or index is None:
        print(f"lea new-year: geen jaarplan om van uit te gaan (vóór {target})", file=sys.stderr)
        return 1
    source_file = Path(plans.item_pos(index).file)
    name = source_file.name.replace(source_year, target) if source_year in source_file.name else f"jaarplan-{target}.yml"
    output = Path(args.output) if args.output else source_file.parent / name
    if not output.parent.is_dir():
        print(f"lea new-year: map {output.parent} bestaat niet", file=sys.stderr)
        return 1
    if output.exists():
        print(f"lea new-year: {output} bestaat al", file=sys.stderr)
        return 1
    schema = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
    schema_rel = os.path.relpath(schema, output.parent.resolve()) if schema.exists() else "schema.json"
    output.write_text(render(scaffold(result.agenda, plans[index], target), schema_rel), encoding="utf-8")
    print(f"{output} gemaakt uit schooljaar {source_year}; controleer met: lea check {args.data}", file=sys.stderr)
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
    new_year = sub.add_parser("new-year", help="zet het jaarplan voor een nieuw schooljaar klaar uit het vorige")
    new_year.add_argument("school_year", help="het nieuwe schooljaar, bijvoorbeeld 2023-2024")
    new_year.add_argument("--data", default="data", help="map met de YAML-bestanden (standaard: data)")
    new_year.add_argument("--from", dest="source", help="schooljaar om van uit te gaan (standaard: het laatste ervoor)")
    new_year.add_argument("--output", help="bestand om te schrijven (standaard: naast het vorige jaarplan)")
    new_year.add_argument("--today", help=argparse.SUPPRESS)
    new_year.set_defaults(func=cmd_new_year)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
