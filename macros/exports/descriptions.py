"""Dutch descriptions of the model's parts, for the published JSON Schema of ``agenda.json``.

The model's docstrings are written for developers, in English; whoever reads ``agenda.schema.json``
(a journalist, a researcher, another municipality) reads Dutch. Every part of the schema needs an
entry here: a test fails when a new part of the model has none.
"""

from __future__ import annotations

from typing import Any

DESCRIPTIONS: dict[str, str] = {
    "Action": "Een actie of activiteit: een concreet stuk werk, in het jaarplan van een schooljaar of voor de hele looptijd van een doel.",
    "Adoption": "Of een document een concept is of is vastgesteld, wanneer en door wie.",
    "AgendaInfo": "De agenda als geheel: titel, gemeente of regio, looptijd, vaststelling en de teksten van het document.",
    "Agreement": "Een communicatieafspraak: wat naar wie gaat.",
    "Ambition": "Een doel van de agenda op elk niveau (ambitie, programma, thema, actielijn), met 'onder' het doel erboven.",
    "AmbitionPlan": "Wat de partners in één schooljaar voor één doel doen: jaardoel, situatie, aanpak en acties.",
    "Appendix": "Een bijlage of brondocument.",
    "Body": "Een bestuurlijk orgaan, stuurgroep, werkgroep of adviesgroep.",
    "Budget": "Geld voor een actie of doel: kosten, dekking uit andere bronnen, het deel ten laste van het LEA-budget en wat er is besteed.",
    "Chapter": "Een hoofdstuk uit het document van de agenda: inleiding, context, analyse, totstandkoming of voorwoord.",
    "Comparison": "Een waarde om een indicator mee te vergelijken, zoals het landelijk gemiddelde.",
    "Contact": "Hoe iemand te bereiken is: een rol en een functiemailbox, nooit een persoon.",
    "CourseOverride": "Het eigen oordeel van de partners of een doel op koers ligt, met de reden.",
    "DocumentInfo": "Feiten over de agenda als document: datum, auteurs, bron, bijlagen, evaluatie en communicatie.",
    "Evaluation": "Een evaluatiemoment van een actie, en wat de evaluatie opleverde.",
    "EvaluationPlan": "Wanneer de agenda als geheel wordt geëvalueerd.",
    "Financing": "Hoe de agenda als geheel betaald wordt.",
    "Cost": "Wat iets ouders kost: een bedrag (per keer, maand of jaar) of een regel in gewone woorden.",
    "ForParents": ("Wat ouders of kinderen zelf aan een actie hebben: wat ze kunnen doen of gebruiken, voor wie, waar en wanneer, "
                   "wat het kost, welk telefoonnummer ze kunnen bellen en hoe ze zich aanmelden."),
    "Funding": "Een geldbron, met waarvoor, bedrag (circa, per jaar of locatie) en periode als die bekend zijn.",
    "Amount": "Een bedrag zoals het document het geeft: precies of circa, als totaal of per jaar, per locatie.",
    "Signatory": "Wie een document ondertekende, namens welke partij, met datum en plaats.",
    "GlossaryTerm": "Een afkorting of vakterm met de uitleg in eenvoudig Nederlands.",
    "GlossaryWord": "Een vakterm die geen afkorting is (warme overdracht), met de uitleg in eenvoudig Nederlands; alleen op de pagina Begrippen.",
    "Indicator": "Een meetbare indicator van een doel, met nulmeting, metingen, streefwaarde, definitie en bron.",
    "Intervention": "Een interventie in het format van de Gelijke Kansen Alliantie (GKA).",
    "Join": "Hoe ouders, jongeren of professionals kunnen meedoen aan een orgaan.",
    "Location": "Waar iets gebeurt: de hele gemeente, of gemeenten, wijken, scholen en locaties.",
    "Making": "Hoe de agenda tot stand kwam.",
    "Measurement": "Eén waarde van een indicator: gemeten, een prognose of een schatting, eventueel met uitsplitsing.",
    "Meeting": "Een bijeenkomst in de totstandkoming van de agenda.",
    "Naming": "Het woord dat deze agenda gebruikt voor een doel, in enkelvoud en meervoud.",
    "OpenGoal": "Een doel van de agenda op elk niveau, met het oordeel of het op koers ligt en de redenen daarvoor, zoals de site het toont.",
    "Owner": "Een eigenaar van een doel, eventueel voor een termijn.",
    "Part": "Een deel van een gemeten waarde ('waarvan ...').",
    "Partner": "Een organisatie die meedoet aan de agenda.",
    "Verdicts": "Waarop de site zijn oordelen baseert: de dag waarop geoordeeld is, de stand van de looptijd en het huidige schooljaar.",
    "Party": "Een partner, een rol, of een rol bij een partner of orgaan.",
    "Venue": "Een plek waar ouders en kinderen heen gaan: naam en adres.",
    "Principle": "Een leidend principe van de samenwerking.",
    "Priority": "Waar een plaats voorrang aan geeft, eventueel met het doel waar het onder valt.",
    "Place": "Een kern, wijk of gemeente van de agenda, met eigen prioriteiten en een eigen pagina.",
    "RelatedAgenda": "Een andere agenda: de voorganger, een addendum, de regionale agenda waar deze bij hoort of een lokale agenda erbinnen.",
    "SharedGoal": "Een doel van deze agenda dat hoort bij een doel van de andere agenda (gedeeld, voortgezet of toegevoegd).",
    "DimensionReport": "De stand van een actie op één onderdeel (kwaliteit, geld, tijd) op de datum van de voortgangsnotitie.",
    "ProgressNote": "Een voortgangsnotitie bij een actie, met datum en eventueel de nieuwe status.",
    "Region": "De gemeente of de regio van meerdere gemeenten waarvoor de agenda geldt.",
    "SignUp": "Hoe ouders hun kind aanmelden: een webpagina, de stappen in volgorde, of beide.",
    "Target": "Wat een indicator moet bereiken, en uiterlijk wanneer.",
    "TargetGroup": "Voor wie een interventie is, met leeftijden.",
    "Term": "De looptijd van de agenda in jaren.",
    "YearBudget": "Het beschikbare LEA-budget van een schooljaar en de opgegeven totalen.",
    "YearPlan": "Het plan voor één schooljaar (jaaragenda, jaarplan, uitvoeringsagenda of werkagenda).",
    "Member": "Een lid van een orgaan: een partner of rol, eventueel eigenaar van doelen, of alleen als voorbeeld of mogelijkheid genoemd.",
    "Organisation": "De organisatie van de agenda als geheel: of ze een concept is of vastgesteld, en een toelichting.",
    "Result": "Een beoogd resultaat van een doel, met de andere doelen waarvoor het ook geldt.",
    "Role": "Een functie van één persoon in de organisatie (zoals een procesmanager), met omvang, taken en aan wie die verantwoording aflegt.",
    "Statement": "De gezamenlijke doelstelling van een doel in de woorden van het document, eventueel ook in gewone woorden.",
}


def in_dutch(schema: dict[str, Any], top: str) -> dict[str, Any]:
    """The schema with ``top`` as its own description and every part's description from :data:`DESCRIPTIONS`;
    a part without one keeps none (and the test names it) rather than an English one."""
    schema["description"] = top
    for name, part in schema.get("$defs", {}).items():
        if name in DESCRIPTIONS:
            part["description"] = DESCRIPTIONS[name]
        else:
            part.pop("description", None)
    return schema
