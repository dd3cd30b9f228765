"""The person the finder ranks districts for, as its URL says it: who they are (`group`, target group codes),
what they need (`need`, incentive kinds) and how recent (`since`, a year).

The finder reads them, with the places it searches; the comparison it links to reads the same parameters,
so that "Compare these" compares the districts for that person, and says for whom.
"""
from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext, gettext_lazy as _, gettext_noop, pgettext

from policies import finder
from policies.choices import IncentiveKind
from programs.groups import GROUPS
from talentkb.lists.facets import MAX_VALUES
from talentkb.lists.filters import year_of

# Who people say they are, as the target groups an offer may name.
PERSONAS = [
    ("graduate", gettext_noop("a graduate"), ("graduates", "bachelors")),
    ("master", gettext_noop("a master's graduate"), ("graduates", "masters")),
    ("phd", gettext_noop("a PhD"), ("graduates", "doctorates", "researchers", "high_level")),
    ("postdoc", gettext_noop("a postdoc"), ("researchers", "high_level")),
    ("returnee", gettext_noop("an overseas returnee"), ("overseas",)),
    ("founder", gettext_noop("a founder"), ("entrepreneurs",)),
    ("skilled", gettext_noop("a skilled worker"), ("skilled",)),
    ("high_level", gettext_noop("a high-level talent"), ("high_level",)),
]
# What people need, in their words, by the incentive kind that offers it.
NEEDS = {
    IncentiveKind.APARTMENT: _("housing"),
    IncentiveKind.RENT_FREE_PERIOD: _("a rent-free period"),
    IncentiveKind.WORKSTATION: _("a desk"),
    IncentiveKind.OFFICE_SPACE: _("office space"),
    IncentiveKind.FUND: _("district funds"),  # pools (a guidance fund), not money paid to a person
    IncentiveKind.SUBSIDY: _("subsidies and awards"),
    IncentiveKind.JOBS: _("a job"),
    IncentiveKind.SERVICE_ORG: _("services"),
    IncentiveKind.OTHER: _("anything else"),
}
GROUP_CODES = {code for code, _name in GROUPS}


def values(query: QueryDict, name: str, accepts) -> tuple[str, ...]:
    """The accepted values of a repeated parameter, each once, at most MAX_VALUES; others dropped."""
    cleaned = [v.strip() for v in query.getlist(name)][:MAX_VALUES]
    return tuple(dict.fromkeys(v for v in cleaned if v and "\x00" not in v and accepts(v)))


def person_from(query: QueryDict) -> finder.Wanted:
    """The person of the query, without places; what is not a group, a kind or a year is dropped."""
    years = [year_of(y) for y in values(query, "since", lambda v: year_of(v) is not None)]
    return finder.Wanted(
        groups=values(query, "group", GROUP_CODES.__contains__),
        needs=values(query, "need", lambda v: IncentiveKind.parse(v) is not None),
        since=min(years) if years else None,  # repeated: the widest
    )


def asked(person: finder.Wanted) -> bool:
    """Whether the query said anything of the person (nothing said: every offer is for them)."""
    return bool(person.groups or person.needs or person.since)


def person_query(person: finder.Wanted) -> QueryDict:
    """The parameters that carry the person to another page: their groups, needs and year."""
    query = QueryDict(mutable=True)
    query.setlist("group", list(person.groups))
    query.setlist("need", list(person.needs))
    if person.since:
        query["since"] = str(person.since)
    return query


def described(person: finder.Wanted) -> dict:
    """For whom, in words: a persona's name where the groups are a persona's, else the groups' names;
    the needs in people's words; the year."""
    comma = pgettext("between the items of a list", ", ")
    persona = next((label for _key, label, codes in PERSONAS if set(codes) == set(person.groups)), None)
    names = dict(GROUPS)
    who = gettext(persona) if persona else comma.join(gettext(names[code]) for code in person.groups)
    return {
        "who": who,
        "needs": comma.join(str(NEEDS[IncentiveKind(kind)]) for kind in person.needs),
        "since": person.since,
    }
