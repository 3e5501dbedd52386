#!/usr/bin/env python3
"""Measures the tone rules on real text no one here wrote: offensive German tweets, real brand replies, German
conversational turns and manual pages (ToneLsp issue 12).

Usage (from the project root, after `dotnet build server/ToneLsp -c Release`):
  python3 tests/eval/tone_real.py [--cli CMD] [--show N] [--json] [--only SETS] [--corpus DIR] [--count N]

CMD starts the CLI (default: the Release build's `tonelsp`, else `dotnet …/tonelsp.dll`). Nothing from ../shared is
copied into the project: every data set is read from there at run time, each item is written as one Markdown file
into a temporary directory under /tmp (outside every repository, so no .gitignore and no project configuration
applies: the built-in defaults are measured), and `tonelsp check --format json DIR` runs once per data set (four
calls in all). A finding counts when its severity is warning or error; hint and information never count. The script
reports and never gates: it exits 0 whatever the figures, and non-zero only when the CLI cannot be started, fails
(exit other than 0/1) or prints no JSON.

Data sets (--only takes a comma-separated subset of: germeval, twitter, cocoa, manpages):

1. germeval: GermEval 2018 training data, ../shared/eval/germeval2018/germeval2018.training.txt (Wiegand, Siegel,
   Ruppenhofer 2018, "Overview of the GermEval 2018 Shared Task on the Identification of Offensive Language";
   uds-lsv/GermEval-2018-Data, CC BY 4.0). 5 009 German tweets, tab-separated: text, coarse label, fine label
   (ABUSE, INSULT, PROFANITY, OTHER). Measures: the share of INSULT and of PROFANITY tweets (together and apart)
   flagged by profanity or personal-attack (target >= 60%); the share of OTHER tweets so flagged (false positives,
   target <= 2%) and, for information, flagged by any tone category; the share of ABUSE tweets flagged by profanity
   or personal-attack (information: abuse is often hostile without an insult word). Split: a tweet is held-out when
   the first byte of the SHA-1 of its raw text (the first column, UTF-8, stripped) is below 77 (about 30%), else
   dev; the split does not depend on the preprocessing below. Tune on dev only: --show lists dev items only.
   Preprocessing: the leading run of @mentions (the reply's addressees, not its words) is removed; @mentions
   inside the text are kept as they are (they are often the referent: "@spdde kein verlässlicher Partner");
   HTML entities (&amp; &gt; …) are decoded; |LBR| becomes a line break. Each tweet is the reply of its own
   file, with front matter `language: de`; Markdown syntax at a line start (# > - + * = | 1.) and every ` and <
   are backslash-escaped so that no tweet turns into a heading, quote (a first blockquote is the customer's
   message and not checked), list marker, code span or HTML.
2. twitter: real customer-care replies of 25 brands on Twitter, ../shared/eval/twitter-care/agent-replies.dev.jsonl
   (IBM, "Twitter Conversations Dataset for Conversational Document Prediction", repository
   IBM/twitter-customer-care-document-prediction, Apache 2.0; 583 replies of its dev split). Same preprocessing,
   front matter `language: en`. Measure: the share of replies flagged by any category other than
   channel-redirect (target <= 1%; brands on Twitter do send people to DMs and hotlines, which the
   channel-redirect rule reports by design); for information the share including channel-redirect. Counts per
   category and per rule ID.
3. cocoa: CoCoA-MT German turns (Amazon; Nadejde et al. 2022, "CoCoA-MT: A Dataset and Benchmark for Contrastive
   Controlled MT with Application to Formality"; CDLA-Sharing-1.0), ../shared/eval/cocoa-train/*.formal.de and
   *.informal.de, one conversational turn per line (telephony and topical chat; 400 formal, 400 informal), each
   turn a file with front matter `language: de`. Measure: the share of turns flagged by any tone category
   (TONE_CATEGORIES below; target <= 1.5%), by register and together. Address-form findings count: every line is
   a consistent formal or informal translation by construction and there is no customer message to mirror, so
   a single line mixing du and Sie is almost always a misreading (Sie = they, ihr = her/their), i.e. a false
   positive; the rate without address-form is reported for information. Counts per category and rule ID.
4. manpages: German and English manual pages made into templates by ../shared/tools/make-corpus.sh OUT N (N=3000
   per language, Debian manpages-de and man-db pages; their licences are the pages' own), cached as
   tests/eval/conversion.py does in artifacts/eval-corpus/manpages-3000 (git-ignored, stamped with SOURCE):
   /work/main's copy is reused read-only when its stamp matches this machine, else the corpus is built into this
   worktree's artifacts/. The documents are copied unchanged (front matter `channel: email`, `language: de|en`)
   to /tmp before checking. Measure: findings of any category per 20 KB (20 480 bytes) of file text, as
   tests/eval/false_positives.py counts (target <= 0.5); every finding is a false positive, a man page is not a
   reply. Per language and together; counts per category and rule ID.

TONE_CATEGORIES are the ten scored categories of tests/eval/tone_corpus.py; brand, template, boilerplate and
missing-empathy findings (configuration- and template-shape rules) are listed in the counts but are not tone.

Output: a table (data set, measure, part, n, hits, rate, target, ✓/✗), the counts per category and rule ID of the
flagged items of every data set, then one headline line; with --show N up to N examples of every dev miss and
false-positive list (GermEval: dev part only; the other sets have no frozen part) and up to N example texts per
rule ID; with --json one JSON object instead.
"""
import argparse, glob, hashlib, html, json, os, re, shlex, shutil, subprocess, sys, tempfile
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
MAIN_CORPUS = "/work/main/artifacts/eval-corpus"
HELD_OUT_BYTE = 77  # first SHA-1 byte < 77 -> held-out (77/256 = 30.1%), as tests/eval/conversion.py
COUNTED = {"warning", "error"}
TONE_CATEGORIES = ["condescension", "personal-attack", "sarcasm", "address-form", "channel-redirect",
                   "personal-data", "defensive", "profanity", "shouting", "dismissive"]
OFFENSIVE = {"profanity", "personal-attack"}
SETS = ["germeval", "twitter", "cocoa", "manpages"]

CITE = {
    "germeval": "GermEval 2018 (Wiegand, Siegel, Ruppenhofer 2018; uds-lsv/GermEval-2018-Data, CC BY 4.0)",
    "twitter": "IBM Twitter customer-care replies (IBM/twitter-customer-care-document-prediction, Apache 2.0)",
    "cocoa": "CoCoA-MT (Amazon; Nadejde et al. 2022, CDLA-Sharing-1.0)",
    "manpages": "Debian manpages-de and man-db pages (../shared/tools/make-corpus.sh)",
}


# --- the CLI ------------------------------------------------------------------------------------------------

class Cli:
    def __init__(self, spec):
        if spec:
            self.cmd = shlex.split(spec)
        else:
            exe = os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp")
            if os.path.isfile(exe) and os.access(exe, os.X_OK):
                self.cmd = [exe]
            elif os.path.isfile(exe + ".dll") and shutil.which("dotnet"):
                self.cmd = ["dotnet", exe + ".dll"]
            else:
                sys.exit(f"tone_real.py: the CLI was not found at {exe}(.dll); build it with "
                         "`dotnet build server/ToneLsp -c Release` or pass --cli CMD")
        self.calls = 0

    def check(self, docs, report, name):
        """docs: OrderedDict name -> Markdown text. One `check` call; returns name -> [(category, ruleId,
        severity, message, line)] of the findings at warning or above. Files the report left out count as not
        flagged, with a note under the data set's name."""
        with tempfile.TemporaryDirectory(prefix="tone-real-", dir="/tmp") as d:
            for name, text in docs.items():
                with open(os.path.join(d, name + ".md"), "w", encoding="utf-8") as f:
                    f.write(text)
            self.calls += 1
            try:
                p = subprocess.run(self.cmd + ["check", "--format", "json", d], capture_output=True, text=True,
                                   encoding="utf-8")
            except FileNotFoundError:
                sys.exit(f"tone_real.py: cannot start the CLI {' '.join(self.cmd)!r}")
            if p.returncode not in (0, 1):
                sys.exit(f"tone_real.py: `{' '.join(self.cmd)} check --format json {d}` failed with exit "
                         f"{p.returncode}:\n{p.stderr.strip()[:1500]}")
            try:
                result = json.loads(p.stdout)
            except json.JSONDecodeError:
                sys.exit(f"tone_real.py: check did not print JSON (exit {p.returncode}): {p.stdout[:300]} "
                         f"{p.stderr[:300]}")
        got = {}
        for f in result.get("files", []):
            got[os.path.splitext(os.path.basename(f["path"]))[0]] = [(g.get("category", "?"), g.get("ruleId", "?"), str(g.get("severity", "")).lower(),
                          g.get("message", ""), g.get("range", {}).get("start", {}).get("line"))
                         for g in f.get("diagnostics", []) if str(g.get("severity", "")).lower() in COUNTED]
        missing = [n for n in docs if n not in got]
        for n in missing:
            got[n] = []
        if missing:
            report.note(f"{name}: {len(missing)} file(s) missing from the check report, counted as not flagged")
        return got


def example(key, label, got, texts):
    """One item for --show: its id, label, the findings' rule and category, and its text."""
    return {"id": key, "label": label, "got": sorted({f"{f[1]} {f[0]}" for f in got[key]}) or ["-"], "text": texts[key]}


# --- text preparation ---------------------------------------------------------------------------------------

LEADING_MENTIONS = re.compile(r"^(?:\s*@\w+)+[:,]?\s*")
# Line starts that Markdown reads as block syntax: ATX heading, blockquote, list marker, setext underline or
# thematic break, ordered list marker.
LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|[-=*_](?=[-=*_\s]*$)|\d{1,9}[.)](?=\s|$))", re.M)


def tweet_text(raw):
    """Leading @mentions removed, entities decoded, |LBR| as line break (document() escapes the Markdown)."""
    t = html.unescape(raw.strip())
    t = re.sub(r"\s*\|LBR\|\s*", "\n", t)
    t = LEADING_MENTIONS.sub("", t).strip()
    lines = [l.strip() for l in t.split("\n") if l.strip()]
    return "\n".join(lines)


def markdown_safe(t):
    t = t.replace("\\", "\\\\").replace("`", "\\`").replace("<", "\\<")
    return LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1] if m.group(2)[0].isdigit()
                                                  else "\\" + m.group(2)), t)


def document(text, lang):
    """One item as the reply of a Markdown file (escaped by markdown_safe), with the language in front matter."""
    return f"---\nlanguage: {lang}\n---\n{markdown_safe(text)}\n"


def part_of(raw):
    return "held-out" if hashlib.sha1(raw.strip().encode("utf-8")).digest()[0] < HELD_OUT_BYTE else "dev"


# --- results ------------------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.rows = []
        self.lists = OrderedDict()  # "set / measure / part" -> [example dicts] (dev parts only)
        self.breakdown = OrderedDict()  # set -> {"categories": Counter, "rules": Counter, "examples": {rule: [..]}}
        self.notes = []

    def add(self, dataset, measure, part, flags, target=None, items=None, show_when=True, listed=None):
        """flags: list of booleans (hit or not); target: (">=" | "<=", value) or None; items: parallel list of
        examples; listed: which ones to list (default: the hits)."""
        n, hits = len(flags), sum(flags)
        rate = hits / n if n else None
        ok = None
        if target and rate is not None:
            ok = rate >= target[1] if target[0] == ">=" else rate <= target[1]
        self.rows.append({"set": dataset, "measure": measure, "part": part, "n": n, "hits": hits, "rate": rate,
                          "target": f"{target[0]} {target[1]:.1%}" if target else "info", "ok": ok})
        if items is not None and show_when:
            want = listed if listed is not None else flags
            self.lists[f"{dataset} / {measure} / {part}"] = [it for it, w in zip(items, want) if w]

    def note(self, text):
        self.notes.append(text)

    def count(self, dataset, docs_findings, texts, example_keys=None):
        """Findings per category and rule ID; example texts only of example_keys (default: all)."""
        cats, rules, examples = Counter(), Counter(), OrderedDict()
        files_cat, files_rule = Counter(), Counter()
        for name, fs in docs_findings.items():
            for c, r, sev, msg, line in fs:
                cats[c] += 1
                rules[f"{r} {c}"] += 1
                if example_keys is None or name in example_keys:
                    examples.setdefault(f"{r} {c}", []).append({"id": name, "message": msg, "text": texts.get(name, "")})
            for c in {f[0] for f in fs}:
                files_cat[c] += 1
            for r in {f"{f[1]} {f[0]}" for f in fs}:
                files_rule[r] += 1
        self.breakdown[dataset] = {"findings_by_category": dict(cats.most_common()),
                                   "items_by_category": dict(files_cat.most_common()),
                                   "findings_by_rule": dict(rules.most_common()),
                                   "items_by_rule": dict(files_rule.most_common()),
                                   "examples": examples}


def short(t, n=200):
    t = re.sub(r"\s+", " ", t).strip()
    return t if len(t) <= n else t[: n - 1] + "…"


# --- 1. GermEval 2018 ---------------------------------------------------------------------------------------

def load_germeval(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for k, line in enumerate(f):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            items.append({"id": f"g{k:05d}", "raw": cols[0], "coarse": cols[1].strip(), "fine": cols[2].strip(),
                          "part": part_of(cols[0])})
    return items


def set_germeval(cli, report):
    path = os.path.join(SHARED, "eval", "germeval2018", "germeval2018.training.txt")
    if not os.path.isfile(path):
        report.note(f"germeval: {path} not found, skipped")
        return None
    items = load_germeval(path)
    texts = {it["id"]: tweet_text(it["raw"]) for it in items}
    got = cli.check(OrderedDict((it["id"], document(texts[it["id"]], "de")) for it in items), report, "germeval")
    c = Counter((it["part"], it["fine"]) for it in items)
    report.note("germeval: " + ", ".join(f"{p} " + " ".join(f"{l} {c[p, l]}" for l in ("INSULT", "PROFANITY", "ABUSE", "OTHER"))
                                         for p in ("dev", "held-out")))
    # Counts over both parts; example texts (--show) of the dev part only.
    by_id = {it["id"]: it for it in items}
    dev = {it["id"] for it in items if it["part"] == "dev"}
    report.count("germeval (OTHER)", {k: v for k, v in got.items() if by_id[k]["fine"] == "OTHER"}, texts, dev)
    report.count("germeval (INSULT+PROFANITY)",
                 {k: v for k, v in got.items() if by_id[k]["fine"] in ("INSULT", "PROFANITY")}, texts, dev)

    def offensive(it):
        return bool({f[0] for f in got[it["id"]]} & OFFENSIVE)

    def tone(it):
        return bool({f[0] for f in got[it["id"]]} & set(TONE_CATEGORIES))

    def ex(it):
        return dict(example(it["id"], it["fine"], got, texts), raw=it["raw"])
    for part in ("dev", "held-out"):
        sel = [it for it in items if it["part"] == part]
        for labels, measure in ((("INSULT", "PROFANITY"), "INSULT+PROFANITY flagged as profanity/personal-attack"),
                                (("INSULT",), "INSULT flagged as profanity/personal-attack"),
                                (("PROFANITY",), "PROFANITY flagged as profanity/personal-attack")):
            s = [it for it in sel if it["fine"] in labels]
            flags = [offensive(it) for it in s]
            report.add("germeval", measure, part, flags, (">=", 0.60), [ex(it) for it in s],
                       show_when=part == "dev" and len(labels) == 2, listed=[not f for f in flags])
        s = [it for it in sel if it["fine"] == "OTHER"]
        report.add("germeval", "OTHER flagged as profanity/personal-attack", part, [offensive(it) for it in s],
                   ("<=", 0.02), [ex(it) for it in s], show_when=part == "dev")
        report.add("germeval", "OTHER flagged by any tone category", part, [tone(it) for it in s], None,
                   [ex(it) for it in s], show_when=part == "dev")
        s = [it for it in sel if it["fine"] == "ABUSE"]
        report.add("germeval", "ABUSE flagged as profanity/personal-attack", part, [offensive(it) for it in s])
    return items


# --- 2. brand replies on Twitter ----------------------------------------------------------------------------

def set_twitter(cli, report):
    path = os.path.join(SHARED, "eval", "twitter-care", "agent-replies.dev.jsonl")
    if not os.path.isfile(path):
        report.note(f"twitter: {path} not found, skipped")
        return
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(l) for l in f if l.strip()]
    texts = OrderedDict((f"t{k:04d}", tweet_text(r.get("text", ""))) for k, r in enumerate(rows))
    company = {f"t{k:04d}": r.get("company") or "?" for k, r in enumerate(rows)}
    got = cli.check(OrderedDict((k, document(t, "en")) for k, t in texts.items()), report, "twitter")
    report.count("twitter", got, texts)
    names = list(texts)

    def ex(k):
        return example(k, company[k], got, texts)
    report.add("twitter", "flagged, any category but channel-redirect", "all",
               [any(f[0] != "channel-redirect" for f in got[k]) for k in names], ("<=", 0.01), [ex(k) for k in names])
    report.add("twitter", "flagged, any category (info)", "all", [bool(got[k]) for k in names])


# --- 3. CoCoA-MT German turns -------------------------------------------------------------------------------

def set_cocoa(cli, report):
    base = os.path.join(SHARED, "eval", "cocoa-train")
    texts, register = OrderedDict(), {}
    for reg in ("formal", "informal"):
        for path in sorted(glob.glob(os.path.join(base, f"*.{reg}.de"))):
            domain = os.path.basename(path).split(".")[0]
            with open(path, encoding="utf-8") as f:
                for k, line in enumerate(f):
                    if line.strip():
                        key = f"c-{domain}-{reg}-{k:04d}"
                        texts[key] = line.strip()
                        register[key] = reg
    if not texts:
        report.note(f"cocoa: no *.formal.de / *.informal.de in {base}, skipped")
        return
    got = cli.check(OrderedDict((k, document(t, "de")) for k, t in texts.items()), report, "cocoa")
    report.count("cocoa", got, texts)
    tone = set(TONE_CATEGORIES)

    def ex(k):
        return example(k, register[k], got, texts)
    for part in ("formal", "informal", "all"):
        keys = [k for k in texts if part == "all" or register[k] == part]
        report.add("cocoa", "turns flagged by a tone category", part,
                   [bool({f[0] for f in got[k]} & tone) for k in keys], ("<=", 0.015),
                   [ex(k) for k in keys], show_when=part == "all")
    keys = list(texts)
    report.add("cocoa", "turns flagged, address-form not counted", "all",
               [bool({f[0] for f in got[k]} & (tone - {"address-form"})) for k in keys])


# --- 4. manual pages ----------------------------------------------------------------------------------------

def corpus_source(count):
    pages = len(glob.glob("/usr/share/man/de/man1/*.1*"))
    return f"make-corpus.sh N={count}; German man1 pages on this machine: {pages}"


def stamped(corpus, count):
    stamp = os.path.join(corpus, "SOURCE")
    if not (glob.glob(os.path.join(corpus, "de", "*.md")) and os.path.isfile(stamp)):
        return False
    with open(stamp, encoding="utf-8") as f:
        return f.read().strip() == corpus_source(count)


def find_corpus(explicit, count, report):
    if explicit:
        if not glob.glob(os.path.join(explicit, "*", "*.md")):
            sys.exit(f"tone_real.py: no */*.md in {explicit}")
        return explicit
    name = f"manpages-{count}"
    for cand in (os.path.join(ROOT, "artifacts", "eval-corpus", name), os.path.join(MAIN_CORPUS, name)):
        if stamped(cand, count):
            return cand
    corpus = os.path.join(ROOT, "artifacts", "eval-corpus", name)
    script = os.path.join(SHARED, "tools", "make-corpus.sh")
    if not os.path.isfile(script):
        sys.exit(f"tone_real.py: {script} not found (needed to build the man-page corpus)")
    print(f"building the man-page corpus in {corpus} (once, about a minute) …", file=sys.stderr)
    shutil.rmtree(corpus, ignore_errors=True)
    p = subprocess.run(["bash", script, corpus, str(count)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        shutil.rmtree(corpus, ignore_errors=True)
        sys.exit(f"tone_real.py: make-corpus.sh failed: {p.stderr[:800]}")
    with open(os.path.join(corpus, "SOURCE"), "w", encoding="utf-8") as f:
        f.write(corpus_source(count) + "\n")
    return corpus


def set_manpages(cli, report, explicit, count):
    corpus = find_corpus(explicit, count, report)
    report.note(f"manpages: corpus {corpus}")
    docs, size, lang = OrderedDict(), {}, {}
    for path in sorted(glob.glob(os.path.join(corpus, "*", "*.md"))):
        lg = os.path.basename(os.path.dirname(path))
        key = f"m-{lg}-{os.path.splitext(os.path.basename(path))[0]}"
        with open(path, "rb") as f:
            raw = f.read()
        docs[key] = raw.decode("utf-8")
        size[key], lang[key] = len(raw), lg
    got = cli.check(docs, report, "manpages")
    bodies = {k: t.split("\n---\n", 1)[-1] for k, t in docs.items()}
    report.count("manpages", got, bodies)
    for part in sorted(set(lang.values())) + ["all"]:
        keys = [k for k in docs if part == "all" or lang[k] == part]
        nbytes, hits = sum(size[k] for k in keys), sum(len(got[k]) for k in keys)
        rate = hits / (nbytes / 20480) if nbytes else None
        report.rows.append({"set": "manpages", "measure": "findings per 20 KB", "part": part, "n": len(keys),
                            "hits": hits, "rate": rate, "target": "<= 0.50", "ok": rate is not None and rate <= 0.5,
                            "per20kb": True, "kb": nbytes / 1024})


# --- main ---------------------------------------------------------------------------------------------------

def headline(report):
    def rate(s, m, p):
        for r in report.rows:
            if r["set"] == s and r["measure"] == m and r["part"] == p and r["rate"] is not None:
                return f"{r['rate']:.2f}" if r.get("per20kb") else f"{r['rate']:.1%}"
        return "-"
    met = sum(1 for r in report.rows if r["ok"] is True)
    judged = sum(1 for r in report.rows if r["ok"] is not None)
    return (f"tone on real text: GermEval held-out insult/profanity recall "
            f"{rate('germeval', 'INSULT+PROFANITY flagged as profanity/personal-attack', 'held-out')}, "
            f"OTHER flagged {rate('germeval', 'OTHER flagged as profanity/personal-attack', 'held-out')}; "
            f"brand replies flagged {rate('twitter', 'flagged, any category but channel-redirect', 'all')}; "
            f"CoCoA turns flagged {rate('cocoa', 'turns flagged by a tone category', 'all')}; "
            f"man pages {rate('manpages', 'findings per 20 KB', 'all')} per 20 KB; targets met {met}/{judged}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", help="how to start tonelsp (default: the Release build)")
    ap.add_argument("--show", type=int, default=0, help="print up to N examples of every dev list and rule ID")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--only", default=",".join(SETS), help="data sets: " + ",".join(SETS))
    ap.add_argument("--corpus", help="man-page corpus directory with de/ and en/ (default: the cached manpages-N)")
    ap.add_argument("--count", type=int, default=3000, help="documents per language for make-corpus.sh")
    a = ap.parse_args()
    sets = {s.strip() for s in a.only.split(",") if s.strip()}
    if sets - set(SETS):
        ap.error(f"unknown data sets: {', '.join(sorted(sets - set(SETS)))}")
    cli = Cli(a.cli)
    report = Report()
    if "germeval" in sets:
        set_germeval(cli, report)
    if "twitter" in sets:
        set_twitter(cli, report)
    if "cocoa" in sets:
        set_cocoa(cli, report)
    if "manpages" in sets:
        set_manpages(cli, report, a.corpus, a.count)
    head = headline(report)
    sources = [CITE[s] for s in SETS if s in sets]

    if a.json:
        bd = {}
        for k, v in report.breakdown.items():
            bd[k] = {x: y for x, y in v.items() if x != "examples"}
            if a.show:
                bd[k]["examples"] = {r: e[: a.show] for r, e in v["examples"].items()}
        print(json.dumps({"rows": report.rows, "notes": report.notes, "sources": sources, "breakdown": bd,
                          "lists": {k: (v[: a.show] if a.show else v) for k, v in report.lists.items()},
                          "cli_calls": cli.calls, "headline": head}, ensure_ascii=False, indent=1))
        return
    w = max(len(r["measure"]) for r in report.rows) if report.rows else 10
    print(f"{'data set':9} {'measure':{w}} {'part':8} {'n':>5} {'hits':>5} {'rate':>7} {'target':>8}")
    for r in report.rows:
        rate = "" if r["rate"] is None else (f"{r['rate']:.2f}" if r.get("per20kb") else f"{r['rate']:.1%}")
        mark = "" if r["ok"] is None else ("✓" if r["ok"] else "✗")
        print(f"{r['set']:9} {r['measure']:{w}} {r['part']:8} {r['n']:5} {r['hits']:5} {rate:>7} {r['target']:>8} {mark}")
    for r in report.rows:
        if r.get("per20kb"):
            print(f"note: manpages {r['part']}: {r['kb']:.0f} KB of text in {r['n']} documents")
    for n in report.notes:
        print(f"note: {n}")
    print("sources: " + "; ".join(sources))
    for name, b in report.breakdown.items():
        if not b["findings_by_rule"]:
            print(f"\n{name}: no findings at warning or above")
            continue
        print(f"\n{name}: items flagged per category: "
              + ", ".join(f"{c} {n}" for c, n in b["items_by_category"].items()))
        print("  findings per rule ID (items): "
              + ", ".join(f"{r} {n} ({b['items_by_rule'][r]})" for r, n in b["findings_by_rule"].items()))
        if a.show:
            for r, exs in b["examples"].items():
                for e in exs[: a.show]:
                    print(f"    {r} {e['id']}: {e['message']} | {short(e['text'])}")
    if a.show:
        for key, ms in report.lists.items():
            if not ms:
                continue
            print(f"\n== {key}: {len(ms)} item(s), first {min(a.show, len(ms))}")
            for m in ms[: a.show]:
                print(f"  {m['id']} [{m['label']}] got {', '.join(m['got'])}: {short(m['text'])}")
    print(head)


if __name__ == "__main__":
    main()
