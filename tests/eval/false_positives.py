#!/usr/bin/env python3
"""Measures findings on neutral prose: German and English manual pages made into templates.

Usage (from the project root, after building the Release executable):
  python3 tests/eval/false_positives.py [--corpus DIR] [--count N] [--cli CMD]

Builds the corpus with ../shared/tools/make-corpus.sh when DIR does not exist yet, runs
`CMD check --format json DIR` once and reports, per language, the findings of severity
warning or above per 20 KB of text, and the rules and texts that produced them. Every such
finding is a false positive: the corpus contains no customer replies.
"""
import argparse, collections, json, os, shlex, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/tmp/tonelsp-corpus")
    ap.add_argument("--count", type=int, default=1000, help="documents per language")
    ap.add_argument("--cli", default=os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp"))
    ap.add_argument("--show", type=int, default=5, help="examples per rule")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        script = os.path.join(ROOT, "..", "shared", "tools", "make-corpus.sh")
        subprocess.run(["bash", script, a.corpus, str(a.count)], check=True)
    p = subprocess.run(shlex.split(a.cli) + ["check", "--format", "json", a.corpus], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"check failed with exit {p.returncode}: {p.stderr[:500]}")
    report = json.loads(p.stdout)
    size = collections.Counter()
    for root, _, files in os.walk(a.corpus):
        for name in files:
            size[os.path.basename(root)] += os.path.getsize(os.path.join(root, name))
    found = collections.Counter()
    by_rule = collections.defaultdict(list)
    for f in report["files"]:
        language = os.path.basename(os.path.dirname(f["path"]))
        for d in f["diagnostics"]:
            if d["severity"] in ("error", "warning"):
                found[language] += 1
                by_rule[d["ruleId"]].append(f"{f['path']}: {d['message']}")
    for language in sorted(size):
        rate = found[language] / (size[language] / 20480) if size[language] else 0.0
        print(f"{language}: {found[language]} findings (warning or above) in {size[language] // 1024} KB = {rate:.2f} per 20 KB")
    for rule, items in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
        print(f"  {rule}: {len(items)}")
        for item in items[: a.show]:
            print(f"    {item}")


if __name__ == "__main__":
    main()
