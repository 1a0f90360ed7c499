#!/usr/bin/env python3
"""The console's translations (src/Console.Web/Localization, ADR-023).

  scripts/texts.py add AREA "English text" "中文"   adds (or updates) a key in AREA.resx and AREA.zh-CN.resx
  scripts/texts.py missing                          lists keys of an English file missing or empty in its twin

AREA is a resource pair's name without extension, e.g. ImagesTexts. Keys are the English texts; the English value
repeats the key. Entries are kept sorted by key, so two branches adding keys rarely touch the same lines.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "src" / "Console.Web" / "Localization"


def load(path):
    tree = ET.parse(path)
    return tree, {d.get("name"): (d.findtext("value") or "") for d in tree.getroot().findall("data")}


def save(path, entries):
    tree = ET.parse(path)
    root = tree.getroot()
    for d in root.findall("data"):
        root.remove(d)
    head = "\n".join("  " + ET.tostring(h, encoding="unicode").strip() for h in root.findall("resheader"))
    body = []
    for key in sorted(entries, key=lambda k: (k.casefold(), k)):
        d = ET.Element("data", {"name": key, "xml:space": "preserve"})
        ET.SubElement(d, "value").text = entries[key]
        body.append("  " + ET.tostring(d, encoding="unicode"))
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<root>\n' + head + "\n" + "\n".join(body)
                    + ("\n" if body else "") + "</root>\n", encoding="utf-8")


def add(area, english, chinese):
    _, existing = load(FOLDER / f"{area}.resx")
    twins = [k for k in existing if k != english and k.casefold() == english.casefold()]
    if twins:
        sys.exit(f"{area} has {twins[0]!r}: resource names ignore case, so {english!r} cannot sit beside it (use another area)")
    for suffix, value in (("", english), (".zh-CN", chinese)):
        path = FOLDER / f"{area}{suffix}.resx"
        _, entries = load(path)
        entries[english] = value
        save(path, entries)


def missing():
    gaps = 0
    for english_file in sorted(FOLDER.glob("*.resx")):
        if ".zh-CN." in english_file.name:
            continue
        _, en = load(english_file)
        _, zh = load(english_file.with_name(english_file.stem + ".zh-CN.resx"))
        for key in en:
            if not zh.get(key, "").strip():
                gaps += 1
                print(f"{english_file.stem}: {key}")
    return gaps


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "add":
        add(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 2 and sys.argv[1] == "missing":
        sys.exit(1 if missing() else 0)
    else:
        print(__doc__)
        sys.exit(2)
