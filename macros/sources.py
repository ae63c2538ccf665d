"""Where in the data each item of the model was written, and the forge's edit link for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .load import LoadResult
from .problems import locate
from .yamlsource import Position


def positions(result: LoadResult) -> dict[int, Position]:
    """``id(model object) -> Position`` for partners, ambitions, indicators, bodies, interventions, actions."""
    agenda, tree = result.agenda, result.raw
    out: dict[int, Position] = {}
    if agenda is None:
        return out

    def put(obj: Any, path: tuple) -> None:
        out[id(obj)] = locate(tree, path, tree.pos)

    for section in ("partners", "ambities", "organen", "interventies", "jaarplannen", "rollen"):
        for i, item in enumerate(getattr(agenda, section)):
            path = (section, result.indexes[section][i])
            put(item, path)
            if section == "ambities":
                for k, ind in enumerate(item.indicatoren):
                    put(ind, path + ("indicatoren", k))
            if section == "jaarplannen":
                for k, plan in enumerate(item.ambities):
                    for n, action in enumerate(plan.acties):
                        put(action, path + ("ambities", k, "acties", n))
    return out


DEFAULT_BRANCH = "main"  # the branch edit links open when mkdocs.yml names none (README: Wijziging voorstellen)


@dataclass(frozen=True)
class Forge:
    """A repository on GitHub or GitLab (or Gitea/Forgejo), from mkdocs.yml's repo_url and edit_uri."""

    repo_url: str
    branch: str
    kind: str  # github, gitlab, gitea

    @classmethod
    def from_config(cls, repo_url: str | None, edit_uri: str | None) -> "Forge | None":
        """The forge of ``repo_url``; the branch is the one ``edit_uri`` names, else ``main`` (as the README says).

        Pass the site's own ``edit_uri``: MkDocs fills in ``edit/master/docs/`` when it is missing, which
        is why the generate step writes :attr:`edit_uri` into the config every engine reads."""
        if not repo_url or not isinstance(repo_url, str):
            return None
        repo = repo_url.rstrip("/")
        kind = "gitlab" if "gitlab" in repo else "github" if "github" in repo else "gitea"
        branch = DEFAULT_BRANCH
        match = re.search(r"(?:edit|blob|src/branch|_edit)/([^/]+)", edit_uri or "")
        if match:
            branch = match[1]
        return cls(repo, branch, kind)

    @property
    def edit_uri(self) -> str:
        """MkDocs's ``edit_uri`` for this branch (its own default says ``master``)."""
        return {"gitlab": f"-/edit/{self.branch}/docs/", "gitea": f"_edit/{self.branch}/docs/"}.get(self.kind, f"edit/{self.branch}/docs/")

    def edit_url(self, path: str, line: int) -> str:
        path = str(PurePosixPath(path))
        if self.kind == "gitlab":
            return f"{self.repo_url}/-/edit/{self.branch}/{path}#L{line}"
        if self.kind == "gitea":
            return f"{self.repo_url}/_edit/{self.branch}/{path}"
        return f"{self.repo_url}/edit/{self.branch}/{path}#L{line}"
