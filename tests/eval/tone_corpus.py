#!/usr/bin/env python3
"""Scores the tone rules on the project's own labelled corpus, tests/eval/tone-corpus (dev and frozen test parts).

Usage (from the project root, after `dotnet build server/ToneLsp -c Release`):
  python3 tests/eval/tone_corpus.py [--cli CMD] [--show N] [--json]

The corpus was written before any rule was tuned to it (see tests/eval/tone-corpus/README.md): German parts de-a and
de-b, English part en, each split by writing position into *.dev.jsonl and a frozen *.test.jsonl. The scoring is the
one of ../shared/eval/score.py tone: each item becomes a Markdown file (the customer's message, if any, as a
blockquote, then the reply), `tonelsp check --format json` runs once per part, findings of severity hint do not
count, a category in "also" is neither a hit nor a false positive. Reports per split and language: precision and
recall per scored category, micro precision/recall/F1, and the share of clean replies with any finding. --show lists
disagreements of the dev parts only, so that nobody tunes on the test part.
"""
import argparse, glob, json, os, shlex, subprocess, sys, tempfile
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "eval", "tone-corpus")
SCORED = ["condescension", "personal-attack", "sarcasm", "address-form", "channel-redirect",
          "personal-data", "defensive", "profanity", "shouting", "dismissive"]


def default_cli():
    native = os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp")
    return [native] if os.path.exists(native) else ["dotnet", native + ".dll"]


def document(item):
    parts = []
    if item.get("customer"):
        parts += ["> " + line for line in item["customer"].split("\n")] + [""]
    parts.append(item["reply"])
    return "\n".join(parts) + "\n"


def findings(cli, items):
    with tempfile.TemporaryDirectory() as d:
        for it in items:
            with open(os.path.join(d, it["id"] + ".md"), "w", encoding="utf-8") as f:
                f.write(document(it))
        p = subprocess.run(cli + ["check", "--format", "json", d], capture_output=True, text=True)
        try:
            report = json.loads(p.stdout)
        except json.JSONDecodeError:
            sys.exit(f"tonelsp check did not print JSON (exit {p.returncode}): {p.stderr[:400]}")
    got = {}
    for f in report.get("files", []):
        name = os.path.splitext(os.path.basename(f["path"]))[0]
        got[name] = {g["category"] for g in f.get("diagnostics", []) if str(g.get("severity", "")).lower() != "hint"} & set(SCORED)
    return got


def score(items, got):
    tp, fp, fn = Counter(), Counter(), Counter()
    clean = clean_fp = 0
    misses = []
    for it in items:
        want, ok, have = set(it["expect"]), set(it["expect"]) | set(it.get("also", [])), got.get(it["id"], set())
        for c in want:
            (tp if c in have else fn)[c] += 1
        for c in have - ok:
            fp[c] += 1
        if not want:
            clean += 1
            clean_fp += bool(have)
        if (want - have) or (have - ok):
            misses.append({"id": it["id"], "expected": sorted(want), "got": sorted(have), "reply": it["reply"][:160]})
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    P = TP / (TP + FP) if TP + FP else 0.0
    R = TP / (TP + FN) if TP + FN else 0.0
    return {
        "n": len(items), "precision": P, "recall": R, "f1": 2 * P * R / (P + R) if P + R else 0.0,
        "clean": clean, "clean_fp": clean_fp,
        "categories": {c: {"tp": tp[c], "fp": fp[c], "fn": fn[c]} for c in SCORED if tp[c] + fp[c] + fn[c]},
        "misses": misses,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", help="how to start tonelsp (default: the Release build)")
    ap.add_argument("--show", type=int, default=0, help="print up to N disagreements of each dev part")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    cli = shlex.split(a.cli) if a.cli else default_cli()
    groups = OrderedDict()
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.jsonl"))):
        part, split = os.path.basename(path).split(".")[:2]
        with open(path, encoding="utf-8") as f:
            items = [json.loads(l) for l in f if l.strip()]
        groups.setdefault((split, items[0]["lang"] if items else "?"), []).extend(items)
    results = OrderedDict()
    for (split, lang), items in groups.items():
        results[f"{lang} {split}"] = score(items, findings(cli, items))
    splits = [s for s in ("dev", "test", "fresh") if any(k[0] == s for k in groups)]
    for split in splits:
        items = [it for (s, _), its in groups.items() if s == split for it in its]
        results[f"all {split}"] = score(items, findings(cli, items))
    if a.json:
        print(json.dumps({k: {x: y for x, y in v.items() if x != "misses" or k.endswith("dev")} for k, v in results.items()}, ensure_ascii=False, indent=1))
        return
    print(f"{'part':10} {'n':>5} {'P':>6} {'R':>6} {'F1':>6}  clean FP")
    for key, r in results.items():
        print(f"{key:10} {r['n']:5} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}  {r['clean_fp']}/{r['clean']}")
    print(f"\nrecall by category ({' / '.join(splits)}, all languages):")
    for c in SCORED:
        cells = []
        for split in splits:
            k = results[f"all {split}"]["categories"].get(c)
            cells.append(f"{k['tp'] / (k['tp'] + k['fn']):.2f} ({k['tp'] + k['fn']})" if k and k["tp"] + k["fn"] else "-")
        print(f"  {c:18} " + " ".join(f"{cell:>12}" for cell in cells))
    if a.show:
        for key, r in results.items():
            if key.endswith("dev") and not key.startswith("all"):
                print(f"\n== {key}: {len(r['misses'])} disagreements, first {min(a.show, len(r['misses']))}")
                for m in r["misses"][: a.show]:
                    print(f"  {m['id']}: expected {m['expected'] or '-'} got {m['got'] or '-'}: {m['reply']}")
    t = results["all test"]
    fresh = results.get("all fresh")
    print(f"tone corpus: test F1 {t['f1']:.3f} (P {t['precision']:.3f}, R {t['recall']:.3f}), clean false positives {t['clean_fp']}/{t['clean']}" +
          (f"; fresh F1 {fresh['f1']:.3f} (P {fresh['precision']:.3f}, R {fresh['recall']:.3f}), clean false positives {fresh['clean_fp']}/{fresh['clean']}" if fresh else ""))


if __name__ == "__main__":
    main()
