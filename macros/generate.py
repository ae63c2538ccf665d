"""The step before any engine runs: check the data, then write what the site consists of as files.

``lea build`` and ``lea serve`` call :func:`generate`, which writes ``build/lea/``
in the site folder:

* ``docs/``: the product's pages (from the installed package), the site's own
  ``docs/`` over them (a page the municipality writes wins), and one page per
  ambition, school year and age group (a macro call each);
* ``overrides/``: the product's theme overrides, the site's own ``custom_dir`` over them;
* ``mkdocs.yml``: the product's defaults (``defaults.yml``) with the site's own
  ``mkdocs.yml`` merged over them, plus the navigation and these folders.

MkDocs and Zensical both read that config as it is: no hooks, no plugin of ours
(plain ``mkdocs build`` runs this step through the plugin ``lea``, :mod:`lea_site.mkdocs_plugin`).
Files are only rewritten when their content changed, so an engine's cache and
watcher see real changes only. Paths inside are relative to ``build/lea/``.
"""

from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .housestyle import config_value, house_style
from .exports import export_files
from .glossary import with_own_terms
from .load import LoadResult
from .outputs import OutputClash, merge
from .exports.pdf import PdfError, Typesetting
from .files import link_leaves, write_atomic
from .exports.pdf import start as pdf_start
from .render.nav import build_nav
from .richtext import FILES
from .render.paths import generated_pages, pages_without_content
from .site import Site, data_dir, load_site
from .sources import Forge

BUILD = Path("build") / "lea"
PACKAGE = Path(__file__).resolve().parent
# Merged by name rather than replaced: a site adds to the product's plugins and extensions.
_NAMED_LISTS = ("plugins", "markdown_extensions")
# What the generate step decides; a site's own value for these is not used.
_OURS = ("INHERIT", "docs_dir", "site_dir", "nav", "hooks", "watch")


class ConfigError(Exception):
    """The site's mkdocs.yml cannot be read."""


@dataclass
class Generated:
    config: Path  # build/lea/mkdocs.yml
    folder: Path  # build/lea
    site: Site
    own: dict[str, Any]  # the site's own mkdocs.yml, INHERIT resolved
    typesetting: Typesetting | None = None  # with pdf_later: the PDFs still being typeset (.wait() gives them)
    downloads: dict[str, str | bytes] | None = None  # the open data, feeds and Woo files (lea serve keeps them)
    dated: dict[str, date] | None = None  # the day each of those is of (the page Documenten)


def product_folder(name: str) -> Path:
    """The product's ``docs`` or ``overrides``: inside the package when installed from a wheel
    (``lea_site/docs``), beside ``macros/`` in this repository (and an editable install)."""
    installed = PACKAGE / name
    return installed if installed.is_dir() else PACKAGE.parent / name


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags of MkDocs (!ENV, !relative) or Python names: keep them as written."""


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node))
    return _Tagged(node.tag, loader.construct_mapping(node))


class _Tagged:
    def __init__(self, tag: str, value: Any):
        self.tag, self.value = tag, value


_Loader.add_multi_constructor("!", _keep_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Tagged, lambda dumper, t: (
    dumper.represent_scalar(t.tag, t.value) if not isinstance(t.value, (list, dict))
    else dumper.represent_sequence(t.tag, t.value) if isinstance(t.value, list)
    else dumper.represent_mapping(t.tag, t.value)))


def read_config(path: Path) -> dict[str, Any]:
    """A mkdocs.yml with its INHERIT chain resolved (dicts merged, lists replaced, as MkDocs does)."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"{path}: kan niet gelezen worden: {err}") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{path}: verwacht instellingen (naam: waarde), geen lijst of tekst")
    parent = config.pop("INHERIT", None)
    if parent:
        base = read_config((path.parent / str(parent)).resolve())
        config = _merge(base, config, named_lists=False)
    return config


def _name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else str(entry)


def _merge(base: dict, over: dict, *, named_lists: bool = True) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, named_lists=named_lists)
        elif named_lists and key in _NAMED_LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            mine = {_name(e): e for e in value}
            out[key] = [mine.pop(_name(e), e) for e in out[key]] + list(mine.values())
        else:
            out[key] = value
    return out


def _write_if_changed(path: Path, content: bytes) -> None:
    """Keep the mtime of unchanged files, so an engine's cache and watcher can trust them."""
    if path.is_file() and path.read_bytes() == content:
        return
    write_atomic(path, content)  # a temporary file renamed: never a half file on the site


def _own_folder(root: Path, value: Any, what: str) -> Path:
    """A folder the site names in mkdocs.yml: inside the site folder, not the site itself, not build/."""
    folder = (root / str(value)).resolve()
    if (not folder.is_relative_to(root) or folder == root or folder.is_relative_to(root / "build")
            or ".git" in folder.relative_to(root).parts):
        raise ConfigError(f"{what}: '{value}' moet een map binnen de site zijn (niet de site zelf, niet build/ en niet .git)")
    return folder


def _compose(target: Path, layers: list[tuple[Path, Path | None]], generated: dict[str, str | bytes], skip: set[str] = frozenset(),
             claimed: set[str] = frozenset()) -> set[str]:
    """Mirror ``layers`` into ``target`` (later layers win), then the generated pages no layer has.

    Each layer is (folder, the site's folder for a layer of the site's own, or None for the product's own): a
    file of the site's own is its own file, not a symbolic link out of its folder or into .git (:func:`link_leaves`).
    ``skip``: pages of the product this site has nothing for (a site's own page of that name stays).
    ``claimed``: files put into the built site later (the PDFs), which a layer may not have either.
    """
    wanted: dict[str, Path] = {}
    for layer, within in layers:
        if layer.is_dir():
            for path in layer.rglob("*"):
                if within is None and path.relative_to(layer).as_posix() in skip:
                    continue
                if within is not None and path.is_symlink() and (why := link_leaves(path, layer)):  # a file or a folder
                    raise ConfigError(f"{why}: die wordt niet gepubliceerd; zet het bestand zelf in de map")
                if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
                    if within is not None and (why := link_leaves(path, layer)):  # in a linked folder
                        raise ConfigError(f"{why}: die wordt niet gepubliceerd; zet het bestand zelf in de map")
                    rel = path.relative_to(layer).as_posix()
                    if within is not None and not rel.endswith(".md") and (rel in generated or rel in claimed):
                        # a page of the site's own replaces the product's on purpose; a feed, a PDF or open data is not replaced
                        raise ConfigError(f"{path}: de site maakt zelf al {rel} (uit de agendadata); "
                                          "geef uw eigen bestand een andere naam")
                    wanted[rel] = path
    for rel, source in wanted.items():
        out = target / rel
        if not (out.is_file() and filecmp.cmp(source, out, shallow=False)):
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out)
    names = set(wanted)
    for rel, content in generated.items():
        if rel not in names:  # a page the site (or the product) writes itself wins
            names.add(rel)
            _write_if_changed(target / rel, content.encode("utf-8") if isinstance(content, str) else content)
    if target.is_dir():
        for path in sorted(target.rglob("*"), reverse=True):  # what left the sources leaves the build
            rel = path.relative_to(target).as_posix()
            if path.is_file() and rel not in names:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return names


def write_generated_config(folder: Path, config: dict[str, Any]) -> None:
    """``build/lea/mkdocs.yml`` (only when its text changed)."""
    text = "# Gemaakt door `lea build`; niet bewerken: pas mkdocs.yml en data/ aan.\n" + yaml.dump(
        config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    _write_if_changed(folder / "mkdocs.yml", text.encode("utf-8"))


def footer(agenda) -> dict[str, str]:
    """What the foot of every page says (overrides/partials/copyright.html escapes it): contact, the
    municipality's website, who the data is from, the version of lea-site that built the site."""
    from . import __version__

    info = agenda.info
    towns = info.regio.gemeenten
    area = f"gemeente {towns[0]}" if len(towns) == 1 else "gemeenten " + ", ".join(towns[:-1]) + " en " + towns[-1]
    out = {"gebied": info.regio.naam, "partners": f"de partners van de agenda in de {area}", "versie": __version__}
    if info.contact is not None:
        out["contact"] = info.contact.rol
        if info.contact.email:
            out["email"] = info.contact.email
    if info.website:
        out["website"] = info.website
    return out


def file_facts(pages: dict[str, str | bytes], dated: dict[str, date], typesetting: Typesetting | None,
               typeset: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    """Per file the page Documenten offers: the day its content is of and its size (lea_site.render.documents).
    A PDF not yet typeset (``lea build`` typesets while the engine builds the pages) has no size here: a
    page that shows it asks the build for it (lea_site.exports.typeset.size_of)."""
    out = {path: {"datum": day.isoformat(), "grootte": len(pages[path])} for path, day in dated.items()
           if isinstance(pages.get(path), bytes)}
    for path in typesetting.paths if typesetting is not None else ():
        year, month, day = typesetting.documents[path]["date"]  # the document's own date (lea_site.exports.pdf)
        made = {"grootte": len(typeset[path])} if path in typeset else {"wordt_gezet": True}  # (Zensical drops a null)
        out[path] = {"datum": date(year, month, day).isoformat(), **made}
    return out


def pdf_wanted(pdf: bool | None) -> bool:
    """Whether this build makes the PDFs: ``lea build`` does, ``lea serve`` does not (seconds per change);
    ``LEA_PDF=nee`` skips them for a quick build. Without PDFs the pages do not link to them."""
    if pdf is not None:
        return pdf
    return os.environ.get("LEA_PDF", "ja").strip().lower() not in ("nee", "no", "0", "uit", "false")


def generate(config_path: Path, *, pdf: bool | None = None, pdf_later: bool = False,
             previous: Generated | None = None) -> Generated | LoadResult:
    """Check the data and write ``build/lea/``; the :class:`LoadResult` with the problems when the data is wrong.

    ``pdf_later``: the PDFs are not waited for; :attr:`Generated.typesetting` gives them (``lea build``
    writes them into the site after the engine, which ran meanwhile). ``previous``: the downloads (open
    data, feeds) are not made again but kept from that earlier step (``lea serve``: a change shows sooner)."""
    config_path = config_path.resolve()
    root = config_path.parent
    own = read_config(config_path)
    # The house style (colours, logo, favicon, font, design tokens: lea_site.housestyle), checked first.
    house, problems = house_style(config_path, own, product_folder("docs"))
    if problems:
        raise ConfigError("\n".join(str(p) for p in problems))
    data = data_dir(str(config_path), own.get("extra") or {})
    loaded = load_site(data)
    if not isinstance(loaded, Site):
        return loaded  # nothing is written
    agenda = loaded.agenda
    folder = root / BUILD
    defaults = read_config(PACKAGE / "defaults.yml")
    own_docs = _own_folder(root, own.get("docs_dir", "docs"), "docs_dir")
    own_theme = own.get("theme") if isinstance(own.get("theme"), dict) else {}
    own_overrides = _own_folder(root, own_theme["custom_dir"], "theme.custom_dir") if own_theme.get("custom_dir") else None
    # The agenda and its progress reports as PDF (lea_site.exports.pdf): composed now, typeset by Typst
    # (cached by a hash of each document) when written; with ``pdf_later`` after the engine built the
    # site (the caller puts them in; the pages link them already).
    typesetting = pdf_start(agenda, loaded.today, own.get("site_url")) if pdf_wanted(pdf) else None
    try:
        # Every output has a path of its own (lea_site.outputs; lea check names an id that would clash).
        pages: dict[str, str | bytes] = dict(generated_pages(agenda))
        # Open data, feeds and the page of changes (lea_site.exports): files beside the pages.
        dated: dict[str, date] = dict(previous.dated or {}) if previous is not None else {}
        changed: dict[str, dict] = {}  # when each page's data last changed (lea_site.exports.lastchanged)
        exported = export_files(agenda, loaded.today, data, folder, own.get("site_url"), own.get("use_directory_urls", True) is not False,
                                sorted(typesetting.paths) if typesetting is not None else (), dated=dated, changed=changed,
                                downloads=previous is None or previous.downloads is None)
        if previous is not None and previous.downloads is not None:
            exported.update({k: v for k, v in previous.downloads.items() if k not in exported})
        downloads = {k: v for k, v in exported.items() if not k.endswith(".md")}
        merge(pages, exported, "de open data, feeds of wijzigingen")
        merge(pages, dict.fromkeys(typesetting.paths, b"") if typesetting is not None else {}, "de PDF's")
        merge(pages, house.files, "de huisstijl")
        # A chapter's pictures, checked by the load (lea_site.richtext): served as bestanden/<path in data/>.
        merge(pages, {FILES + path: file.read_bytes() for path, file in agenda.pictures().items()}, "de afbeeldingen")
        # With ``pdf_later`` Typst goes on while the engine builds the pages, and the PDFs go into the built
        # site after it: a page that names a PDF's size waits for that PDF (lea_site.exports.typeset.size_of).
        # Otherwise they are typeset now (cached).
        made = typesetting.wait() if typesetting is not None and not pdf_later else {}
        if typesetting is not None and pdf_later:
            typesetting.announce()
    except BaseException as err:
        if typesetting is not None:
            typesetting.close()
        if isinstance(err, PdfError):
            raise ConfigError(f"PDF: {err}; de vorige site staat er nog") from None
        if isinstance(err, OutputClash):
            raise ConfigError(str(err)) from None
        raise
    pdfs = sorted(typesetting.paths) if typesetting is not None else []
    for path in pdfs:
        if path in made:
            pages[path] = made[path]
        else:
            del pages[path]  # written into the built site after the engine (pdf_later)
    docs = _compose(folder / "docs", [(product_folder("docs"), None), (own_docs, root)], pages,
                    skip=pages_without_content(agenda), claimed=set(pdfs))
    _compose(folder / "overrides", [(product_folder("overrides"), None), *([(own_overrides, root)] if own_overrides else [])], {})
    config = _merge(defaults, {k: v for k, v in own.items() if k not in _OURS})
    # The plugin `lea` (plain mkdocs build) runs this step itself; the engines get its outcome.
    config["plugins"] = [p for p in config.get("plugins") or [] if _name(p) not in ("lea", "lea-build")]
    config["theme"] = {**config.get("theme", {}), **house.theme, "custom_dir": "overrides"}
    config["extra_css"] = house.extra_css(list(config.get("extra_css") or []))
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = build_nav(agenda, {p for p in docs if p.endswith(".md")})
    # The agenda's own terms (begrippen), for explaining them in the pages' own Markdown too.
    config["markdown_extensions"] = with_own_terms(list(config.get("markdown_extensions") or []), agenda)
    config["watch"] = ["stempel.txt"]  # touched when the data changed and is valid (see lea serve)
    # Edit links open the branch the site names, else main: never MkDocs's own default (edit/master/docs/).
    if "edit_uri" not in own and (forge := Forge.from_config(config_value(own.get("repo_url")), None)):
        config["edit_uri"] = forge.edit_uri
    extra = dict(config.get("extra") or {})
    lea = dict(extra.get("lea") or {})
    lea["data"] = os.path.relpath(data, folder)
    extra.update(lea=lea, lea_voorbeeld=agenda.info.voorbeeld, lea_titel=agenda.info.titel, lea_voet=footer(agenda),
                 lea_downloads=pdfs, lea_documenten=file_facts(pages, dated, typesetting, made),
                 lea_gewijzigd=changed)
    config["extra"] = extra
    write_generated_config(folder, config)
    if not (folder / "stempel.txt").exists():
        (folder / "stempel.txt").write_text("", encoding="utf-8")
    return Generated(folder / "mkdocs.yml", folder, loaded, own, typesetting if pdf_later else None, downloads, dated)
