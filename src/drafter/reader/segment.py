"""Segmenting a statute: sections, subsections, paragraphs and sentences, with labels and offsets.

A statute is read by provision. Each line is a section title, a labelled
provision ("(b)", "(b)(7)", "A.", "1.", several on one line when a scrape runs
them together: "offense.(2) A motion", "; or(b) The prosecutor"), or the
continuation of the one before. Each provision is split into sentences, and each
sentence gets a role:

- `operative`: the law itself;
- `definition`: a sentence that defines a term ("X" means ...);
- `heading`: a section title or catchline, or a run-in heading ("(j) Hearing.");
- `history`: a legislative history note ("Laws 2013, ch. 200", "Amended by ...");
- `commentary`: editorial matter (commentary, annotations, case notes), from its
  opening line to the next section title;
- `reference`: a sentence that only points elsewhere ("[Deleted by 2022
  amendment.]", "See section 12.");
- `unused`: a definition of a term the operative text never uses (nor any
  definition it does use): a neighbouring statute's glossary says nothing of
  this one;
- `other`: a subsection that opens a remedy of its own (a petition any person
  may file) and never names trafficking, in a statute that has a remedy for
  trafficking victims: a general expungement law around the trafficking
  paragraph is another law, whose waits and standards are not this one's;
- `defense`: a subsection that spares the survivor liability (immunity, an
  affirmative defense) beside one that grants record relief: another remedy,
  whose nexus and offenses are not the relief's (it still names whom the
  statute is for).

(`unused`, `other` and `defense` are set after segmenting, by drafter.reader.scope.)
Only operative sentences and definitions are evidence; the patterns that tell
the roles apart are data (the signals file's `provisions:` block). Offsets are
into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import pairwise

from drafter.reader.layout import Layout, LayoutRules, Provision, Sentence
from drafter.reader.text import SentenceEnds

# A provision label at the start of a line: "(a)", "(b)(7)", "(A)", "(iv)", "A.", "12.".
_LABEL_START = re.compile(
    r"[ \t]*((?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3}[a-z]?)\))+|(?:[A-Za-z]|\d{1,3})\.(?=\s|$))"
)
_NOT_BREAK = re.compile(r"[^\r\n]")
# Where a bill prints its enacting clause: near its start. (A text that quotes an
# act's enacting clause further on is no bill, and has no front matter.)
_BILL_OPENING = 4000


def live_text(text: str, rules: LayoutRules) -> str:
    """The text as the law stands after the bill it may be: the matter an amending
    bill strikes (`struck`, read only in a text that shows it is a bill, `bill`)
    and deletion markup anywhere (`struck_anywhere`) blanked, line breaks kept,
    so every offset still points into the original text. The text itself when
    nothing is struck."""
    spans: list[tuple[int, int]] = []
    if rules.struck_anywhere is not None:
        spans += [m.span() for m in rules.struck_anywhere.finditer(text)]
    if (
        rules.struck is not None
        and rules.bill is not None
        and "[" in text
        and rules.bill.search(text, 0, _BILL_OPENING) is not None
    ):
        spans += [m.span() for m in rules.struck.finditer(text)]
    if not spans:
        return text
    out = []
    pos = 0
    for a, b in sorted(spans):
        if a < pos:
            a = pos
        if b <= a:
            continue
        out += [text[pos:a], _NOT_BREAK.sub(" ", text[a:b])]
        pos = b
    out.append(text[pos:])
    return "".join(out)


# A label run into the line after a sentence or clause ends ("offense.(2) A", "; or(b) The"),
# or after a dash that closes a run-in title ("... offense. —1. Notwithstanding").
_LABEL_RUN_IN = re.compile(
    # (a parenthesized label may follow at once: "offense.(2) A"; a number needs a space first)
    # (one character class first: the engine then skips quickly to where a label can be;
    # then a lookahead for a label's first character, after the spaces and "or"/"and"
    # any label may stand behind, turns away at once the thousands of periods that
    # end a sentence before a word, which the alternatives after it tried one by one)
    r"[.;:—–](?=\s*(?:(?:or|and)\s*)?[(\d])"
    r"(?:(?<=[.;:])\s*(?:(?:or|and)\s*)?(?=\()|(?<=[.;:])\s+(?:(?:or|and)\s+)?|(?<=[—–])\s*)"
    r"((?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3}[a-z]?)\))+|\d{1,3}\.(?=\s))"
    r"(?=\s*[\"“A-Z\[(])"
)
_ONE_LABEL = re.compile(r"\((\w+)\)|(\w+)\.")
# How a section title opens: a section sign, "Sec.", a code's "Art." (Louisiana's
# codes, Texas's Code of Criminal Procedure), or a section number ("29-3005.", "610.131.").
_SECTION_START = re.compile(
    r"(?:[A-Z][\w.]*\.? ){0,4}(?:§+\s*|sec(?:tion)?\.?\s+|art\.\s*|article\s+|rcw\s+)[\d\[]"
    r"|\d[\w.:\-]*\d\.",
    re.I,
)
_SECTION_SIGN = re.compile(r"(?:§|sec(?:tion)?\.?)\s*[\d\[]", re.I)
# "Sec. 11. (a)", "§ 4-1. Vacatur": a section number closed by its period (not
# "section 771.5(3) only", a reference wrapped onto a line of its own)
_SECTION_NUMBERED = re.compile(
    r"(?:§+|sec(?:tion)?\.?|art\.|article)\s*\d[\w.:\-]*\.(?:\s|$)", re.I
)
_SECTION_WORD = re.compile(r"\s*(?:§+|sec(?:tion)?s?\.?|art(?:icle)?\.?)\s*", re.I)
_DASH_TITLE = re.compile(r"\.\s*[—–]")
# A bill's instruction ("Section 76-5-311 is enacted to read:", "amended to read as
# follows:") and the section it enacts, on the next line ("76-5-311. Motion to vacate
# ..."): the section's own title opens there, blank line or not.
_TO_READ = re.compile(r"(?:to read|as follows):$")
_NUMBER_TITLE = re.compile(r"\d[\w.:\-]*\d\.[ \t]+[A-Z]")
# A divider that names what follows it ("--- related: § 9.94A.030 ---"): another
# section appended below, opened by its own title.
_DIVIDER = re.compile(r"[-=_*]{3,}[ \t]*\S.*?[-=_*]{3,}[ \t]*$")
# A section title line ("Wash. Rev. Code § 9.94A.030 — Definitions."): one opens a
# section of its own after a blank line, even when the line before ends without a period.
_CITATION = r"(?:[A-Z][\w.]*\.?[ \t]+){0,4}(?:§+\s*|[Aa]rt\.\s*|Article\s+)\d"
_TITLE_LINE = re.compile(_CITATION)
# A cited title line with its catchline after a dash ("Ky. Rev. Stat. § 529.160 —
# Expungement ... when person charged or convicted was a victim ..."): the
# catchline is the section's name, whatever verbs its clauses have.
# (Its words are taken as one line, wherever the copy wrapped them; a sentence
# after the catchline, "— Motion. A person may ...", is a body, not the name.)
_CITED_TITLE = re.compile(_CITATION + r"[\w.:\-]*[ \t]+(?:—|–|--)[ \t]+\S")
_SENTENCE_AFTER = re.compile(r"\.\s+[\"“(A-Z]")
_ROMAN = re.compile(r"[ivxl]+")
# A line ending on an article, preposition or conjunction runs on: not a whole heading.
_OPEN_ENDED = re.compile(
    r"\b(?:the|a|an|of|for|to|in|on|at|by|with|and|or|if|that|this|these|those|such|any|each|every"
    r"|its|their|under|from|than|into|upon|within|whether)$",
    re.I,
)


class _Labels:
    """The label path as provisions open: "(b)" then "(7)" is "(b)(7)"."""

    def __init__(self) -> None:
        self.section = ""
        self.path: tuple[tuple[str, str], ...] = ()  # (kind, label)

    def reset(self, section: str) -> None:
        self.section = section
        self.path = ()

    def push(self, raw: str) -> str:
        self.path, shown = _pushed(self.path, raw)
        return self.section + shown


@lru_cache(maxsize=4096)
def _pushed(path: tuple[tuple[str, str], ...], raw: str) -> tuple[tuple[tuple[str, str], ...], str]:
    """The label path after the label run `raw` opens a provision under `path`,
    and the path as it shows. (A statute opens thousands of provisions from a
    few hundred paths and runs: each pair is worked out once.)"""
    out = list(path)
    for label, dotted, shown in _parts(raw):
        kind = _kind(out, label, dotted)
        for i, (k, _) in enumerate(out):
            if k == kind:
                del out[i:]
                break
        out.append((kind, shown))
    return tuple(out), "".join([lab for _, lab in out])


def _kind(path: list[tuple[str, str]], label: str, dotted: bool) -> str:
    """The level a label stands for. Federal bills nest (a)(1)(A)(i)(I)(aa): a
    roman capital ("(I)") and a doubled letter ("(aa)") are levels of their own,
    below the letters and numbers they look like."""
    fixed, kind, after, roman = _shape(label, dotted)
    if fixed:
        return kind
    if after:
        # "(i)" after "(h)", "(I)" after "(H)": a letter; else a roman numeral
        found = any(k == kind and lab.strip("().") == after for k, lab in path)
    else:
        # "(ii)" after "(hh)": a doubled letter; else a roman numeral
        found = any(k == kind for k, _ in path)
    return kind if found else roman


@lru_cache(maxsize=4096)
def _parts(raw: str) -> tuple[tuple[str, bool, str], ...]:
    """The labels of a label run ("(b)(7)": "b", then "7"): each with whether it
    is dotted ("A.") and as it shows in a label path."""
    out = []
    for m in _ONE_LABEL.finditer(raw):
        label = m.group(1) or m.group(2)
        out.append((label, bool(m.group(2)), f"({label})" if m.group(1) else f"{label}."))
    return tuple(out)


@lru_cache(maxsize=4096)
def _shape(label: str, dotted: bool) -> tuple[bool, str, str, str]:
    """What the label alone says of its level (`_kind`): (whether that
    decides it, the kind, and, when the path must decide: the letter before it
    for a single letter, and the roman numeral's kind it is otherwise)."""
    style = "." if dotted else "()"
    if label.isdigit() or label[:-1].isdigit():
        return True, "digit" + style, "", ""
    upper = label.isupper()
    case = "upper" if upper else "lower"
    roman = _ROMAN.fullmatch(label.lower()) is not None
    numeral = ("uproman" if upper else "roman") + style
    if len(label) == 1:
        if not roman:
            return True, case + style, "", ""
        return False, case + style, chr(ord(label) - 1), numeral
    if len(set(label)) == 1:
        if not roman:
            return True, "double" + case + style, "", ""
        return False, "double" + case + style, "", numeral
    return True, numeral if roman else case + style, "", ""


def _blocks(text: str, rules: LayoutRules, stops: SentenceEnds) -> list[tuple[int, int]]:
    """Stretches of text that hang together.

    A label, a section sign or a history note at a line's start opens a new
    one, and so does a blank line after a sentence ends; any other line
    continues the one before (hard-wrapped text, or a paragraph broken
    mid-sentence by a copy from a PDF).
    """
    blocks: list[tuple[int, int]] = []
    pos = 0
    blank = True
    title = heading = label_only = False
    for line in text.split("\n"):
        end = pos + len(line)
        shown = line.lstrip()
        if not shown:
            blank = True
        else:
            stripped = shown.rstrip()
            lead = end - len(shown)
            label = _LABEL_START.match(text, pos, end)
            starts = (
                not blocks
                or (blank and _ends_sentence(text, blocks[-1][1], stops))
                or label is not None
                # a section sign opens a section after a sentence ends (not "§3"
                # wrapped onto its own line inside a history note)
                or (
                    _SECTION_SIGN.match(stripped) is not None
                    and _ends_sentence(text, blocks[-1][1], stops)
                )
                or (rules.history is not None and rules.history.match(stripped))
                or _DIVIDER.match(stripped) is not None
                or (blank and _TITLE_LINE.match(stripped) is not None)
                or (
                    _NUMBER_TITLE.match(stripped) is not None
                    and _TO_READ.search(text, max(0, blocks[-1][1] - 12), blocks[-1][1]) is not None
                )
                # "Sec. 11. (a) ..." after a blank line opens its section, even below a
                # catchline that ends without a period (a code's heading line)
                or (
                    blank
                    and _SECTION_NUMBERED.match(stripped) is not None
                    and rules.verbs.search(text, blocks[-1][0], blocks[-1][1]) is None
                )
                # a title line stands alone: the paragraph after it is the body
                or (blank and title)
                # a labelled heading on a line of its own ("(g) No fees"): the next
                # line opens the body ("A person may not be required ..."), unless
                # the heading runs on ("(b) If the attorney for the" / "Commonwealth")
                or (
                    heading
                    and stripped[0].isupper()
                    and _OPEN_ENDED.search(text, max(0, blocks[-1][1] - 12), blocks[-1][1]) is None
                )
                or (rules.commentary is not None and rules.commentary.match(stripped))
            )
            if starts:
                blocks.append((lead, lead + len(stripped)))
                title = blank and _TITLE_LINE.match(stripped) is not None
                rest = text[label.end() : end] if label is not None else "x"
                heading = label is not None and _heading_like(rest, rules)
                label_only = not rest or rest.isspace()  # "(b)" alone: a heading may follow
            else:
                # a heading wrapped onto the next line ("(b) Hearing on" / "opposition")
                # is still the heading: the capitalized line after it opens the body
                heading = (
                    heading
                    and len(stripped) <= 40
                    and stripped[-1] not in ".;:,—–-"
                    and rules.verbs.search(stripped) is None
                ) or (label_only and _heading_like(stripped, rules))
                title = label_only = False
                blocks[-1] = (blocks[-1][0], lead + len(stripped))
            blank = False
        pos = end + 1
    return blocks


def _heading_like(words: str, rules: LayoutRules) -> bool:
    """A few capitalized words with no verb and no closing mark: a heading
    ("No fees", "Motion in opposition"), not a list item ("murder;") or a
    sentence wrapped onto the next line."""
    n = len(words)
    if n > 62 and not words[1].isspace() and not words[-1].isspace():
        return False  # (longer than 60 however it is stripped: no copy made to tell)
    words = words.strip()
    return (
        0 < len(words) <= 60
        and words[0].isupper()
        and words[-1] not in ".;:,—–-"
        and len(words.split()) <= 8
        and rules.verbs.search(words) is None
        # "(a) Vacating the judgment; and": a list item that runs on, not a heading
        and _OPEN_ENDED.search(words) is None
    )


def _ends_sentence(text: str, end: int, stops: SentenceEnds) -> bool:
    """Whether the text just before `end` closes a sentence, a clause or a title."""
    i = end - 1
    while i > 0 and text[i] in "\"”')]":
        i -= 1
    c = text[i]
    if c == ".":
        return i not in stops.continuing
    return c in ":;!?—–"


def segment(text: str, rules: LayoutRules) -> Layout:
    """Split `text` into provisions and role-tagged sentences."""
    provisions: list[Provision] = []
    sentences: list[Sentence] = []
    labels = _Labels()
    stops = SentenceEnds(text)
    in_commentary = body_open = note_heading = False
    for lead, end in _blocks(text, rules, stops):
        block = text[lead:end]
        low = block
        label = _LABEL_START.match(text, lead, end)
        if label is None and rules.history is not None and rules.history.match(low):
            # A history note is one note, whatever its periods ("2021, Sp. Sess. I, c. 543").
            sentences.append(Sentence(lead, end, max(len(provisions) - 1, 0), "history"))
            continue
        if label is None and _DIVIDER.match(block) is not None:
            # "--- related: § X ---": a divider, not law; the next line may be a title.
            sentences.append(Sentence(lead, end, max(len(provisions) - 1, 0), "heading"))
            in_commentary = body_open = False
            continue
        if label is None and rules.commentary is not None and rules.commentary.match(low):
            in_commentary = True
            # "COMMENTARY ON" runs on to the section it is about ("§ 712-1290")
            note_heading = not _ends_sentence(text, end, stops)
        elif (
            in_commentary
            and _SECTION_START.match(block)
            and (note_heading or _section_number(block[:80]) == labels.section)
        ):
            pass  # "COMMENTARY ON / § 712-1290": the note's own heading, not a new section
        elif label is None and (
            _SECTION_START.match(block) or (not in_commentary and not body_open)
        ):
            # A title runs to the first run-in label (". (a) In this section") or dash.
            run_in = _LABEL_RUN_IN.search(text, lead, end)
            if run_in is not None and _SECTION_WORD.fullmatch(text[lead : run_in.start(1)]):
                # "SEC. 2. TITLE. (a)", or "Sec. 11. (a)" (from the number's own period)
                run_in = _LABEL_RUN_IN.search(text, run_in.end(1) - 1, end)
            title_end = run_in.start(1) if run_in else end
            dash = _DASH_TITLE.search(text, lead, title_end)
            if dash is not None:  # "610.131. Expungement ... offense. — 1. A person ..."
                title_end = dash.start() + 1
            head = text[lead:title_end].rstrip(" \t\r\n—–")
            if head and _is_title(head, rules):
                in_commentary = body_open = False
                number = _section_number(head)
                labels.reset(number)
                provisions.append(Provision(lead, lead + len(head), number, " ".join(head.split())))
                sentences.append(Sentence(lead, lead + len(head), len(provisions) - 1, "heading"))
                body = dash.end() if dash is not None else (run_in.start(1) if run_in else end)
                while body < end and text[body].isspace():
                    body += 1
                if body >= end:
                    continue
                lead = body
                label = _LABEL_START.match(text, lead, end)
        if in_commentary and note_heading and _ends_sentence(text, end, stops):
            note_heading = False
        _in_line(text, lead, end, labels, rules, in_commentary, provisions, sentences, stops, label)
        # Once a section's body opens, a line without a verb is not a title
        # unless it starts like one ("§ 12.", "Sec. 4.", "29-3005.").
        body_open = True
    _subheadings(text, provisions, sentences, rules)
    _front_matter(text, sentences)
    return Layout(text, tuple(provisions), tuple(sentences), frozenset(stops.continuing))


# A bill's enacting clause ("Be it enacted by the Legislature of the State of
# Texas:"), on a line of its own or opening one.
# (wherever a copy wrapped it: through its colon or period)
_ENACTING = re.compile(r"^[ \t]*be\s+it\s+(?:further\s+)?enacted\b[^:.]{0,300}[:.]?", re.I | re.M)


def _front_matter(text: str, sentences: list[Sentence]) -> None:
    """A bill's front matter, up to and through its enacting clause (its number,
    sponsors, "A BILL FOR An Act relating to ... victims of human trafficking"), is
    not law: the long title names what the act is about, the sections after the
    clause say what it does."""
    clause = _ENACTING.search(text, 0, _BILL_OPENING)
    if clause is None:
        return
    end = clause.end()
    for i, s in enumerate(sentences):
        if s.start >= end:
            break
        if s.role == "operative":
            sentences[i] = s._replace(role="heading")


# How a lead-in or a list item before the next item ends: "following:", "murder;", "; or".
_LEAD_IN_END = re.compile(r"(?:[:;]|\b(?:or|and))[\s\"”')]*$")


def _subheadings(
    text: str, provisions: list[Provision], sentences: list[Sentence], rules: LayoutRules
) -> None:
    """A labelled provision that is only verbless words over provisions of its own
    ("(j) Application for pardon and petition to expunge; motion to vacate
    adjudication or conviction." over "(j)(2) A person convicted ... may file") is
    the subsection's heading, semicolons and period and all: its words name the
    remedies, they grant none. (A lead-in that ends in a colon, "(b) The
    following violent felonies:", is law; so is an item of a list, which follows
    a lead-in or has no provisions below it.)"""
    # (the cheap test first, a provision below it: a statute has thousands of
    # provisions and few headings; their sentences are found by bisection)
    below_it = [
        k
        for k, (upper, lower) in enumerate(pairwise(provisions))
        if _holds(upper.label, lower.label)
    ]
    if not below_it:
        return
    owner = [s.provision for s in sentences]
    verbs = rules.verbs
    for k in below_it:
        first, stop = bisect_left(owner, k), bisect_right(owner, k)
        # (a verb, the usual answer, is asked first, of the text in place)
        if first == stop or verbs.search(text, sentences[first].start, sentences[stop - 1].end):
            continue
        if any(sentences[j].role != "operative" for j in range(first, stop)):
            continue
        if first > 0:
            before = sentences[first - 1]
            if _LEAD_IN_END.search(text, before.start, before.end) is not None:
                continue  # an item of a list a lead-in opens ("any of the following:")
        words = " ".join(text[sentences[first].start : sentences[stop - 1].end].split())
        if words[:1].isupper() and not words.endswith(":") and len(words.split()) <= 30:
            for j in range(first, stop):
                sentences[j] = sentences[j]._replace(role="heading")
            if not provisions[k].heading:
                provisions[k] = provisions[k]._replace(heading=words)


def _holds(label: str, below: str) -> bool:
    """Whether the provision labelled `below` is one of `label`'s own: "(j)" then
    "(j)(2)", "1." then "1.(a)" (not "(4)(i)" then "(4)(ii)", its sibling)."""
    return (
        len(below) > len(label)
        and below.startswith(label)
        and (below[len(label)] == "(" or label.endswith("."))
        and bool(label.strip())
    )


def _is_title(line: str, rules: LayoutRules) -> bool:
    """A line that is a heading: short, not a lead-in, and without an operative verb."""
    head = _DASH_TITLE.split(line, maxsplit=1)[0]
    if len(head) > 300 or head.endswith(":"):
        return False
    flat = " ".join(head.split())
    cited = _CITED_TITLE.match(flat)
    if cited is not None and _SENTENCE_AFTER.search(flat, cited.end()) is None:
        return True
    return rules.verbs.search(head) is None


def _section_number(title: str) -> str:
    m = re.search(r"\d[\w.:\-]*\d[a-z]?|\d+", title)
    return m.group().rstrip(".") + " " if m else ""


def _in_line(
    text: str,
    start: int,
    end: int,
    labels: _Labels,
    rules: LayoutRules,
    in_commentary: bool,
    provisions: list[Provision],
    sentences: list[Sentence],
    stops: SentenceEnds,
    first: re.Match[str] | None,
) -> None:
    """The provisions of the block [start, end), whose label at `start` (if any) is `first`."""
    cuts: list[tuple[int, int, str]] = []  # (label start, body start, label)
    if first is not None:
        cuts.append((first.start(1), first.end(), first.group(1)))
    # (from a dotted label's own period: "14. (a) As used" opens (a) under 14.)
    after = first.end() - (text[first.end() - 1] == ".") if first else start
    for m in _LABEL_RUN_IN.finditer(text, after, end):
        cuts.append((m.start(1), m.end(), m.group(1)))
    if not cuts or cuts[0][0] > start:
        # Text before any label continues the provision before it (hard-wrapped
        # lines, an unlabelled paragraph inside a subsection), or opens the first.
        stop = cuts[0][0] if cuts else end
        if not provisions:
            provisions.append(Provision(start, stop, labels.section))
        else:
            last = provisions[-1]
            provisions[-1] = Provision(last.start, max(stop, last.end), last.label, last.heading)
        _sentences(
            text, start, stop, len(provisions) - 1, rules, in_commentary, False, sentences, stops
        )
    for i, (lab_start, body, raw) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else end
        path = labels.push(raw)
        provisions.append(Provision(lab_start, stop, path))
        heading = _sentences(
            text, body, stop, len(provisions) - 1, rules, in_commentary, True, sentences, stops
        )
        if heading:
            provisions[-1] = Provision(lab_start, stop, path, heading)


def _sentences(
    text: str,
    start: int,
    stop: int,
    provision: int,
    rules: LayoutRules,
    in_commentary: bool,
    labelled: bool,
    out: list[Sentence],
    stops: SentenceEnds,
) -> str:
    """Split [start, stop) into role-tagged sentences; return a run-in heading, if any."""
    ends = stops.within(start, stop)
    if not ends or ends[-1] < stop:
        ends.append(stop)
    heading = ""
    pos = start
    first = labelled  # (only a labelled provision's first sentence can be its heading)
    roles = rules.roles
    for end in ends:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos >= end:
            continue
        if in_commentary:
            role = "commentary"
        elif roles is not None:
            m = roles.match(text, pos, end)
            role = (m.lastgroup or "operative") if m is not None else "operative"
        else:
            role = _role(text, pos, end, rules)
        if (
            first
            and role == "operative"
            and (
                (
                    end < stop
                    and text.count(" ", pos, end) < 8
                    and text[end:stop].strip()
                    and rules.verbs.search(text, pos, end) is None
                )
                # (_heading_like, asked only where its first checks can pass: the
                # sentence starts at a capital and does not close on a mark)
                or (
                    text[pos].isupper()
                    and text[end - 1] not in ".;:,—–-"
                    and _heading_like(text[pos:end], rules)
                )
            )
        ):
            role = "heading"  # "(j) Hearing. No hearing is required ...", "(g) No fees"
            heading = text[pos:end]
        out.append(Sentence(pos, end, provision, role))
        first = False
        pos = end
    return heading


def _role(text: str, pos: int, end: int, rules: LayoutRules) -> str:
    """A sentence's role, role by role (when the roles pattern could not be made one)."""
    for role, pattern in (
        ("history", rules.history),
        ("reference", rules.reference),
        ("definition", rules.definition),
    ):
        if pattern is not None and pattern.match(text, pos, end):
            return role
    return "operative"
