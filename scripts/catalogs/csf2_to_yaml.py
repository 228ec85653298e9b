#!/usr/bin/env python3
"""Turn NIST's CSF 2.0 OSCAL catalog into Attest framework YAML (docs/frameworks-yaml.md).

Usage:
    csf2_to_yaml.py CATALOG_XML WITHDRAWN_TSV [CORE_TSV] > src/Attest/Catalogs/csf-2.0.yaml

CATALOG_XML is NIST_CSF_v2.0_catalog.xml (usnistgov/oscal-content). NIST's XML still carries the
CSF 1.1 subcategories withdrawn in 2.0, with no status flag, so WITHDRAWN_TSV (first column: the
withdrawn ids) says which to drop; a category left with no subcategory is a withdrawn 1.1 category
and is dropped too. When CORE_TSV (csf2_core_subcategories.tsv) is given, the result is checked
against it and the script fails rather than write a catalog that disagrees with NIST's list.

Standard library only, so that anyone can regenerate the file without installing anything.
"""

import json
import re
import sys
import xml.etree.ElementTree as ET

NS = {"o": "http://csrc.nist.gov/ns/oscal/1.0"}
EXPECTED = {"function": 6, "category": 22, "subcategory": 106}


def text_of(element):
    """All text under an element with XML line wrapping collapsed to single spaces."""
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def part(control, name):
    return [p for p in control.findall("o:part", NS) if p.get("name") == name]


def read_ids(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    return [row[0] for row in rows[1:]]


def read_core(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]


def build(catalog_path, withdrawn):
    root = ET.parse(catalog_path).getroot()
    functions = []
    for group in root.findall("o:group", NS):
        if group.get("class") != "function":
            raise SystemExit(f"unexpected top-level group {group.get('id')!r}")
        categories = []
        for cat in group.findall("o:control", NS):
            subs = []
            for sub in cat.findall("o:control", NS):
                if sub.get("id") in withdrawn:
                    continue
                statement = " ".join(text_of(p) for p in part(sub, "statement")).strip()
                examples = [text_of(p) for p in part(sub, "example")]
                subs.append({
                    "id": sub.get("id"),
                    # NIST gives subcategories no title of their own (the OSCAL title repeats the
                    # id); the statement is what people recognise a subcategory by.
                    "title": statement,
                    "kind": "subcategory",
                    "description": statement,
                    "guidance": "\n".join(f"- {e}" for e in examples if e) or None,
                })
            if not subs:
                continue
            categories.append({
                "id": cat.get("id"),
                "title": text_of(cat.find("o:title", NS)),
                "kind": "category",
                "description": " ".join(text_of(p) for p in part(cat, "statement")).strip() or None,
                "children": subs,
            })
        functions.append({
            "id": group.get("id"),
            "title": text_of(group.find("o:title", NS)),
            "kind": "function",
            "description": " ".join(text_of(p) for p in part(group, "overview")).strip() or None,
            "children": categories,
        })
    return functions


def check(functions, withdrawn, core):
    counts = {"function": 0, "category": 0, "subcategory": 0}
    ids = []

    def walk(items):
        for item in items:
            counts[item["kind"]] += 1
            ids.append(item["id"])
            walk(item.get("children", []))

    walk(functions)
    problems = [f"{k}: {counts[k]} found, {v} expected" for k, v in EXPECTED.items() if counts[k] != v]
    leaked = sorted(set(ids) & withdrawn)
    if leaked:
        problems.append("withdrawn ids kept: " + ", ".join(leaked))
    if core is not None:
        subs = {s["id"]: s for f in functions for c in f["children"] for s in c["children"]}
        expected = {row["subcategory_id"]: row for row in core}
        if set(subs) != set(expected):
            problems.append("subcategories differ from the core list: "
                            + ", ".join(sorted(set(subs) ^ set(expected))))
        for sid, row in expected.items():
            if sid in subs and normalise(subs[sid]["description"]) != normalise(row["statement"]):
                problems.append(f"{sid}: statement differs from the core list")
    if problems:
        raise SystemExit("refusing to write the catalog:\n  " + "\n  ".join(problems))


def normalise(s):
    # The core TSV was exported with ASCII apostrophes; the XML sometimes has typographic ones.
    return s.replace("\u2019", "'")


PLAIN = re.compile(r"^[A-Za-z0-9(][^\n\r\t\"'#]*$")
RESERVED = {"", "~", "null", "true", "false", "yes", "no", "on", "off"}


def scalar(value):
    if (PLAIN.match(value) and ": " not in value and not value.endswith((":", " "))
            and value.lower() not in RESERVED and not re.fullmatch(r"[0-9.eE+-]+", value)):
        return value
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def emit_item(item, indent, out):
    pad = " " * indent
    out.append(f"{pad}- id: {scalar(item['id'])}")
    for key in ("title", "kind", "description"):
        if item.get(key):
            out.append(f"{pad}  {key}: {scalar(item[key])}")
    if item.get("guidance"):
        out.append(f"{pad}  guidance: |-")
        for line in item["guidance"].split("\n"):
            out.append(f"{pad}    {line}")
    if item.get("children"):
        out.append(f"{pad}  children:")
        for child in item["children"]:
            emit_item(child, indent + 4, out)


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    withdrawn = set(read_ids(argv[2]))
    core = read_core(argv[3]) if len(argv) == 4 else None
    functions = build(argv[1], withdrawn)
    check(functions, withdrawn, core)
    out = [
        "# NIST Cybersecurity Framework 2.0: functions, categories and subcategories.",
        "# Generated from NIST's public-domain CSF 2.0 data (usnistgov/oscal-content,",
        "# src/nist.gov/CSF/v2.0/xml/NIST_CSF_v2.0_catalog.xml) by scripts/catalogs/csf2_to_yaml.py.",
        "# CSF 1.1 items withdrawn in 2.0 are left out. Regenerate rather than edit by hand.",
        "id: nist-csf-2.0",
        "name: NIST Cybersecurity Framework 2.0",
        'version: "2.0"',
        "publisher: NIST",
        "description: " + scalar(
            "Outcomes that help an organization understand, assess, prioritize and communicate "
            "its cybersecurity risk, grouped into six functions."),
        "requirements:",
    ]
    for function in functions:
        emit_item(function, 2, out)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
