"""Cross-check of the agenda's own glossary against its own text: a term or word listed and used nowhere.

Called from :func:`lea_site.checks.run`; yields ``(path, message, severity)``. The page Begrippen lists the
agenda's own entries whatever happens (nothing silently dropped); a reader who finds a word there that the
site never uses wonders where it is, so the editor hears about it.
"""

from __future__ import annotations

from typing import Iterator

from .glossary import _walk, used_terms
from .model import Agenda
from .problems import Path

Found = tuple[Path, str, str]
WARNING = "waarschuwing"


def unused(agenda: Agenda) -> Iterator[Found]:
    info = agenda.info
    if info is None or not (info.begrippen or info.woorden):
        return
    used = used_terms(agenda)
    for k, item in enumerate(info.begrippen):
        if item.term not in used:
            yield ("agenda", "begrippen", k, "term"), (
                f"'{item.term}' staat nergens in de gegevens (precies zo geschreven); de pagina Begrippen "
                "toont het toch: haal het weg, of gebruik het waar het hoort"), WARNING
    if not info.woorden:
        return
    texts: list[str] = []
    dump = agenda.model_dump(mode="json")
    dump.get("info", {}).pop("woorden", None)  # a word's own entry is no use of it
    _walk(dump, texts)
    text = "\n".join(texts).casefold()
    terms = {" ".join(item.term.split()).casefold(): k for k, item in enumerate(info.begrippen)}
    for k, word in enumerate(info.woorden):
        if (twin := terms.get(" ".join(word.woord.split()).casefold())) is not None:
            yield ("agenda", "woorden", k, "woord"), (
                f"'{word.woord}' staat ook in begrippen (nummer {twin + 1}), met een eigen uitleg: de pagina Begrippen "
                "zou het twee keer uitleggen; houd het op één plek (begrippen: ook uitgelegd op elke pagina waar het staat)"), WARNING
        if " ".join(word.woord.split()).casefold() not in text:
            yield ("agenda", "woorden", k, "woord"), (
                f"'{word.woord}' staat nergens in de gegevens; de pagina Begrippen toont het toch: haal het weg, "
                "of schrijf het zoals de tekst het schrijft"), WARNING
