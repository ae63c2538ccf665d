"""A target in numbers and/or words, with or without its date (lea_site.verdicts.target_sentence).

The words come after a full stop when there is a number, so they start with a capital:
'300 studenten in schooljaar 2021-2022. Een verdubbeling', never '... 2021-2022. een verdubbeling'.
The words alone are the data's own sentence and stay as written. The date is said as the data gives it.
"""

from __future__ import annotations

import pytest

from lea_site.model import Indicator
from lea_site.render.figures import with_unit
from lea_site.verdicts import target_sentence


def _indicator(**target) -> Indicator:
    return Indicator.model_validate({"id": "huisbezoek", "titel": "Studenten thuis bezocht", "eenheid": "studenten", "doel": target})


@pytest.mark.parametrize(("target", "sentence"), [
    ({"waarde": 300, "uiterlijk": "2021-2022", "omschrijving": "een verdubbeling ten opzichte van vorig jaar"},
     "300 studenten in schooljaar 2021-2022. Een verdubbeling ten opzichte van vorig jaar"),
    ({"waarde": 300, "omschrijving": "een verdubbeling"}, "300 studenten. Een verdubbeling"),
    ({"waarde": 300, "uiterlijk": "medio 2022", "omschrijving": "één op de drie thuis bezocht"},
     "300 studenten medio 2022. Eén op de drie thuis bezocht"),
    ({"waarde": 300, "uiterlijk": "2022-06", "omschrijving": "iPad-les voor elke student"},  # a capital inside the word: as written
     "300 studenten in juni 2022. iPad-les voor elke student"),
    ({"waarde": 300, "omschrijving": "'s-Gravenhage als voorbeeld"}, "300 studenten. 's-Gravenhage als voorbeeld"),
    ({"waarde": 300, "omschrijving": "Al met een hoofdletter"}, "300 studenten. Al met een hoofdletter"),
    ({"waarde": 300, "uiterlijk": "2024"}, "300 studenten in 2024"),
    ({"waarde": 300}, "300 studenten"),
    ({"omschrijving": "een verdubbeling", "uiterlijk": "eind 2022"}, "een verdubbeling (uiterlijk eind 2022)"),
    ({"omschrijving": "geen kind thuis", "uiterlijk": "2022-10"}, "geen kind thuis (uiterlijk oktober 2022)"),
    ({"omschrijving": "een verdubbeling"}, "een verdubbeling"),
])
def test_the_target_in_one_sentence(target, sentence):
    assert target_sentence(_indicator(**target), with_unit) == sentence
