#!/usr/bin/env python3
"""Evaluates du/Sie detection and conversion on the CoCoA-MT customer-service pairs.

Usage (from the project root, after building the Release executable):
  python3 tests/eval/cocoa.py [--data ../shared/eval/cocoa-train] [--cli CMD] [--show N]

The data (CDLA-Sharing-1.0) stays in ../shared and is read from there. Each *.formal.de line has an
informal twin in *.informal.de. Reports:
  - conversion: formal lines converted to du and informal lines converted to Sie, exact match with the
    twin, ignoring the case of du-forms (du/Du, dein/Dein, ...);
  - detection: on lines whose two versions differ, the formal one detected as "sie" and the informal one
    as "du";
  - round trip: formal -> du -> Sie reproduces the formal line.
These are figures over all 400 pairs. tests/eval/conversion.py reports the same measures split into dev and a
frozen test part, together with the dev sets, round trips on manual-page prose and the invented-forms check.
"""
import argparse, glob, json, os, re, shlex, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DU = re.compile(r"\b(Du|Dich|Dir|Dein\w*|Euch|Euer|Eure\w*)\b")


def norm(s):
    return DU.sub(lambda m: m.group(0).lower(), s.strip())


def convert(cli, lines, target):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines))
        path = f.name
    try:
        p = subprocess.run(cli + ["convert", "--to", target, "--each-line", path], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"convert failed: {p.stderr[:400]}")
        out = p.stdout.split("\n")
        return out[: len(lines)]
    finally:
        os.unlink(path)


def detect(cli, lines):
    with tempfile.TemporaryDirectory() as d:
        for i, line in enumerate(lines):
            with open(os.path.join(d, f"{i:05d}.md"), "w", encoding="utf-8") as f:
                f.write("---\nlanguage: de\n---\n" + line + "\n")
        p = subprocess.run(cli + ["check", "--format", "json", "--rule", "TONE001=off", d], capture_output=True, text=True)
        report = json.loads(p.stdout)
        forms = {}
        for f in report["files"]:
            forms[int(os.path.splitext(os.path.basename(f["path"]))[0])] = f["addressForm"]
        return [forms.get(i, "none") for i in range(len(lines))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "eval", "cocoa-train"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp"))
    ap.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    a = ap.parse_args()
    cli = shlex.split(a.cli)
    formal, informal = [], []
    for path in sorted(glob.glob(os.path.join(a.data, "*.formal.de"))):
        twin = path.replace(".formal.de", ".informal.de")
        with open(path, encoding="utf-8") as f1, open(twin, encoding="utf-8") as f2:
            for x, y in zip(f1.read().splitlines(), f2.read().splitlines()):
                formal.append(x)
                informal.append(y)
    n = len(formal)
    to_du = convert(cli, formal, "du")
    to_sie = convert(cli, informal, "sie")
    back = convert(cli, to_du, "sie")
    du_ok = [norm(g) == norm(w) for g, w in zip(to_du, informal)]
    sie_ok = [norm(g) == norm(w) for g, w in zip(to_sie, formal)]
    trip_ok = [g.strip() == w.strip() for g, w in zip(back, formal)]
    differ = [i for i in range(n) if formal[i].strip() != informal[i].strip()]
    forms_formal = detect(cli, [formal[i] for i in differ])
    forms_informal = detect(cli, [informal[i] for i in differ])
    detect_ok = [f == "sie" for f in forms_formal] + [f == "du" for f in forms_informal]
    conv = sum(du_ok) + sum(sie_ok)
    print(f"pairs: {n} ({len(differ)} differ between formal and informal)")
    print(f"formal -> du:   {sum(du_ok)}/{n} exact ({sum(du_ok) / n:.1%})")
    print(f"informal -> Sie: {sum(sie_ok)}/{n} exact ({sum(sie_ok) / n:.1%})")
    print(f"detection on differing lines: {sum(detect_ok)}/{len(detect_ok)} ({sum(detect_ok) / len(detect_ok):.1%})")
    print(f"round trip formal -> du -> Sie: {sum(trip_ok)}/{n} ({sum(trip_ok) / n:.1%})")
    if a.show:
        for name, ok, got, want, src in (("to du", du_ok, to_du, informal, formal), ("to Sie", sie_ok, to_sie, formal, informal)):
            misses = [i for i in range(n) if not ok[i]][: a.show]
            for i in misses:
                print(f"[{name}] {src[i]}\n   got:  {got[i]}\n   want: {want[i]}")
        for k, i in enumerate(differ):
            if forms_formal[k] != "sie" and a.show:
                print(f"[detect formal as {forms_formal[k]}] {formal[i]}")
            if forms_informal[k] != "du" and a.show:
                print(f"[detect informal as {forms_informal[k]}] {informal[i]}")
    print(f"cocoa: conversion {conv}/{2 * n} exact ({conv / (2 * n):.1%})")


if __name__ == "__main__":
    main()
