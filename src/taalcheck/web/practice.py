"""Practice passages that ship with taalcheck (fictional families), for the oefenmodus."""

from __future__ import annotations

#: (title, passage): each has control wording to rewrite and some wording that already works.
PASSAGES: tuple[tuple[str, str], ...] = (
    (
        "Omgang en overdracht",
        "Vader is een niet-meewerkende ouder: hij frustreert de omgang door de kinderen te laat terug te "
        "brengen. De gezinsvoogd zal vader sancties opleggen als dat opnieuw gebeurt. Wij werken "
        "risicogestuurd en houden de situatie nauwlettend in de gaten.",
    ),
    (
        "Een moeder en de hulpverlening",
        "Moeder is een zorgmijder en heeft weinig probleembesef. Zij houdt de hulp bewust af. "
        "Het gezin is een multiprobleemgezin. De jeugdhulpverlener blijft de thuissituatie monitoren.",
    ),
    (
        "Ouders in conflict",
        "Er is sprake van een vechtscheiding. De ouders zitten vast in de loopgraven en er is "
        "escalatiebeheersing nodig bij de overdracht. Beide ouders willen dat het goed gaat met Sam.",
    ),
)
