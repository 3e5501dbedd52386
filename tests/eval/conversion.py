#!/usr/bin/env python3
"""One evaluation of the du/Sie converter: dev sets, CoCoA-MT, round trips on real prose, invented forms.

Usage (from the project root, after `dotnet build server/ToneLsp -c Release`):
  python3 tests/eval/conversion.py [--cli CMD] [--show N [--show-test]] [--json] [--only SECTIONS]
                                   [--corpus DIR] [--count N] [--verify-each-line]

CMD starts the CLI (default: the Release build's `tonelsp`, else `dotnet …/tonelsp.dll`). Nothing from
../shared is copied into the project: every data set is read from there at run time. The CLI is called once
per batch (`convert --to X --each-line FILE`, `check --format json DIR`, `lexicon --json WORD…`), never once
per sentence. The script reports and never gates: it exits 0 whatever the figures, and non-zero only when the
CLI cannot be found or fails.

Sections (--only takes a comma-separated subset of: dev, cases, cocoa, prose, tweets, invented):

1. dev: ../shared/eval/convert-dev.jsonl and convert-dev-2.jsonl, exact match with one of the accepted
   outputs, the case of du/dich/dir/dein… not judged (the rule of ../shared/eval/score.py convert). Each file
   is converted with one `--each-line` call per target form; `--verify-each-line` also converts every item as
   its own file, as score.py does, and reports whether the two ways agree. The dev files have no test part.
1b. cases: the project's own template conversions (tests/eval/conversion-cases, written before the converter
   was rebuilt; dev and a frozen test part), exact as in 1, with the final-e rule of 2 for outputs in du.
2. cocoa: CoCoA-MT (Amazon, CDLA-Sharing-1.0), ../shared/eval/cocoa-train/*.formal.de with their
   *.informal.de twins, line-aligned. A pair is in the frozen test part when the first byte of the SHA-1 of
   its formal line (UTF-8, stripped) is below 77 (about 30%), else in dev. Measures:
   - formal -> du exact, du-form case ignored (as cocoa.py), and a word that differs from the reference only
     by a final "e" (hol/hole, schau/schaue) counts as equal unless it is an article/possessive (dein/deine);
   - informal -> Sie exact (no final-e leniency: Ihr/Ihre must be right);
   - the pairs whose informal reference addresses several people (a [F]…[/F] mark of the annotated twin
     containing ihr/euch/euer/eure…; without the annotated files: euch/euer/eure… in the line) scored
     formal -> du separately, also with plural output when `convert --help` offers it;
   - detection (as cocoa.py): on pairs whose two lines differ, formal detected "sie", informal "du";
   - round trip formal -> du -> Sie gives the formal line back (exact).
3. prose: German sentences from Debian manual pages (../shared/tools/make-corpus.sh OUT N, cached in
   artifacts/eval-corpus/, git-ignored) that address the reader formally (selection rule in
   select_sentences()); test part by the same SHA-1 rule on the sentence. Measures: Sie -> du -> Sie exact;
   the du version keeps no address Sie form (Sie/Ihnen/Ihr… capitalised, not the first word of the sentence
   nor the first after a colon, opening quote, parenthesis or sentence end, nor inside »…«/„…“ quotes, which the
   converter leaves: address_forms()); the du version differs from
   the input (reported apart for the sentences whose only Sie/Ihr… is initial: there it is often she/they/it,
   and an unchanged du version is then right). The reverse direction runs on the informal side of CoCoA:
   du -> Sie -> du gives the informal line back (du-form case ignored, final-e rule as in 2).
3b. tweets: real informal German nobody here wrote, GermEval 2018 (CC BY 4.0, ../shared/eval/germeval2018; its
   "|LBR|" line-break marker read as a dash). Tweets that address one reader with du (and no ihr/Sie), several with
   euch/euer (and no du/Sie), or the reader with Sie (address_forms() after the opening handles, a bare "Ihr" not
   counted, and no du/ihr): du -> Sie -> du,
   ihr -> Sie -> ihr (with the plural option) and Sie -> du -> Sie give the tweet back (du-form case ignored), and
   the Sie version keeps no du/dich/dir/dein…/euch/euer… form. Test part by the SHA-1 rule on the tweet.
4. invented: every conversion output of sections 1-3b is compared with its input word by word (difflib on
   word tokens); each word the converter changed or inserted must be in KNOWN_WORDS below or known to the
   lexicon (`tonelsp lexicon --json WORD…`; fallback: word forms in node_modules/german-*-dict/dist/*.json;
   else the section reports "lexicon not available").

Output: a table (section, measure, part, n, ok, rate), then the headline line; with --show N up to N misses
of every measure (input -> got -> expected) of the dev parts, with --show-test of the frozen test parts too;
with --json one JSON object instead (all dev misses, or N of each with --show).
"""
import argparse, difflib, glob, hashlib, json, os, re, shlex, shutil, subprocess, sys, tempfile
from collections import Counter, OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
COCOA_CITE = ("CoCoA-MT (Amazon; Nadejde et al. 2022, 'CoCoA-MT: A Dataset and Benchmark for Contrastive "
              "Controlled MT with Application to Formality'), licensed CDLA-Sharing-1.0, read from "
              "../shared/eval/cocoa-train")
TEST_BYTE = 77  # first SHA-1 byte < 77 -> frozen test part (77/256 = 30.1%)

# --- normalisation ------------------------------------------------------------------------------------------

DEV_DU = re.compile(r"\b(Du|Dich|Dir|Dein\w*)\b")  # score.py convert
COCOA_DU = re.compile(r"\b(Du|Dich|Dir|Dein\w*|Euch|Euer|Eure\w*)\b")  # cocoa.py
SIE_FORMS = {"Sie", "Ihnen", "Ihr", "Ihre", "Ihrem", "Ihren", "Ihrer", "Ihres"}
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Inflecting determiners and possessives: "dein"/"deine" are different words, not two imperative spellings.
NO_E_LENIENCY = {"dein", "mein", "sein", "ein", "kein", "unser", "euer", "ihr", "dies", "jed", "welch",
                 "solch", "manch", "all"}


def dev_norm(s):
    return DEV_DU.sub(lambda m: m.group(0).lower(), s.strip())


def cocoa_norm(s):
    return COCOA_DU.sub(lambda m: m.group(0).lower(), s.strip())


def e_equal(got, want):
    """Equal, or equal up to words that differ only by a final e (imperative hol/hole)."""
    if got == want:
        return True
    a, b = re.split(r"(\w+)", got), re.split(r"(\w+)", want)
    if len(a) != len(b):
        return False
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        if i % 2 == 0:  # separators must match
            return False
        short, long_ = (x, y) if len(x) < len(y) else (y, x)
        if long_ != short + "e" or short.lower() in NO_E_LENIENCY:
            return False
    return True


def split_of(text):
    return "test" if hashlib.sha1(text.strip().encode("utf-8")).digest()[0] < TEST_BYTE else "dev"


OPENERS = (":", "»", "„", "\"", "(", ".", "!", "?")


def address_forms(s):
    """The capitalised Sie/Ihnen/Ihr… of a sentence that stand where only formal address can be meant: not the
    first word, and not the first word after a colon, an opening quote or parenthesis, or a full stop without a
    space ("Datei.Sie enthält"), where "Sie", "Ihr" can be she/they/her, as at the start of a sentence. Words
    inside »…« or „…“ quotes are not counted: the converter leaves quotations as they are, by design."""
    found = []
    for k, m in enumerate(WORD.finditer(s)):
        if m.group(0) not in SIE_FORMS or k == 0:
            continue
        before = s[: m.start()]
        if before.rstrip().endswith(OPENERS):
            continue
        if before.count("»") > before.count("«") or before.count("„") > before.count("“"):
            continue
        found.append(m.group(0))
    return found


# --- the CLI ------------------------------------------------------------------------------------------------

class Cli:
    def __init__(self, spec):
        if spec:
            self.cmd = shlex.split(spec)
        else:
            exe = os.path.join(ROOT, "server/ToneLsp/bin/Release/net10.0/tonelsp")
            dll = exe + ".dll"
            if os.path.isfile(exe) and os.access(exe, os.X_OK):
                self.cmd = [exe]
            elif os.path.isfile(dll) and shutil.which("dotnet"):
                self.cmd = ["dotnet", dll]
            else:
                sys.exit(f"conversion.py: the CLI was not found at {exe}(.dll); build it with "
                         "`dotnet build server/ToneLsp -c Release` or pass --cli CMD")
        self.calls = 0

    def run(self, args, ok=(0,)):
        self.calls += 1
        try:
            p = subprocess.run(self.cmd + args, capture_output=True, text=True, encoding="utf-8")
        except FileNotFoundError:
            sys.exit(f"conversion.py: cannot start the CLI {' '.join(self.cmd)!r}")
        if p.returncode not in ok:
            shown = " ".join(args[:4]) + (" …" if len(args) > 4 else "")
            sys.exit(f"conversion.py: `{' '.join(self.cmd)} {shown}` failed with exit {p.returncode}:\n"
                     f"{p.stderr.strip()[:1500]}")
        return p

    def help(self, command):
        p = subprocess.run(self.cmd + [command, "--help"], capture_output=True, text=True, encoding="utf-8")
        return p.stdout + p.stderr

    def convert(self, lines, target, extra=()):
        """Converts every line as a document of its own: one CLI call."""
        if not lines:
            return []
        for line in lines:
            if "\n" in line or "\r" in line:
                raise ValueError("a line to convert contains a line break")
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
            path = f.name
        try:
            p = self.run(["convert", "--to", target, *extra, "--each-line", path])
        finally:
            os.unlink(path)
        out = p.stdout.split("\n")
        if len(out) < len(lines) or any(x.strip() for x in out[len(lines):]):
            sys.exit(f"conversion.py: convert --each-line printed {len(out)} lines for {len(lines)} input lines")
        return out[: len(lines)]

    def convert_files(self, texts, target):
        """score.py's way: one file and one call per text."""
        got = []
        with tempfile.TemporaryDirectory() as d:
            for i, text in enumerate(texts):
                path = os.path.join(d, f"{i:05d}.md")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text + "\n")
                got.append(self.run(["convert", "--to", target, path]).stdout.strip())
        return got

    def detect(self, lines):
        with tempfile.TemporaryDirectory() as d:
            for i, line in enumerate(lines):
                with open(os.path.join(d, f"{i:05d}.md"), "w", encoding="utf-8") as f:
                    f.write("---\nlanguage: de\n---\n" + line + "\n")
            p = self.run(["check", "--format", "json", "--rule", "TONE001=off", d], ok=(0, 1))
            try:
                report = json.loads(p.stdout)
            except json.JSONDecodeError:
                sys.exit(f"conversion.py: check did not print JSON: {p.stdout[:300]} {p.stderr[:300]}")
        forms = {}
        for f in report["files"]:
            forms[int(os.path.splitext(os.path.basename(f["path"]))[0])] = f["addressForm"]
        return [forms.get(i, "none") for i in range(len(lines))]


# --- results ------------------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.rows = []
        self.misses = OrderedDict()
        self.notes = []
        self.conversions = []  # (section, label, input, output) for the invented-forms check
        self.human = set()  # words of the human-written texts (inputs and references), for the fallback lexicon

    def add(self, section, measure, part, oks, items=None, note=""):
        """oks: list of booleans; items: parallel list of (input, got, expected) for misses."""
        n, ok = len(oks), sum(oks)
        self.rows.append({"section": section, "measure": measure, "part": part, "n": n, "ok": ok,
                          "rate": ok / n if n else None, "note": note})
        if items is not None:
            key = f"{section} / {measure} / {part}"
            self.misses[key] = [{"in": i, "got": g, "want": w} for (i, g, w), o in zip(items, oks) if not o]

    def note(self, text):
        self.notes.append(text)

    def written(self, texts):
        for t in texts:
            self.human.update(w.lower() for w in WORD.findall(t))

    def converted(self, section, label, inputs, outputs):
        for i, o in zip(inputs, outputs):
            self.conversions.append((section, label, i, o))


def by_part(parts, values):
    out = OrderedDict((p, []) for p in ("dev", "test"))
    for p, v in zip(parts, values):
        out[p].append(v)
    return out


def add_split(report, section, measure, parts, oks, items, note=""):
    """One row per part (dev, test) that has items."""
    oks_by, items_by = by_part(parts, oks), by_part(parts, items)
    for p in ("dev", "test"):
        if oks_by[p]:
            report.add(section, measure, p, oks_by[p], items_by[p], note)


# --- 1. dev sets --------------------------------------------------------------------------------------------

def section_dev(cli, report, verify):
    for name in ("convert-dev.jsonl", "convert-dev-2.jsonl"):
        path = os.path.join(SHARED, "eval", name)
        if not os.path.isfile(path):
            report.note(f"{name}: not found in ../shared/eval, skipped")
            continue
        with open(path, encoding="utf-8") as f:
            items = [json.loads(l) for l in f if l.strip()]
        report.written([it["in"] for it in items] + [o for it in items for o in it["out"]])
        got = [None] * len(items)
        for target in sorted({it["to"] for it in items}):
            idx = [i for i, it in enumerate(items) if it["to"] == target]
            single = [i for i in idx if "\n" not in items[i]["in"]]
            multi = [i for i in idx if "\n" in items[i]["in"]]
            for i, g in zip(single, cli.convert([items[i]["in"] for i in single], target)):
                got[i] = g.strip()
            for i, g in zip(multi, cli.convert_files([items[i]["in"] for i in multi], target)):
                got[i] = g
            report.converted("dev", f"{name} to {target}", [items[i]["in"] for i in idx], [got[i] for i in idx])
        oks = [any(dev_norm(got[i]) == dev_norm(o) for o in it["out"]) for i, it in enumerate(items)]
        report.add("convert-dev", f"exact, {name}", "dev", oks, [(it["in"], got[i], it["out"][0]) for i, it in enumerate(items)])
        if verify:
            per_file = [None] * len(items)
            for target in sorted({it["to"] for it in items}):
                idx = [i for i, it in enumerate(items) if it["to"] == target]
                for i, g in zip(idx, cli.convert_files([items[i]["in"] for i in idx], target)):
                    per_file[i] = g
            same = [dev_norm(a) == dev_norm(b) for a, b in zip(got, per_file)]
            report.add("convert-dev", f"--each-line = per file, {name}", "dev", same,
                       [(it["in"], got[i], per_file[i]) for i, it in enumerate(items)])


# --- 1b. the project's own template corpus (tests/eval/conversion-cases: dev, frozen test) -------------------

def section_cases(cli, report):
    base = os.path.join(ROOT, "tests", "eval", "conversion-cases")
    for part in ("dev", "test"):
        path = os.path.join(base, f"{part}.jsonl")
        if not os.path.isfile(path):
            report.note(f"conversion-cases/{part}.jsonl not found, skipped")
            continue
        with open(path, encoding="utf-8") as f:
            items = [json.loads(l) for l in f if l.strip()]
        got = [None] * len(items)
        for target in sorted({it["to"] for it in items}):
            idx = [i for i, it in enumerate(items) if it["to"] == target]
            for i, g in zip(idx, cli.convert([items[i]["in"] for i in idx], target)):
                got[i] = g.strip()
            report.converted("cases", f"conversion-cases {part} to {target}", [items[i]["in"] for i in idx], [got[i] for i in idx])
        for target in ("du", "sie"):
            idx = [i for i, it in enumerate(items) if it["to"] == target]
            oks = [any(e_equal(dev_norm(got[i]), dev_norm(o)) if target == "du" else dev_norm(got[i]) == dev_norm(o)
                       for o in items[i]["out"]) for i in idx]
            report.add("cases", f"exact, to {target}", part, oks, [(items[i]["in"], got[i], items[i]["out"][0]) for i in idx])


# --- 2. CoCoA-MT --------------------------------------------------------------------------------------------

PLURAL_MARK = re.compile(r"\[F\]([^\[]*)\[/F\]")
PLURAL_WORD = re.compile(r"\b(ihr|euch|euer|eure\w*|Euch|Euer|Eure\w*)\b")
PLURAL_PLAIN = re.compile(r"\b(euch|euer|eure[mnrs]?|Euch|Euer|Eure[mnrs]?)\b")


def load_cocoa(data):
    pairs = []  # (formal, informal, plural)
    for path in sorted(glob.glob(os.path.join(data, "*.formal.de"))):
        twin = path.replace(".formal.de", ".informal.de")
        annotated = path.replace(".formal.de", ".informal.annotated.de")
        with open(path, encoding="utf-8") as f1, open(twin, encoding="utf-8") as f2:
            formal, informal = f1.read().splitlines(), f2.read().splitlines()
        marks = None
        if os.path.isfile(annotated):
            with open(annotated, encoding="utf-8") as f3:
                marks = f3.read().splitlines()
            if len(marks) != len(informal):
                marks = None
        for k, (x, y) in enumerate(zip(formal, informal)):
            if marks is not None:
                plural = any(PLURAL_WORD.search(m) for m in PLURAL_MARK.findall(marks[k]))
            else:
                plural = bool(PLURAL_PLAIN.search(y))
            pairs.append((x, y, plural))
    return pairs


def plural_option(cli):
    text = cli.help("convert")
    if re.search(r"--audience\b", text) and "plural" in text:
        return ["--audience", "plural"]
    if re.search(r"--plural\b", text):
        return ["--plural"]
    return None


def section_cocoa(cli, report, data):
    pairs = load_cocoa(data)
    if not pairs:
        report.note(f"CoCoA-MT: no *.formal.de files in {data}, skipped")
        return None
    report.note("CoCoA figures: " + COCOA_CITE)
    formal = [p[0] for p in pairs]
    informal = [p[1] for p in pairs]
    report.written(formal + informal)
    parts = [split_of(x) for x in formal]
    to_du = cli.convert(formal, "du")
    to_sie = cli.convert(informal, "sie")
    back = cli.convert(to_du, "sie")
    report.converted("cocoa", "formal to du", formal, to_du)
    report.converted("cocoa", "informal to Sie", informal, to_sie)
    report.converted("cocoa", "du to Sie (round trip)", to_du, back)

    du_ok = [e_equal(cocoa_norm(g), cocoa_norm(w)) for g, w in zip(to_du, informal)]
    du_strict = [cocoa_norm(g) == cocoa_norm(w) for g, w in zip(to_du, informal)]
    lenient = sum(a and not b for a, b in zip(du_ok, du_strict))
    add_split(report, "cocoa", "formal -> du exact", parts, du_ok, list(zip(formal, to_du, informal)))
    if lenient:
        report.note(f"CoCoA formal -> du: {lenient} pair(s) counted equal only through the final-e rule")
    sie_ok = [cocoa_norm(g) == cocoa_norm(w) for g, w in zip(to_sie, formal)]
    add_split(report, "cocoa", "informal -> Sie exact", parts, sie_ok, list(zip(informal, to_sie, formal)))

    plural = [i for i, p in enumerate(pairs) if p[2]]
    pp = [parts[i] for i in plural]
    add_split(report, "cocoa", "plural refs, formal -> du (singular output)", pp, [du_ok[i] for i in plural],
              [(formal[i], to_du[i], informal[i]) for i in plural])
    option = plural_option(cli)
    if option is None:
        report.note("plural output: `tonelsp convert --help` has no --audience plural (or --plural) option yet; "
                    f"the {len(plural)} plural-reference pair(s) were scored with singular output only")
    elif plural:
        pl = cli.convert([formal[i] for i in plural], "du", option)
        report.converted("cocoa", "formal to du (plural)", [formal[i] for i in plural], pl)
        add_split(report, "cocoa", f"plural refs, formal -> du ({' '.join(option)})", pp,
                  [e_equal(cocoa_norm(g), cocoa_norm(informal[i])) for g, i in zip(pl, plural)],
                  [(formal[i], g, informal[i]) for g, i in zip(pl, plural)])

    differ = [i for i in range(len(pairs)) if formal[i].strip() != informal[i].strip()]
    forms = cli.detect([formal[i] for i in differ] + [informal[i] for i in differ])
    ff, fi = forms[: len(differ)], forms[len(differ):]
    det_parts = [parts[i] for i in differ] * 2
    det_ok = [f == "sie" for f in ff] + [f == "du" for f in fi]
    det_items = [(formal[i], f, "sie") for i, f in zip(differ, ff)] + [(informal[i], f, "du") for i, f in zip(differ, fi)]
    add_split(report, "cocoa", "detection (differing pairs, both lines)", det_parts, det_ok, det_items)

    trip_ok = [g.strip() == w.strip() for g, w in zip(back, formal)]
    add_split(report, "cocoa", "round trip formal -> du -> Sie", parts, trip_ok, list(zip(formal, back, formal)))
    return pairs, parts


# --- 3. real prose ------------------------------------------------------------------------------------------

ABBREV = {"z", "b", "d", "h", "u", "a", "o", "ä", "s", "bzw", "ggf", "ggfs", "usw", "vgl", "etc", "nr", "ca",
          "evtl", "inkl", "bspw", "sog", "max", "min", "bzgl", "zb", "dh", "hrsg", "mind", "vs", "bd", "abs",
          "dt", "engl", "allg", "insb", "i", "e", "v", "zzgl", "abschn", "kap", "std", "sek", "resp", "dgl"}
BOUNDARY = re.compile(r"[.!?]+[»«“”\"')]*\s+(?=[A-ZÄÖÜ„»\"(])")
DU_FORMS = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer|eure[mnrs]?)\b|(?<!^)\b(Du|Dich|Dir|Dein\w*)\b")
# A man-page section title run into its first sentence ("FEHLER MELDEN Schicken Sie …"): two or more words in
# capitals, or one of five letters or more, before a capitalised word in lower case.
HEADING = re.compile(r"^(?:(?:[A-ZÄÖÜ]{2,}[ -]+){2,}|[A-ZÄÖÜ]{5,} +)(?=[A-ZÄÖÜ][a-zäöüß])")
MARKUP = re.compile(r"[`*_<>{}|\\]|\]\(|https?:|www\.")


def paragraphs(path):
    """Body paragraphs of a corpus document: no front matter, headings or code."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0].strip() == "---":
        end = next((k for k in range(1, len(lines)) if lines[k].strip() == "---"), 0)
        lines = lines[end + 1:]
    paras, cur, fence = [], [], False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence or line.startswith(("    ", "\t")) or line.lstrip().startswith("#"):
            if cur:
                paras.append(" ".join(cur)); cur = []
            continue
        if not line.strip():
            if cur:
                paras.append(" ".join(cur)); cur = []
            continue
        cur.append(line.strip())
    if cur:
        paras.append(" ".join(cur))
    return paras


def sentences(paragraph):
    text = re.sub(r"(\w)\u2010 (?=[a-zäöüß])", r"\1", paragraph)  # man's hyphenation at line ends: "Da‐ tei"
    text = re.sub(r"\s+", " ", text.replace("\u2010", "-")).strip()
    out, start = [], 0
    for m in BOUNDARY.finditer(text):
        before = re.search(r"(\w+)[.!?]*$", text[start:m.start() + 1])
        word = before.group(1) if before else ""
        if text[m.start()] == "." and (word.lower() in ABBREV or word.isdigit() or len(word) == 1):
            continue
        out.append(text[start:m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [HEADING.sub("", s) for s in out if s]


def select_sentences(corpus):
    """The selection rule for the man-page sentences, deterministic:
    1. every *.md under CORPUS/de in name order; body paragraphs only (no front matter, '#' headings,
       fenced or indented code); the manual's line-end hyphenation "Da‐ tei" is joined;
    2. split into sentences after . ! ? (plus closing quotes) followed by a space and a capital, opening
       quote or parenthesis, except after a single letter, a number or an abbreviation in ABBREV;
    3. keep a sentence when it is 25-400 characters long, starts with a capital letter (or an opening quote
       and a capital), ends with . ! ? (optionally a closing quote/parenthesis), contains one of the
       capitalised words Sie, Ihnen, Ihr, Ihre, Ihrem, Ihren, Ihrer, Ihres, contains no du-form
       (du/dich/dir/dein…/euch/euer/eure…, or Du/Dich/Dir/Dein… after the first word) and no Markdown or
       placeholder syntax (` * _ < > { } | \\ ]( http www.), which the converter rightly leaves alone;
    4. deduplicate (first occurrence wins);
    5. tag it "address" when one of those words stands where only formal address can be meant (see
       address_forms(): not first in the sentence nor right after a colon, opening quote or parenthesis),
       "initial" otherwise (Sie/Ihr may be she/they/her there).
    A man-page section title run into the sentence (HEADING) is cut off first.
    Returns a list of (sentence, tag) and the counts of what was dropped."""
    files = sorted(glob.glob(os.path.join(corpus, "de", "*.md")))
    seen, out = set(), []
    dropped = Counter()
    for path in files:
        for para in paragraphs(path):
            for s in sentences(para):
                words = WORD.findall(s)
                if not any(w in SIE_FORMS for w in words):
                    continue
                if not (25 <= len(s) <= 400):
                    dropped["length"] += 1; continue
                if not re.match(r"^[„»\"(]?[A-ZÄÖÜ]", s) or not re.search(r"[.!?][»«“”\"')]*$", s):
                    dropped["not a whole sentence"] += 1; continue
                if DU_FORMS.search(s):
                    dropped["has a du-form"] += 1; continue
                if MARKUP.search(s):
                    dropped["markup"] += 1; continue
                if s in seen:
                    dropped["duplicate"] += 1; continue
                seen.add(s)
                tag = "address" if address_forms(s) else "initial"
                out.append((s, tag))
    return out, dropped, len(files)


def corpus_source(count):
    pages = len(glob.glob("/usr/share/man/de/man1/*.1*"))
    return f"make-corpus.sh N={count}; German man1 pages on this machine: {pages}"


def ensure_corpus(corpus, count, explicit, report):
    """Builds the corpus with make-corpus.sh, or reuses the cached one built from the same pages."""
    stamp = os.path.join(corpus, "SOURCE")
    have = glob.glob(os.path.join(corpus, "de", "*.md"))
    want = corpus_source(count)
    if have and os.path.isfile(stamp):
        with open(stamp, encoding="utf-8") as f:
            if f.read().strip() == want:
                return
    elif have and explicit:
        report.note(f"man pages: using the corpus in {corpus} as given (no SOURCE stamp)")
        return
    if subprocess.run(["dpkg", "-s", "manpages-de"], capture_output=True).returncode != 0:
        report.note("man pages: the Debian package manpages-de is not installed (make-corpus.sh installs it only "
                    "when /usr/share/man/de/man1 is missing): fewer German pages; `apt-get install manpages-de`")
    script = os.path.join(SHARED, "tools", "make-corpus.sh")
    if not os.path.isfile(script):
        sys.exit(f"conversion.py: {script} not found (needed to build the man-page corpus)")
    print(f"building the man-page corpus in {corpus} (once, about a minute) …", file=sys.stderr)
    shutil.rmtree(corpus, ignore_errors=True)
    p = subprocess.run(["bash", script, corpus, str(count)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        shutil.rmtree(corpus, ignore_errors=True)
        sys.exit(f"conversion.py: make-corpus.sh failed: {p.stderr[:800]}")
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(want + "\n")


def section_prose(cli, report, corpus, count, explicit, cocoa):
    ensure_corpus(corpus, count, explicit, report)
    selected, dropped, nfiles = select_sentences(corpus)
    sents = [s for s, _ in selected]
    tags = [t for _, t in selected]
    report.written(sents)
    parts = [split_of(s) for s in sents]
    c = Counter(zip(parts, tags))
    report.note(f"man-page sentences: {len(sents)} from {nfiles} German documents in {corpus} "
                f"(dev {c['dev', 'address']} address + {c['dev', 'initial']} initial-only, "
                f"test {c['test', 'address']} address + {c['test', 'initial']} initial-only); "
                "dropped: " + ", ".join(f"{k} {v}" for k, v in sorted(dropped.items())))
    if len(sents) < 300:
        report.note(f"man-page sentences: only {len(sents)} (fewer than 300): raise --count or check the corpus")
    du = cli.convert(sents, "du")
    back = cli.convert(du, "sie")
    report.converted("prose", "man pages to du", sents, du)
    report.converted("prose", "du to Sie (round trip)", du, back)
    trip = [b.strip() == s.strip() for s, b in zip(sents, back)]
    add_split(report, "man pages", "round trip Sie -> du -> Sie", parts, trip, list(zip(sents, back, sents)))
    kept = [address_forms(d) for d in du]
    add_split(report, "man pages", "du version keeps no Sie form", parts, [not k for k in kept],
              [(s, d, "no " + "/".join(sorted(set(k)))) for s, d, k in zip(sents, du, kept)])
    addr = [i for i, t in enumerate(tags) if t == "address"]
    add_split(report, "man pages", "du version changed (address sentences)", [parts[i] for i in addr],
              [du[i].strip() != sents[i].strip() for i in addr], [(sents[i], du[i], "(a du version)") for i in addr])
    init = [i for i, t in enumerate(tags) if t == "initial"]
    add_split(report, "man pages", "du version changed (initial-only, info)", [parts[i] for i in init],
              [du[i].strip() != sents[i].strip() for i in init], [(sents[i], du[i], "(changed, if address)") for i in init])

    if cocoa:
        pairs, cparts = cocoa
        informal = [p[1] for p in pairs]
        report.written(informal)
        sie = cli.convert(informal, "sie")
        again = cli.convert(sie, "du")
        report.converted("prose", "Sie to du (CoCoA informal round trip)", sie, again)
        ok = [e_equal(cocoa_norm(a), cocoa_norm(i)) for a, i in zip(again, informal)]
        lenient = sum(o and cocoa_norm(a) != cocoa_norm(i) for o, a, i in zip(ok, again, informal))
        if lenient:
            report.note(f"CoCoA du -> Sie -> du: {lenient} line(s) counted equal only through the final-e rule")
        add_split(report, "cocoa informal", "round trip du -> Sie -> du", cparts, ok, list(zip(informal, again, informal)))


# --- 3b. tweets ---------------------------------------------------------------------------------------------

GERMEVAL_CITE = ("GermEval 2018 Shared Task on the Identification of Offensive Language (Wiegand, Siegel, Ruppenhofer "
                 "2018), training data, licensed CC BY 4.0, read from ../shared/eval/germeval2018")
DU_SINGULAR = re.compile(r"\b(du|dich|dir|dein|deine|deinem|deinen|deiner|deines)\b", re.IGNORECASE)
HANDLES = re.compile(r"^(@\w+\s*)+")
DU_PLURAL = re.compile(r"\b(euch|euer|eure|eurem|euren|eurer|eures)\b", re.IGNORECASE)


def load_tweets(path):
    """The tweets, with the corpus's line-break marker read as a dash (one item per line for --each-line)."""
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8") as f:
        texts = [line.split("\t")[0] for line in f.read().splitlines() if line.strip()]
    return [re.sub(r"\s*\|LBR\|\s*", " – ", t).strip() for t in texts]


def section_tweets(cli, report, path):
    tweets = load_tweets(path)
    if not tweets:
        report.note(f"tweets: {path} not found, skipped")
        return
    report.note("tweet figures: " + GERMEVAL_CITE + "; du/ihr round trips compare with du-form case ignored")
    report.written(tweets)
    singular = [t for t in tweets if DU_SINGULAR.search(t) and not DU_PLURAL.search(t) and not address_forms(t)]
    plural = [t for t in tweets if DU_PLURAL.search(t) and not DU_SINGULAR.search(t) and not address_forms(t)]
    # A post opens with handles, so address_forms() reads the text after them; a bare "Ihr" is left out, since in
    # tweets it is as often the informal plural ("Ihr seid …", "…, Ihr Idioten") as the possessive.
    formal = [t for t in tweets if set(address_forms(HANDLES.sub("", t))) - {"Ihr"} and not DU_SINGULAR.search(t) and not DU_PLURAL.search(t)]
    report.note(f"tweets: {len(tweets)} in all; {len(singular)} with du, {len(plural)} with euch/euer, {len(formal)} with an address Sie form")
    plural_args = plural_option(cli) or []
    for label, texts, there, back_args in (("du -> Sie -> du", singular, "sie", []),
                                           ("ihr -> Sie -> ihr (plural audience)", plural, "sie", plural_args),
                                           ("Sie -> du -> Sie", formal, "du", [])):
        if not texts:
            continue
        parts = [split_of(t) for t in texts]
        converted = cli.convert(texts, there)
        back = cli.convert(converted, "du" if there == "sie" else "sie", back_args)
        report.converted("tweets", label, texts, converted)
        report.converted("tweets", label + " (back)", converted, back)
        ok = [cocoa_norm(b) == cocoa_norm(t) for t, b in zip(texts, back)]
        add_split(report, "tweets", "round trip " + label, parts, ok, list(zip(texts, back, texts)))
        if there == "sie":
            kept = [DU_SINGULAR.findall(c) + DU_PLURAL.findall(c) for c in converted]
            add_split(report, "tweets", "Sie version keeps no du/ihr form (" + label.split()[0] + ")", parts,
                      [not k for k in kept], [(t, c, "no " + "/".join(sorted(set(k)))) for t, c, k in zip(texts, converted, kept)])


# --- 4. invented forms --------------------------------------------------------------------------------------

# Words the converter may write without the lexicon knowing them: the pronouns and possessives of both forms of
# address (singular and plural du, Sie, reflexive sich) and the words of the greetings and closings it swaps
# (README "du and Sie": "Sehr geehrte Frau Weber" <-> "Hallo Frau Weber", "Mit freundlichen Grüßen" ->
# "Viele Grüße", "Hey"/"LG" -> "Hallo"/"Viele Grüße"), plus the usual letter formulas of German business mail
# (Liebe/Lieber …, Beste/Herzliche/Freundliche Grüße, Guten Tag, Damen und Herren).
KNOWN_WORDS = {w.lower() for w in """
du dich dir dein deine deinem deinen deiner deines deinerseits deinetwegen deinetwillen deins
sie ihnen ihr ihre ihrem ihren ihrer ihres ihrerseits ihretwegen ihretwillen ihrs sich
euch euer eure eurem euren eurer eures eurerseits euretwegen euretwillen euers
hallo hi hey liebe lieber liebes lieben sehr geehrte geehrter geehrtes geehrten
grüße gruß grüßen viele vielen beste besten freundliche freundlichen herzliche herzlichen herzlich
mit und guten tag damen herren frau herr herrn lg vg mfg
""".split()}


def dict_paths():
    return sorted(glob.glob(os.path.join(ROOT, "node_modules", "german-*-dict", "dist", "*.json")))


def load_dict_forms():
    """Word forms of the german-*-dict packages, when installed (the fallback lexicon). Their data predates the
    1996 spelling reform and lists the imperative with -e only, so this adds: every form with ß also with ss
    (mußt -> musst), the singular imperative without its final e (erzähle -> erzähl, habe -> hab), and for
    separable verbs the joined form of verb-final clauses (["gibst", "an"] -> angibst)."""
    forms = set()

    def add(w):
        w = w.lower()
        forms.add(w)
        if "ß" in w:
            forms.add(w.replace("ß", "ss"))

    def walk(x, prefix=None):
        if isinstance(x, str):
            for w in x.split():
                add(w)
        elif isinstance(x, dict):
            for k, v in x.items():
                if k not in ("G", "hasPrefix"):  # G: a noun's gender letter
                    walk(v, prefix)
        elif isinstance(x, list):
            if len(x) == 2 and all(isinstance(v, str) for v in x) and prefix and x[1] == prefix:
                add(x[1] + x[0])
            for v in x:
                walk(v, prefix)
    for path in dict_paths():
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        entries = data.items() if isinstance(data, dict) else enumerate(data)
        for key, entry in entries:
            if isinstance(key, str):
                add(key)
            prefix = None
            if isinstance(entry, dict) and entry.get("hasPrefix"):
                pra = entry.get("PRÄ", {}).get("S", {}).get("1")
                prefix = pra[1] if isinstance(pra, list) and len(pra) == 2 else None
            walk(entry, prefix)
            imp = entry.get("IMP") if isinstance(entry, dict) else None
            if isinstance(imp, dict) and isinstance(imp.get("S"), str) and imp["S"].endswith("e"):
                add(imp["S"][:-1])
    return forms


def lexicon_check(cli, words, attested=frozenset()):
    """Returns (known: dict word -> bool, source) or (None, reason)."""
    if not words:
        return {}, "nothing to check"
    probe = subprocess.run(cli.cmd + ["lexicon", "--json", "und"], capture_output=True, text=True, encoding="utf-8")
    if probe.returncode == 0 and probe.stdout.strip().startswith("{"):
        known = {}
        ws = sorted(words)
        for k in range(0, len(ws), 500):
            p = cli.run(["lexicon", "--json", *ws[k:k + 500]])
            for line in p.stdout.splitlines():
                if line.strip():
                    o = json.loads(line)
                    known[o["word"]] = bool(o.get("known"))
        return known, "tonelsp lexicon"
    forms = load_dict_forms()
    paths = dict_paths()
    if forms:
        return {w: w.lower() in forms or w.lower() in attested for w in words}, "the fallback: node_modules " + ", ".join(
            os.path.relpath(p, ROOT) for p in paths) + " (see load_dict_forms), and the words of the human-written " \
            "inputs and references of sections 1-3 (these packages list no prepositions, conjunctions or adverbs)"
    return None, "lexicon not available (`tonelsp lexicon` is missing and no node_modules/german-*-dict)"


def changed_words(src, out):
    a, b = WORD.findall(src), WORD.findall(out)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    new = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("replace", "insert"):
            new.extend(b[j1:j2])
    return new


def section_invented(cli, report):
    per_section = OrderedDict()
    examples = {}
    for section, label, src, out in report.conversions:
        words = [w for w in changed_words(src, out) if w.lower() not in KNOWN_WORDS]
        per_section.setdefault(section, []).append(words)
        for w in words:
            examples.setdefault(w, (label, src, out))
    if not report.conversions:
        report.note("invented forms: no conversions to check (run it together with dev, cocoa or prose)")
        return None
    every = {w for lists in per_section.values() for ws in lists for w in ws}
    queries = every | {w.lower() for w in every if w[:1].isupper()}
    known, source = lexicon_check(cli, queries, report.human)
    if known is None:
        report.note(f"invented forms: {source}")
        n = sum(len(ws) for lists in per_section.values() for ws in lists)
        report.rows.append({"section": "invented", "measure": "changed words outside the fixed list",
                            "part": "all", "n": n, "ok": None, "rate": None, "note": "lexicon not available"})
        freq = Counter(w for lists in per_section.values() for ws in lists for w in ws)
        report.misses["invented / unjudged changed words (no lexicon) / all"] = [
            {"in": examples[w][1], "got": examples[w][2], "want": f"{w!r} x{c} ({examples[w][0]}): not judged"}
            for w, c in freq.most_common()]
        return None
    report.note(f"invented forms: words checked with {source}")

    def ok(w):
        return known.get(w, False) or known.get(w.lower(), False)
    total = Counter()
    for section, lists in per_section.items():
        flags = []
        items = []
        for (sec, label, src, out), ws in zip([c for c in report.conversions if c[0] == section], lists):
            for w in ws:
                flags.append(ok(w))
                items.append((src, out, f"{w!r} is not a known word ({label})"))
                if not ok(w):
                    total[w] += 1
        report.add("invented", f"changed words known, {section}", "all", flags, items)
    report.misses["invented / distinct invented forms / all"] = [
        {"in": examples[w][1], "got": examples[w][2], "want": f"{w!r} x{c} ({examples[w][0]})"}
        for w, c in total.most_common()]
    return sum(total.values()), len(total)


# --- main ---------------------------------------------------------------------------------------------------

def headline(report, invented, sections):
    def rate(section, measure, part):
        for r in report.rows:
            if r["section"] == section and r["measure"] == measure and r["part"] == part and r["n"]:
                return f"{r['rate']:.1%}"
        return "-"
    bits = []
    if "dev" in sections:
        dev = [r for r in report.rows if r["section"] == "convert-dev" and r["measure"].startswith("exact")]
        bits.append(f"convert-dev {sum(r['ok'] for r in dev)}/{sum(r['n'] for r in dev)}")
    if "cases" in sections:
        bits.append(f"templates test du {rate('cases', 'exact, to du', 'test')} Sie {rate('cases', 'exact, to sie', 'test')}")
    if "cocoa" in sections:
        bits.append(f"CoCoA test du {rate('cocoa', 'formal -> du exact', 'test')} "
                    f"Sie {rate('cocoa', 'informal -> Sie exact', 'test')} "
                    f"trip {rate('cocoa', 'round trip formal -> du -> Sie', 'test')}")
    if "prose" in sections:
        bits.append(f"man pages test trip {rate('man pages', 'round trip Sie -> du -> Sie', 'test')} "
                    f"no-Sie-kept {rate('man pages', 'du version keeps no Sie form', 'test')}")
    if "tweets" in sections:
        bits.append(f"tweets test du trip {rate('tweets', 'round trip du -> Sie -> du', 'test')} "
                    f"Sie trip {rate('tweets', 'round trip Sie -> du -> Sie', 'test')}")
    if "invented" in sections:
        bits.append(f"invented forms {invented[0]} ({invented[1]} distinct)" if invented else "invented forms n/a")
    return "conversion: " + "; ".join(bits)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", help="how to start the CLI (default: the Release build)")
    ap.add_argument("--show", type=int, default=0, help="print up to N misses of every measure")
    ap.add_argument("--show-test", action="store_true",
                    help="with --show/--json, also list the misses of the frozen test parts (kept out by default, "
                         "so that the converter is not tuned on them)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ap.add_argument("--only", default="dev,cases,cocoa,prose,tweets,invented", help="sections: dev,cases,cocoa,prose,tweets,invented")
    ap.add_argument("--tweets", default=os.path.join(SHARED, "eval", "germeval2018", "germeval2018.training.txt"))
    ap.add_argument("--cocoa", default=os.path.join(SHARED, "eval", "cocoa-train"))
    ap.add_argument("--corpus", help="man-page corpus directory (default: artifacts/eval-corpus/manpages-N, built when missing)")
    ap.add_argument("--count", type=int, default=3000, help="documents per language for make-corpus.sh")
    ap.add_argument("--verify-each-line", action="store_true",
                    help="also convert every dev item as its own file (score.py's way) and compare")
    a = ap.parse_args()
    sections = {s.strip() for s in a.only.split(",") if s.strip()}
    unknown = sections - {"dev", "cases", "cocoa", "prose", "tweets", "invented"}
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    cli = Cli(a.cli)
    cli.run(["convert", "--help"])  # fails clearly when the CLI cannot start
    report = Report()
    if "dev" in sections:
        section_dev(cli, report, a.verify_each_line)
    if "cases" in sections:
        section_cases(cli, report)
    cocoa = None
    if "cocoa" in sections or "prose" in sections:
        if "cocoa" in sections:
            cocoa = section_cocoa(cli, report, a.cocoa)
        else:
            pairs = load_cocoa(a.cocoa)
            cocoa = (pairs, [split_of(p[0]) for p in pairs]) if pairs else None
    if "prose" in sections:
        section_prose(cli, report, a.corpus or os.path.join(ROOT, "artifacts", "eval-corpus", f"manpages-{a.count}"), a.count, a.corpus is not None, cocoa)
    if "tweets" in sections:
        section_tweets(cli, report, a.tweets)
    invented = section_invented(cli, report) if "invented" in sections else None
    head = headline(report, invented, sections)

    if not a.show_test:
        report.misses = OrderedDict((k, v) for k, v in report.misses.items() if not k.endswith(" / test"))
    if a.json:
        misses = {k: (v[: a.show] if a.show else v) for k, v in report.misses.items()}
        print(json.dumps({"rows": report.rows, "notes": report.notes, "headline": head, "cli_calls": cli.calls,
                          "misses": misses}, ensure_ascii=False, indent=1))
        return
    w = max(len(r["measure"]) for r in report.rows) if report.rows else 10
    print(f"{'section':15} {'measure':{w}} {'part':4} {'n':>5} {'ok':>5} {'rate':>7}")
    for r in report.rows:
        ok = "" if r["ok"] is None else r["ok"]
        rate = r["note"] if r["rate"] is None and r["note"] else ("" if r["rate"] is None else f"{r['rate']:.1%}")
        print(f"{r['section']:15} {r['measure']:{w}} {r['part']:4} {r['n']:5} {ok!s:>5} {rate:>7}")
    for n in report.notes:
        print(f"note: {n}")
    if a.show:
        for key, ms in report.misses.items():
            if not ms:
                continue
            print(f"\n== {key}: {len(ms)} miss(es), first {min(a.show, len(ms))}")
            for m in ms[: a.show]:
                print(f"  in:   {m['in']}\n  got:  {m['got']}\n  want: {m['want']}")
    print(head)


if __name__ == "__main__":
    main()
