"""Sanity checks for the static kommune data file (src/jobcentertjek/data/kommuner.yaml)."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

DATA_PATH = Path(__file__).parents[1] / "src/jobcentertjek/data/kommuner.yaml"

EXPECTED_REGION_COUNTS = {
    "Region Hovedstaden": 29,
    "Region Sjælland": 17,
    "Region Syddanmark": 22,
    "Region Midtjylland": 19,
    "Region Nordjylland": 11,
}

_DANISH = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
)


def expected_slug(name: str) -> str:
    s = name.translate(_DANISH).lower().replace(" ", "-")
    return re.sub(r"[^a-z0-9-]", "", s)


@pytest.fixture(scope="module")
def data():
    with DATA_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def kommuner(data):
    return data["kommuner"]


def test_exactly_98_kommuner(kommuner):
    assert len(kommuner) == 98


def test_each_entry_has_exact_keys(kommuner):
    for k in kommuner:
        assert set(k) == {"code", "name", "region", "slug"}, k


def test_codes_are_unique_three_digit_strings(kommuner):
    codes = [k["code"] for k in kommuner]
    for code in codes:
        assert isinstance(code, str) and re.fullmatch(r"\d{3}", code), code
    assert len(set(codes)) == len(codes)


def test_sorted_by_code(kommuner):
    codes = [k["code"] for k in kommuner]
    assert codes == sorted(codes)


def test_christiansoe_excluded(kommuner):
    assert "411" not in {k["code"] for k in kommuner}
    assert not any("christians" in k["slug"] for k in kommuner)


def test_slugs_unique(kommuner):
    slugs = [k["slug"] for k in kommuner]
    assert len(set(slugs)) == len(slugs)


def test_names_unique(kommuner):
    names = [k["name"] for k in kommuner]
    assert len(set(names)) == len(names)


def test_regions_and_counts(kommuner):
    assert Counter(k["region"] for k in kommuner) == EXPECTED_REGION_COUNTS


def test_slug_matches_rule(kommuner):
    for k in kommuner:
        assert k["slug"] == expected_slug(k["name"]), k
        assert re.fullmatch(r"[a-z0-9-]+", k["slug"]), k


@pytest.mark.parametrize(
    "name, slug",
    [
        ("København", "koebenhavn"),
        ("Høje-Taastrup", "hoeje-taastrup"),
        ("Lyngby-Taarbæk", "lyngby-taarbaek"),
        ("Tårnby", "taarnby"),
        ("Ærø", "aeroe"),
        ("Aabenraa", "aabenraa"),
    ],
)
def test_slug_rule_examples(name, slug):
    assert expected_slug(name) == slug


@pytest.mark.parametrize(
    "code, name, slug, region",
    [
        ("101", "København", "koebenhavn", "Region Hovedstaden"),
        ("147", "Frederiksberg", "frederiksberg", "Region Hovedstaden"),
        ("169", "Høje-Taastrup", "hoeje-taastrup", "Region Hovedstaden"),
        ("400", "Bornholm", "bornholm", "Region Hovedstaden"),
        ("461", "Odense", "odense", "Region Syddanmark"),
        ("492", "Ærø", "aeroe", "Region Syddanmark"),
        ("510", "Haderslev", "haderslev", "Region Syddanmark"),
        ("751", "Aarhus", "aarhus", "Region Midtjylland"),
        ("791", "Viborg", "viborg", "Region Midtjylland"),
        ("825", "Læsø", "laesoe", "Region Nordjylland"),
        ("851", "Aalborg", "aalborg", "Region Nordjylland"),
    ],
)
def test_pinned_examples(kommuner, code, name, slug, region):
    by_code = {k["code"]: k for k in kommuner}
    assert by_code[code] == {"code": code, "name": name, "region": region, "slug": slug}


def test_national_entry(data, kommuner):
    assert data["national"]["slug"] == "hele-landet"
    assert data["national"]["name"] == "Hele landet"
    assert "hele-landet" not in {k["slug"] for k in kommuner}


def test_package_slug_function_and_lookup_agree_with_the_data():
    from jobcentertjek.entries.reference import danish_slug, find_kommune, kommuner

    places = kommuner()
    assert len([k for k in places.values() if not k.is_national]) == 98
    for kommune in places.values():
        assert danish_slug(kommune.name) == kommune.slug
    for form in ("København", "københavn", "101", "koebenhavn"):
        assert find_kommune(form).slug == "koebenhavn"
    assert find_kommune("Høje-Taastrup").code == "169"
    assert find_kommune("Atlantis") is None
