"""How wide a text will be, estimated generously from its characters (no font files at build time).

Charts and the organisation chart place their text with this one estimate, and their tests measure
with it too: wider for capitals, m and w, narrower for i, l and punctuation, wider again for bold.
"""

from __future__ import annotations

_EM = {**dict.fromkeys("iljtfrI.,:;'!|()[] ", 0.34), **dict.fromkeys("mwMW@%", 0.95), **dict.fromkeys("0123456789", 0.58)}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` in SVG units (wider for capitals, m and w)."""
    em = sum(_EM.get(ch, 0.74 if ch.isupper() else 0.6) for ch in text)
    return em * size * (1.08 if bold else 1.0)
