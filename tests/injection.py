"""Attack every text field of the model: payloads in, a built site out, scanned for script.

The fields are found from the model, not from a hand-kept list: every field whose
type accepts a payload string as it is (plain text and Markdown, alone or in a
list) is filled, whether the data had it or not; fields with a format of their
own (ids, dates, web addresses, plannings) refuse such text at validation, which
is itself the defence. Each field's payload starts with a marker ``F<n>Q`` so a
test can tell which fields reached the site.
"""

from __future__ import annotations

import json
import re
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from lea_site.load import LIST_SECTIONS, SINGULAR
from lea_site.model import AgendaInfo
from lea_site.yamlsource import load_text

SECTIONS: dict[str, type[BaseModel]] = {"agenda": AgendaInfo, **LIST_SECTIONS, **{k: LIST_SECTIONS[v] for k, v in SINGULAR.items()}}

# Each payload is tried in every text field at once (one build per payload).
PAYLOADS = {
    # A blank line used to end the finished HTML block; the rest went through Markdown with attr_list.
    "attr-list": "Lees het verslag\n\nZie hier\n{: tabindex=0 autofocus=autofocus onfocus=alert(1) }\n\n"
                 "Tweede alinea\n{: onclick=alert(2) }\n\n\r\r{: onmouseover=alert(21) }\r\n \n\t\nslot",
    "links": "Zie [x](javascript:alert(3)) en [y][r] en [z]( JaVaScRiPt:alert(4) ) en <javascript:alert(5)>\n\n"
             "[r]: javascript:alert(6)\n\n[d](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==) [v](vbscript:msgbox(8)) "
             "[e](&#106;avascript:alert(9)) ![i](data:image/svg+xml,<svg onload=alert(10)>)",
    "html": "<script>alert(11)</script><img src=x onerror=alert(12)><svg onload=alert(13)></svg>"
            "<a href=\"javascript:alert(14)\">a</a><iframe src=\"javascript:alert(15)\"></iframe>\n\n<div onmouseover=alert(16)>d</div>",
    "breakout": "\"'><img src=x onerror=alert(17)></text></title></desc><script>alert(18)</script>"
                "' onmouseover='alert(19)' x=\"</textarea><!-- ]]> --> LEABLOK0N0 &lt;b&gt;",
    "template": "{{ 6*7 }}XQ {% if true %}YQ{% endif %} {{ lipsum.__globals__['os'].popen('echo PWN$((6*7))').read() }} "
                "{# c #}\n\n    ingesprongen code\n\n\n\n\n# Kop\n\n```\n<script>alert(20)</script>\n```",
}
SINGLE = list(PAYLOADS.values())
PAYLOADS["all"] = "\n\n".join(SINGLE)  # one build per fixture: every attack at once (short fields: one each)
# Text of each payload that a reader must see as text (proof that the payload reached the page).
VISIBLE = {"attr-list": "onfocus=alert(1)", "links": "javascript:alert(6)", "html": "<img src=x onerror=alert(12)>",
           "breakout": "onmouseover='alert(19)'", "template": "{{ 6*7 }}XQ", "all": "<script>alert(11)</script>"}
# What must never appear in output if the template syntax were executed.
EXECUTED = ["42XQ", "PWN42"]


def _plain(value: Any) -> Any:
    """The project's YAML tree as plain Python (dump-able), floats as written."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return float(getattr(value, "raw", value))
    return value


def _models(annotation: Any) -> list[type[BaseModel]]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _models(typing.get_args(annotation)[0])
    if origin is not None:
        return [m for arg in typing.get_args(annotation) for m in _models(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def _accepts_text(annotation: Any, probe: str) -> str | None:
    """'text' or 'list' when the field takes this free text (or a list of them) as written."""
    for kind, value in (("text", probe), ("list", [probe])):
        try:
            out = TypeAdapter(annotation).validate_python(value)
        except (ValidationError, ValueError, TypeError):
            continue
        if out == value:
            return kind
    return None


class Injector:
    """Fills every text field reachable in a raw data tree with a numbered payload.

    A field that refuses the payload (too long for a title, say) gets the next
    shorter one of ``fallbacks`` that it takes; a field that takes none of them
    is defended by validation.
    """

    def __init__(self, payload: str, fallbacks: list[str] | None = None):
        self.payloads = [payload, *(fallbacks or [])]
        self.fields: dict[int, str] = {}  # marker number -> model field ("Action.titel")

    def _fitting(self, annotation: Any) -> tuple[str, str] | None:
        n = len(self.fields) + 1
        for payload in self.payloads:
            kind = _accepts_text(annotation, f"F{n}Q {payload}")
            if kind:
                return kind, payload
        return None

    def _next(self, where: str, payload: str) -> str:
        n = len(self.fields) + 1
        if where == "Chapter.tekst":  # a chapter's foreign picture is refused by lea check (tests/test_family_texts.py)
            payload = payload.replace("![i](data:", "[i](data:")
        self.fields[n] = where
        return f"F{n}Q {payload}"

    def fill(self, raw: Any, model: type[BaseModel]) -> None:
        if not isinstance(raw, dict):
            return
        for name, info in model.model_fields.items():
            annotation = info.rebuild_annotation()
            fitting = self._fitting(annotation)
            where = f"{model.__name__}.{name}"
            if fitting and fitting[0] == "text":
                raw[name] = self._next(where, fitting[1])
            elif fitting:
                raw[name] = [self._next(where, fitting[1]), self._next(where, fitting[1])]
            elif name in raw:
                targets = _models(info.annotation)
                if not targets:
                    continue
                value = raw[name]
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, dict):
                        self.fill(item, _pick(targets, item))


def _pick(models: list[type[BaseModel]], raw: dict) -> type[BaseModel]:
    """The model among a union's that has the most of the raw keys."""
    return max(models, key=lambda m: len(set(raw) & set(m.model_fields)))


def inject(data: Path, target: Path, payload: str, fallbacks: list[str] | None = None) -> Injector:
    """Copy the data folder to ``target`` with every text field set to the payload (or a fallback that fits)."""
    injector = Injector(payload, fallbacks)
    for path in sorted(data.rglob("*.yml")):
        tree = _plain(load_text(path.read_text(encoding="utf-8"), str(path)))
        for key, value in (tree or {}).items():
            model = SECTIONS.get(key)
            if model is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                injector.fill(item, model)
        out = target / path.relative_to(data)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return injector


# --- scanning the output ------------------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "cite"}
BAD_SCHEME = re.compile(r"^(?:javascript|data|vbscript|file):", re.I)
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "textarea"}
MARKER = re.compile(r"F[0-9]+Q")  # the start of every payload


class _Scanner(HTMLParser):
    def __init__(self, where: str, findings: list[str]):
        super().__init__(convert_charrefs=True)
        self.where, self.findings = where, findings
        self.in_script = False
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        found = self.findings.append
        values = dict(attrs)
        for name, value in attrs:
            value = value or ""
            squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
            if name.startswith("on"):
                found(f"{self.where}:{line}: <{tag} {name}=...> (event handler)")
            if name in ("autofocus", "srcdoc"):
                found(f"{self.where}:{line}: <{tag} {name}>")
            if name in URL_ATTRS and BAD_SCHEME.match(squeezed):
                found(f"{self.where}:{line}: <{tag} {name}={value[:40]!r}> (script or data URL)")
            if name == "style" and any(bad in squeezed for bad in ("javascript:", "expression(", "url(", "@import")):
                found(f"{self.where}:{line}: <{tag} style={value[:40]!r}>")
            if name == "http-equiv" and value.strip().lower() in ("refresh", "set-cookie", "content-security-policy"):
                found(f"{self.where}:{line}: <meta http-equiv={value!r}>")
            if name in ("values", "to", "from", "by") and tag in ("animate", "set") and "javascript:" in squeezed:
                found(f"{self.where}:{line}: <{tag} {name}={value[:40]!r}>")
        if tag in ("animate", "set") and values.get("attributename", "").lower() in ("href", "xlink:href"):
            found(f"{self.where}:{line}: <{tag} attributeName=href>")
        if tag in FORBIDDEN_TAGS:
            found(f"{self.where}:{line}: <{tag}>")
        # Anything that loads or sends to another site (script, stylesheet, form): privacy and script.
        remote = next((values.get(a) or "" for a in ("src", "href", "action") if re.match(r"^\s*(?:[a-z]+:)?//", values.get(a) or "", re.I)), "")
        if tag in ("script", "link", "form", "img", "iframe", "embed", "source", "video", "audio") and remote \
                and values.get("rel") != "canonical":
            found(f"{self.where}:{line}: <{tag}> from another site ({remote[:40]})")
        if tag == "script":
            self.in_script = "src" not in values
        if tag == "style":
            self.in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_script and ("alert(" in data or MARKER.search(data)):
            self.findings.append(f"{self.where}:{self.getpos()[0]}: inline script {data[:60]!r}")
        if self.in_style and any(bad in data.lower() for bad in ("javascript:", "expression(", "@import", "f1q")):
            self.findings.append(f"{self.where}:{self.getpos()[0]}: style element {data[:60]!r}")


def scan_html(text: str, where: str) -> list[str]:
    findings: list[str] = []
    scanner = _Scanner(where, findings)
    scanner.feed(text)
    scanner.close()
    findings += [f"{where}: template syntax was executed ({s})" for s in EXECUTED if s in text]
    return findings


def scan_site(site: Path) -> list[str]:
    """Every finding in every HTML, SVG and search-index entry of a built site."""
    findings: list[str] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix in (".html", ".svg", ".xml"):
            findings += scan_html(path.read_text(encoding="utf-8"), rel)
        elif path.suffix == ".json" and path.name.startswith("search"):
            # Both engines' search indexes (MkDocs: search/search_index.json, Zensical: search.json);
            # search results are shown as HTML, so every string in them is a fragment to check.
            def strings(node: object):
                if isinstance(node, str):
                    yield node
                elif isinstance(node, dict):
                    for value in node.values():
                        yield from strings(value)
                elif isinstance(node, list):
                    for value in node:
                        yield from strings(value)

            for k, text in enumerate(strings(json.loads(path.read_text(encoding="utf-8")))):
                if "<" in text or "F" in text:
                    findings += scan_html(text, f"{rel}[{k}]")
    return findings
