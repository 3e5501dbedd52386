#!/usr/bin/env python3
"""False positives of the tonality rules on real brand replies (../shared/eval/twitter-care, read in place).

Usage (from the project root, after `dotnet build server/ToneLsp -c Release`):
  python3 tests/eval/tonality_real.py [--cli CMD]

Each reply becomes a template with front matter `channel: twitter` under a `.tonelsp.yaml` whose twitter channel
allows `register: [neutral, casual]` and keeps the default limit of 280 characters. Reports the registers the
replies get, and how many replies have a TONE024 finding (any severity, and warning or above) or a TONE026 one.
Real replies were posted, so TONE026 should be rare (links count in full here, Twitter counts them as 23).
"""
import argparse, json, os, shlex, subprocess, sys, tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "eval", "twitter-care", "agent-replies.dev.jsonl")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli")
    args = parser.parse_args()
    dll = os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp.dll")
    cli = shlex.split(args.cli) if args.cli else ["dotnet", dll]
    if not os.path.exists(DATA):
        sys.exit(f"missing {DATA}")
    items = [json.loads(line) for line in open(DATA, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, ".tonelsp.yaml"), "w", encoding="utf-8") as f:
            f.write("channels:\n  twitter:\n    register: [neutral, casual]\n")
        for i, it in enumerate(items):
            with open(os.path.join(d, f"r{i:04}.md"), "w", encoding="utf-8") as f:
                f.write("---\nchannel: twitter\nlanguage: en\n---\n" + it["text"] + "\n")
        out = subprocess.run(cli + ["check", d, "--format", "json"], capture_output=True, text=True)
        report = json.loads(out.stdout)
    registers = Counter(f["register"] for f in report["files"])
    tone024 = sum(any(g["ruleId"] == "TONE024" for g in f["diagnostics"]) for f in report["files"])
    tone024w = sum(any(g["ruleId"] == "TONE024" and g["severity"] in ("warning", "error") for g in f["diagnostics"]) for f in report["files"])
    tone026 = sum(any(g["ruleId"] == "TONE026" for g in f["diagnostics"]) for f in report["files"])
    n = len(report["files"])
    print(f"twitter-care replies: {n}; registers " + ", ".join(f"{k} {v}" for k, v in sorted(registers.items())))
    print(f"TONE024 any severity: {tone024} ({100 * tone024 / n:.1f}%), warning or above: {tone024w}; TONE026: {tone026} ({100 * tone026 / n:.1f}%)")


if __name__ == "__main__":
    main()
