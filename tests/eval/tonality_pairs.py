#!/usr/bin/env python3
"""Scores TONE024 (tonality mismatch) on labelled (customer message, reply) pairs, tests/eval/tonality-pairs.

Usage (from the project root, after `dotnet build server/ToneLsp -c Release`):
  python3 tests/eval/tonality_pairs.py [--cli CMD]

customers.jsonl and replies.jsonl hold 20 customer messages and 20 replies (German and English), each labelled
formal, neutral or casual by hand, none of them in the register test data. Every customer message is paired with
every reply of its language: 200 pairs. A pair is bad when the labels are formal against casual (a warning is
expected), good when they are equal, one step otherwise (a hint at most; no warning expected). A pair belongs to the
frozen test part when its customer message or its reply is marked test; only its figures are reported, never tuned.
Reports precision and recall of TONE024 at warning for the bad pairs, and how often one-step pairs got the hint.
"""
import argparse, json, os, shlex, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "tests", "eval", "tonality-pairs")
RANK = {"formal": 0, "neutral": 1, "casual": 2}


def load(name):
    return [json.loads(line) for line in open(os.path.join(DATA, name), encoding="utf-8") if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli")
    args = parser.parse_args()
    cli = shlex.split(args.cli) if args.cli else ["dotnet", os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp.dll")]
    customers, replies = load("customers.jsonl"), load("replies.jsonl")
    pairs = [(c, r) for c in customers for r in replies if c["lang"] == r["lang"]]
    with tempfile.TemporaryDirectory() as d:
        for c, r in pairs:
            quoted = "\n".join("> " + line for line in c["text"].split("\n"))
            with open(os.path.join(d, f"{c['id']}-{r['id']}.md"), "w", encoding="utf-8") as f:
                f.write(f"---\nlanguage: {c['lang']}\n---\n{quoted}\n\n{r['text']}\n")
        out = subprocess.run(cli + ["check", d, "--format", "json"], capture_output=True, text=True)
        report = json.loads(out.stdout)
    found = {}
    for f in report["files"]:
        name = os.path.basename(f["path"])[:-3]
        severities = {g["severity"] for g in f["diagnostics"] if g["ruleId"] == "TONE024"}
        found[name] = "warning" if severities & {"warning", "error"} else "hint" if severities else None
    for split in ("dev", "test"):
        part = [(c, r) for c, r in pairs if ("test" in (c["split"], r["split"])) == (split == "test")]
        tp = fp = fn = good = one = hinted = 0
        for c, r in part:
            steps = abs(RANK[c["register"]] - RANK[r["register"]])
            warned = found.get(f"{c['id']}-{r['id']}") == "warning"
            tp += warned and steps == 2
            fp += warned and steps < 2
            fn += (not warned) and steps == 2
            good += steps == 0
            one += steps == 1
            hinted += steps == 1 and found.get(f"{c['id']}-{r['id']}") == "hint"
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"tonality pairs {split}: {len(part)} pairs ({tp + fn} bad, {good} good, {one} one step); "
              f"warning precision {precision:.3f}, recall {recall:.3f}; one-step pairs with the hint {hinted}/{one}")


if __name__ == "__main__":
    main()
