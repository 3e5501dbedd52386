#!/usr/bin/env python3
"""Builds dev.jsonl and test.jsonl from cases.txt and checks the items (see README.md).

Split rule (fixed before any converter was run on these items): within each construct and target
direction, items are numbered 1, 2, 3, ... in the order they appear in cases.txt; an item goes to test
when its number modulo 10 is 3, 6 or 9, otherwise to dev.
"""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CODES = {"statement": "stm", "question": "que", "imperative": "imp", "subordinate": "sub",
         "coordination": "coo", "pronoun-case": "pro", "possessive": "pos", "plural-ihr": "plu",
         "separable": "sep", "third-person": "thp", "control": "ctl", "greeting": "gre",
         "konjunktiv": "kon"}
PUNCT = re.compile(r"[^\w\s]")
DU_FORMS = re.compile(r"\b(du|dich|dir|dein\w*|deins|euch|euer|eure\w*)\b", re.I)


def parse():
    items, construct = [], None
    for n, line in enumerate(open(os.path.join(HERE, "cases.txt"), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            construct = line[2:].strip()
            assert construct in CODES, construct
            continue
        to, rest = line.split(": ", 1)
        assert to in ("sie", "du"), (n, line)
        src, outs = rest.split(" => ")
        outs = [src] if outs == "=" else outs.split(" || ")
        items.append({"line": n, "construct": construct, "to": to, "in": src, "out": outs})
    return items


def check(it):
    errs, src = [], it["in"]
    for o in it["out"]:
        if PUNCT.findall(o) != PUNCT.findall(src):
            errs.append("punctuation differs: " + o)
        if "  " in o or o != o.strip():
            errs.append("spacing: " + o)
        if it["to"] == "sie":
            if DU_FORMS.search(o):
                errs.append("du form left: " + o)
            if re.search(r"\bihr\b", o) and it["construct"] != "third-person":
                errs.append("lower-case ihr: " + o)
        else:
            if re.search(r"\bIhnen\b|\bIhr\w*\b", o):
                errs.append("Sie form left: " + o)
            if it["construct"] not in ("third-person",) and re.search(r"(?<![.!?:] )(?<!^)\bSie\b", o):
                errs.append("Sie left: " + o)
            if re.search(r"(?<=[\w,;] )(Du|Dich|Dir|Dein\w*)\b", o):
                errs.append("capitalised du form mid-sentence: " + o)
        if it["construct"] != "control" and o == src and src != "Siehe auch unsere FAQ zum Thema Roaming.":
            errs.append("unchanged: " + o)
    if it["construct"] == "control" and it["out"] != [src]:
        errs.append("control changed")
    if len(set(it["out"])) != len(it["out"]):
        errs.append("duplicate outputs")
    return errs


def main():
    items = parse()
    pos = collections.Counter()
    dev, test, bad = [], [], 0
    seen = set()
    for it in items:
        key = (it["construct"], it["to"])
        pos[key] += 1
        p = pos[key]
        it["id"] = f"{CODES[it['construct']]}-{it['to']}-{p:02d}"
        for e in check(it):
            bad += 1
            print(f"cases.txt:{it['line']}: {it['id']}: {e}", file=sys.stderr)
        if it["in"] in seen:
            bad += 1
            print(f"cases.txt:{it['line']}: duplicate input", file=sys.stderr)
        seen.add(it["in"])
        rec = {"id": it["id"], "to": it["to"], "in": it["in"], "out": it["out"], "construct": it["construct"]}
        (test if p % 10 in (3, 6, 9) else dev).append(rec)
    for name, rows in (("dev", dev), ("test", test)):
        with open(os.path.join(HERE, name + ".jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    table = collections.Counter((r["construct"], r["to"], s) for s, rows in (("dev", dev), ("test", test)) for r in rows)
    print(f"{'construct':14} {'sie dev':>7} {'sie test':>8} {'du dev':>6} {'du test':>7} {'total':>5}")
    for c in CODES:
        v = [table[(c, "sie", "dev")], table[(c, "sie", "test")], table[(c, "du", "dev")], table[(c, "du", "test")]]
        print(f"{c:14} {v[0]:7} {v[1]:8} {v[2]:6} {v[3]:7} {sum(v):5}")
    tot = [sum(table[(c, t, s)] for c in CODES) for t, s in (("sie", "dev"), ("sie", "test"), ("du", "dev"), ("du", "test"))]
    print(f"{'total':14} {tot[0]:7} {tot[1]:8} {tot[2]:6} {tot[3]:7} {sum(tot):5}")
    print(f"dev {len(dev)}, test {len(test)}; problems: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
