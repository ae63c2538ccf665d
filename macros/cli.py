"""The ``lea`` command: check the data, print the schema (more subcommands join here)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .load import load
from .problems import Problem, real_first

if TYPE_CHECKING:
    from .generate import Generated


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
    if problem.is_general:  # about the data as a whole: an annotation of the run, not of a line
        return f"::{level}::{_github_message(text)}"
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
    site_problems = _site_settings(Path(args.config) if args.config else Path(args.directory).resolve().parent / "mkdocs.yml")
    for problem in real_first([*result.problems, *site_problems]):  # a general remark after every located problem
        print(_github(problem) if args.format == "github" else str(problem))
    errors, warnings = len(result.errors) + len(site_problems), len(result.warnings)
    failed = errors > 0 or (args.strict and warnings > 0)
    summary = f"{len(result.files)} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)"
    if failed and errors == 0:
        summary += " (--strict: waarschuwingen tellen als fout)"
    print(summary, file=sys.stderr)
    return 1 if failed else 0


def _site_settings(config: Path) -> list:
    """Problems in the site's own mkdocs.yml that the data check can see: unreadable, or a house style
    (colours, logo, favicon, font, tokens) that cannot be used."""
    from .generate import ConfigError, product_folder, read_config
    from .housestyle import house_style
    from .problems import Problem

    if not config.is_file():
        return []
    shown = os.path.relpath(config)
    try:
        own = read_config(config)
    except ConfigError as err:
        return [Problem(shown, 1, "", str(err).split(": ", 1)[-1])]
    _, problems = house_style(config.resolve(), own, product_folder("docs"))
    folder = os.path.dirname(shown)
    return [Problem(os.path.join(folder, p.file) if folder else p.file, p.line, p.field, p.message) for p in problems]


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import tempfile

    from .diff import diff_markdown, new_warnings
    from .gitdata import DataError, GitError, export, shown
    from .model import Agenda

    today = date.fromisoformat(args.today) if args.today else None
    with tempfile.TemporaryDirectory() as tmp:
        agendas, warnings = [], []
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
                warnings.append([])
                continue
            result = load(folder, today, name=f"{revision}:{folder.relative_to(Path(tmp) / revision.replace('/', '_')).as_posix()}")
            if result.agenda is None:
                print(f"De agenda in {shown(revision)} bevat fouten; draai 'lea check' op die versie:", file=sys.stderr)
                for problem in result.errors:
                    # file names and values come from the data: one problem stays one line
                    print(f"  {shown(str(problem))}", file=sys.stderr)
                return 1
            agendas.append(result.agenda)
            warnings.append(result.warnings)
    sys.stdout.write(diff_markdown(*agendas, warnings=new_warnings(*warnings)))
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
    schema_rel = _schema_reference(source_file, output)
    output.write_text(render(scaffold(result.agenda, plans[index], target), schema_rel), encoding="utf-8")
    print(f"{output} gemaakt uit schooljaar {source_year}; controleer met: lea check {args.data}", file=sys.stderr)
    return 0


def _generate(args: argparse.Namespace, previous: Generated | None = None, problems: list | None = None):
    """Check the data and write build/lea/; print the problems and return None when it cannot (``problems``, when
    given, gets them: the data's errors, or a problem of mkdocs.yml as its text). ``previous``: lea serve keeps
    the downloads of its start (lea_site.generate.generate)."""
    from .generate import ConfigError, Generated, generate

    config = Path(args.config)
    if not config.is_file():
        print(f"lea {args.command}: {config} bestaat niet; ga naar de map van uw site, of maak er een met: lea init MAP", file=sys.stderr)
        return None
    try:
        # lea serve shows a change within a second: the PDFs (seconds each) are made by lea build only.
        result = generate(config, pdf=False if args.command == "serve" else None, pdf_later=args.command == "build",
                          previous=previous)
    except ConfigError as err:
        print(f"lea {args.command}: {err}", file=sys.stderr)
        if problems is not None:
            problems.extend(str(err).splitlines())
        return None
    if not isinstance(result, Generated):
        for problem in result.problems:
            print(str(problem), file=sys.stderr)
        print(f"De agendadata bevat {len(result.errors)} fout(en); de site is niet gebouwd en de vorige site staat er nog.", file=sys.stderr)
        if problems is not None:
            problems.extend(result.problems)
        return None
    return result


def cmd_build(args: argparse.Namespace) -> int:
    generated = _generate(args)
    if generated is None:
        return 1
    try:  # the PDFs are typeset after the engine built the site (lea_site.exports.typeset)
        return _build(args, generated)
    finally:
        if generated.typesetting is not None:
            generated.typesetting.close()


def _build(args: argparse.Namespace, generated: Generated) -> int:
    from . import staging
    from .engines import EngineMissing, available, build

    for problem in generated.site.result.warnings:
        print(str(problem), file=sys.stderr)
    config = Path(args.config).resolve()
    own = generated.own
    target = Path(args.site_dir) if args.site_dir else config.parent / str(own.get("site_dir", "site"))
    problem = staging.unsafe_target(target.resolve(), config, own)
    if problem:
        print(f"lea build: {problem}", file=sys.stderr)
        return 2
    out = generated.folder / "site"
    staging.discard(str(out))
    try:
        available(args.engine)
    except EngineMissing as err:
        print(f"lea build: {err}", file=sys.stderr)
        return 2
    code = build(args.engine, generated.config, strict=args.strict, verbose=args.verbose)
    if code != 0 or not (out / "index.html").is_file():
        staging.discard(str(out))
        print(f"lea build: {args.engine} is mislukt; de vorige site in {target} staat er nog.", file=sys.stderr)
        return code or 1
    if generated.typesetting is not None:
        from .exports.pdf import PdfError

        try:
            generated.typesetting.write_into(out)
        except PdfError as err:
            staging.discard(str(out))
            print(f"lea build: PDF: {err}; de vorige site in {target} staat er nog.", file=sys.stderr)
            return 1
    pages = html_pages(out)  # what the engine wrote, counted the same way for both engines
    (out / staging.MARK).write_text("Gebouwd door lea build; deze map wordt bij elke bouw vervangen.\n", encoding="utf-8")
    try:
        staging.publish(str(out), str(target.resolve()))
    except OSError as err:
        print(f"lea build: de nieuwe site kon niet op zijn plaats gezet worden ({err}); de vorige site staat er nog.", file=sys.stderr)
        return 1
    print(f"Site gebouwd met {args.engine}: {pages} pagina's in {target}", file=sys.stderr)
    return 0


def html_pages(site: Path) -> int:
    """The pages a reader can open: the HTML files in the built site (not the generated Markdown,
    CSV, feeds and PDFs beside them, which once made '46 pagina's' of 23)."""
    return sum(1 for path in site.rglob("*.html") if path.is_file())


def cmd_serve(args: argparse.Namespace) -> int:
    from . import serve
    from .engines import EngineMissing, serve_command, serve_engine

    engine = args.engine or serve_engine()
    generated = _generate(args)
    if generated is None:
        return 1
    try:
        command = serve_command(engine, generated.config, args.dev_addr, args.verbose)
    except EngineMissing as err:
        print(f"lea serve: {err}", file=sys.stderr)
        return 2
    last = generated

    def regenerate(problems: list):
        nonlocal last
        fresh = _generate(args, previous=last, problems=problems)  # warm: the downloads stay those of the start
        last = fresh or last
        return fresh

    return serve.run(Path(args.config).resolve(), args.dev_addr, command, generated.folder, regenerate, args.verbose)


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import run

    return run(Path(args.file), Path(args.data), date.fromisoformat(args.today) if args.today else None)


def cmd_init(args: argparse.Namespace) -> int:
    from .init import main_init

    return main_init(args.directory, args.name, args.from_git)


def _schema_reference(source: Path, output: Path) -> str:
    """The $schema path for a new plan: as the previous plan has it (same folder), else this repository's."""
    import os
    import re

    first = source.read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.match(r"#\s*yaml-language-server:\s*\$schema=(\S+)", first)
    if match and source.parent.resolve() == output.parent.resolve():
        return match[1]
    schema = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
    return os.path.relpath(schema, output.parent.resolve()) if schema.exists() else "schema.json"


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="lea", description="Lokale Educatieve Agenda: controleren en publiceren.")
    parser.add_argument("--version", action="version", version=f"lea-site {__version__}",
                        help="druk de versie van lea-site af en stop")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer de agendadata en meld alle fouten met bestand en regel")
    check.add_argument("directory", nargs="?", default="data", help="map met de YAML-bestanden (standaard: data)")
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fout")
    check.add_argument("--format", choices=["text", "github"], default="text", help="github: annotaties voor GitHub Actions")
    check.add_argument("-f", "--config", help="mkdocs.yml van de site (standaard: naast de datamap); de huisstijlkleuren worden ook gecontroleerd")
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
    from .engines import ENGINES

    build = sub.add_parser("build", help="controleer de data en bouw de site (MkDocs of Zensical)")
    build.add_argument("-f", "--config", default="mkdocs.yml", help="instellingen van de site (standaard: mkdocs.yml)")
    build.add_argument("-d", "--site-dir", help="map voor de gebouwde site (standaard: site)")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs", help="mkdocs (standaard) of zensical")
    build.add_argument("--strict", action="store_true", help="waarschuwingen van de bouw tellen als fout")
    build.add_argument("--verbose", action="store_true", help="ook de voortgangsregels van MkDocs en zijn plugins")
    build.set_defaults(func=cmd_build)
    serve = sub.add_parser("serve", help="bekijk de site terwijl u werkt; wijzigingen verschijnen vanzelf")
    serve.add_argument("-f", "--config", default="mkdocs.yml", help="instellingen van de site (standaard: mkdocs.yml)")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="adres (standaard: 127.0.0.1:8000)")
    serve.add_argument("--engine", choices=ENGINES, default=None,
                       help="zensical (standaard als het geïnstalleerd is: toont een wijziging sneller) of mkdocs")
    serve.add_argument("--verbose", action="store_true", help="ook de voortgangsregels van MkDocs en zijn plugins")
    serve.set_defaults(func=cmd_serve)
    imp = sub.add_parser("import", help="zet status, besteed bedrag en nieuwe voortgang uit de geëxporteerde tabel activiteiten terug in de YAML")
    imp.add_argument("file", help="lea-open-data.xlsx (blad activiteiten) of activiteiten.csv, zoals de site ze publiceert")
    imp.add_argument("--data", default="data", help="map met de YAML-bestanden (standaard: data)")
    imp.add_argument("--today", help=argparse.SUPPRESS)
    imp.set_defaults(func=cmd_import)
    init = sub.add_parser("init", help="begin een nieuwe LEA-site in een lege map")
    init.add_argument("directory", help="de nieuwe map, bijvoorbeeld lea-veendam")
    init.add_argument("--naam", "--name", dest="name", help="naam van de gemeente of regio")
    init.add_argument("--vanaf-git", dest="from_git", metavar="ADRES@TAG",
                      help="installeer lea-site in de site vanaf een tag van een git-repository in plaats van PyPI, "
                           "bijvoorbeeld https://github.com/OWNER/REPO@v0.1.0")
    init.set_defaults(func=cmd_init)
    from .accessibility import add_parser as add_accessibility

    add_accessibility(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
