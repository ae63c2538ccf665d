"""Phone numbers a parent could not reach: a Dutch number of a length no Dutch number has.

Called from :func:`lea_site.checks.run` with the data as read (every ``telefoon`` in every file, wherever the
model has one); yields ``(path, message, severity)``. The model already refuses what is no phone number at
all and a mobile number; this catches a digit too many or too few, which the site would show as written.
"""

from __future__ import annotations

from typing import Any, Iterator

from .problems import Path
from .render.format import phone_has_a_dutch_shape

Found = tuple[Path, str, str]
WARNING = "waarschuwing"


def phones(tree: Any) -> Iterator[Found]:
    """Every ``telefoon`` in the data whose digits fit no Dutch number, in file order."""
    todo: list[tuple[Path, Any]] = [((), tree)]
    while todo:  # bounded by the data's size (lea_site.yamlsource.MAX_VALUES)
        path, node = todo.pop()
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        for key, value in reversed(children):  # the stack gives them back in file order
            if key == "telefoon" and isinstance(value, str):
                if not phone_has_a_dutch_shape(value):
                    yield path + (key,), (
                        f"'{value}' heeft niet de lengte van een Nederlands telefoonnummer (10 cijfers met het netnummer, "
                        "14 met het netnummer van de gemeente, of 0800/0900 met 4 of 7 cijfers); de site toont het zoals het er "
                        "staat: controleer het nummer"), WARNING
            else:
                todo.append((path + (key,), value))
