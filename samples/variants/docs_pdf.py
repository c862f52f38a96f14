"""PDF documents of the three kinds people receive: an annual report (Ankestyrelsen), council
or committee minutes, and a notat / reply to an FOI request. Each is assembled from blocks
around its statistics tables, with the distractors real documents carry.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4

from samples.variants import prose
from samples.variants.fonts import FACES
from samples.variants.model import BodyRow, Grid, HeadCell, Truth, ValueCell
from samples.variants.pdf_doc import (
    Block,
    Box,
    Furniture,
    Gap,
    Heading,
    PageBreak,
    Para,
    PdfDoc,
    TableBlock,
    TocLine,
)
from samples.variants.pdf_flow import PageSpec
from samples.variants.pdf_table import Look, Measured, draw_look, measure

DUMMY = Truth("", None, None, None, None, None, "", "", None, "", "none")


@dataclass
class Fitted:
    """A statistics table ready to place: its grid, look and measurements."""

    grid: Grid
    look: Look
    measured: Measured


def page_spec(rng: random.Random, landscape: bool) -> PageSpec:
    """A4 in either orientation with drawn margins."""
    w, h = (A4[1], A4[0]) if landscape else A4
    side = rng.choice([40.0, 50.0, 57.0, 70.0])
    return PageSpec(w, h, side, side, rng.choice([50.0, 60.0, 72.0]), rng.choice([50.0, 60.0]))


def fit(grid: Grid, look: Look, avail: float) -> tuple[Look, Measured] | None:
    """Measure ``grid``; shrink the type and narrow the columns until it fits, or None."""
    tries = [look]
    for step in (0.5, 1.0, 1.5, 2.0):
        tries.append(
            replace(
                look, size=max(6.0, look.size - step), head_size=max(6.0, look.head_size - step)
            )
        )
    tries.append(replace(tries[-1], col_width="narrow", breaks="hyphen", stub_lines=3, hpad=2.0))
    for t in tries:
        m = measure(grid, t, avail)
        if m is not None:
            return t, m
    return None


def plain_grid(head: list[str], rows: list[list[str]]) -> Grid:
    """A table that is not statistics (budget, meeting plan): drawn, never in the truth."""
    cells = [HeadCell(0, c, 1, 1, text, stub=c == 0) for c, text in enumerate(head)]
    body = [
        BodyRow("data", [r[0]], [ValueCell(t, DUMMY) for t in r[1:]], bold=r[0] == "I alt")
        for r in rows
    ]
    return Grid("distractor", 1, len(head) - 1, 1, cells, body)


def _distractor(rng: random.Random, kind: str, year: int, avail: float) -> list[Block]:
    title, head, rows = (prose.budget if kind == "budget" else prose.meeting_plan)(rng, year)
    grid = plain_grid(head, rows)
    got = fit(grid, draw_look(rng), avail)
    if got is None:
        return []
    look, m = got
    return [TableBlock(grid, look, m, None, caption=title)]


def _caption_prefix(rng: random.Random, kind: str, chapter: int, n: int) -> str:
    if kind == "aarsredegoerelse":
        return rng.choice(
            (f"Tabel {chapter}.{n} ", f"TABEL {chapter}.{n} ", f"Tabel {chapter}.{n}: ")
        )
    return rng.choice((f"Tabel {n}: ", f"Tabel {n}. ", "Tabel: ", "", f"Tabel {n} "))


def _table_blocks(
    rng: random.Random, kind: str, fitted: list[Fitted], chapter: int, code: int
) -> list[Block]:
    blocks: list[Block] = []
    pool = prose.REPORT_PARAS if kind == "aarsredegoerelse" else prose.MINUTES_PARAS
    for n, f in enumerate(fitted):
        for text in prose.paragraphs(rng, pool, rng.randint(0, 2), code):
            blocks.append(Para(text))
        low = rng.random() < 0.12
        if low:
            blocks.append(Gap(to_low=True))
        f.grid.axes["pdf.start_low"] = str(low).lower()
        caption = None
        prefix = _caption_prefix(rng, kind, chapter, n + 1)
        if f.grid.caption:
            caption = prefix + f.grid.caption
        notes = list(f.grid.notes)
        if kind == "aarsredegoerelse":
            notes += [
                f"Note: {rng.choice(prose.REPORT_NOTES).removeprefix('Note: ')}",
                rng.choice(prose.SOURCES),
            ][: rng.randint(0, 2)]
        elif rng.random() < 0.4:
            notes.append(rng.choice(prose.SOURCES))
        cont = None
        if caption and rng.random() < 0.4:
            cont = f"{prefix.strip().rstrip(':.')} (fortsat)".strip()
        blocks.append(
            TableBlock(
                f.grid,
                f.look,
                f.measured,
                n,
                caption=caption,
                title=f.grid.title,
                notes=notes,
                caption_below=rng.random() < 0.12,
                continued=cont,
                min_first=rng.randint(1, 3),
            )
        )
    return blocks


def report(rng: random.Random, spec: PageSpec, fitted: list[Fitted], year: int) -> PdfDoc:
    """Ankestyrelsen's annual report: cover, contents, a chapter with the tables."""
    face = FACES[rng.choice(["vera", "arial", "times"])]
    chapter = rng.randint(2, 5)
    avail = spec.width - spec.left - spec.right
    blocks: list[Block] = []
    if rng.random() < 0.5:
        blocks += [
            Heading("Ankestyrelsen", 2),
            Gap(150.0),
            Heading(f"Årsredegørelse {year}", 1),
            Para("Ankestyrelsens redegørelse til Det Rådgivende Praksisudvalg"),
            PageBreak(),
        ]
    if rng.random() < 0.35:
        chapters = [f"Kapitel {i + 1}: {c}" for i, c in enumerate(prose.CHAPTERS)]
        blocks.append(Heading("Indhold", 2))
        for title, page in prose.toc(rng, chapters):
            blocks.append(TocLine(title, page))
        blocks.append(PageBreak())
    blocks.append(Heading(f"Kapitel {chapter}: {rng.choice(prose.CHAPTERS)}", 1))
    blocks.append(Heading(rng.choice(prose.SECTIONS_REPORT), 2))
    for text in prose.paragraphs(rng, prose.REPORT_PARAS, rng.randint(1, 3), 183):
        blocks.append(Para(text))
    if rng.random() < 0.3:
        blocks.append(Box(rng.choice(prose.REPORT_BOXES)))
    blocks += _table_blocks(rng, "aarsredegoerelse", fitted, chapter, 183)
    if rng.random() < 0.15:
        blocks += _distractor(rng, "budget", year, avail)
    running = rng.choice([f"Ankestyrelsen | Årsredegørelse {year}", None, f"Årsredegørelse {year}"])
    footer = rng.choice(["Side {page}", "{page}", "Side {page} af {pages}", "- {page} -"])
    furniture = Furniture(header=running, footer_right=footer, first_page=rng.random() < 0.5)
    return PdfDoc(
        spec,
        face,
        rng.choice([9.5, 10.0, 10.5]),
        f"Årsredegørelse {year}",
        "Ankestyrelsen",
        "Redegørelse til Det Rådgivende Praksisudvalg",
        blocks,
        furniture,
    )


def minutes(
    rng: random.Random,
    spec: PageSpec,
    fitted: list[Fitted],
    code: int,
    kommune: str,
    year: int,
    heading: dict[str, str],
) -> PdfDoc:
    """Council or committee minutes with one agenda item about the appeals statistics."""
    face = FACES[rng.choice(["vera", "arial", "times"])]
    committee = rng.choice(prose.COMMITTEES)
    date = prose.date_text(rng, year + rng.choice([0, 1, 1]))
    avail = spec.width - spec.left - spec.right
    blocks: list[Block] = []
    lines = prose.letterhead(rng, kommune, committee, date)
    blocks.append(Heading(lines[0], 2))
    blocks += [Para(line, small=True) for line in lines[1:]]
    year_text = heading.get("period", heading.get("year", ""))
    item = " ".join(rng.choice(prose.AGENDA).format(kommune=kommune, year=year_text).split())
    if kommune not in item:
        item += f" - {kommune}"
    number = rng.randint(3, 240)
    blocks.append(Heading(rng.choice((f"Punkt {number} {item}", f"{number}. {item}")), 2))
    sections = list(prose.SECTIONS)
    blocks.append(Heading(sections[0], 3))
    blocks += [Para(t) for t in prose.paragraphs(rng, prose.MINUTES_PARAS, 1, code)]
    blocks.append(Heading(sections[1], 3))
    in_bilag = len(fitted) > 1 and rng.random() < 0.4
    main = fitted[:1] if in_bilag else fitted
    blocks += _table_blocks(rng, "referat", main, 0, code)
    if rng.random() < 0.25:
        blocks.append(Heading("Økonomi", 3))
        blocks += _distractor(rng, "budget", year + 1, avail)
    blocks += [
        Heading("Indstilling", 3),
        Para(prose.localise("• at orienteringen om ankestatistikken tages til efterretning", code)),
    ]
    blocks += [Heading("Beslutning", 3), Para(rng.choice(("Tiltrådt.", "Taget til efterretning.")))]
    if rng.random() < 0.15:
        blocks += _distractor(rng, "plan", year + 1, avail)
    if in_bilag:
        blocks += [PageBreak(), Heading(f"Bilag: Ankestatistik {kommune}", 2)]
        blocks += [
            TableBlock(
                b.grid,
                b.look,
                b.measured,
                b.index + 1,
                b.caption,
                b.title,
                b.notes,
                b.caption_below,
                b.continued,
                b.min_first,
            )
            for b in _table_blocks(rng, "referat", fitted[1:], 0, code)
            if isinstance(b, TableBlock) and b.index is not None
        ]
    url = f"https://{prose.web_name(code)}.dk/politik/dagsordener-og-referater"
    footer = rng.choice(["Side {page} af {pages}", "{page}", "Side {page}"])
    furniture = Furniture(
        header=rng.choice([f"{committee} - {date}", None]),
        footer_left=rng.choice([url, None]),
        footer_right=footer,
    )
    return PdfDoc(
        spec,
        face,
        rng.choice([9.5, 10.0, 10.5, 11.0]),
        f"Referat {committee} {date}",
        kommune,
        item,
        blocks,
        furniture,
    )


def notat(
    rng: random.Random,
    spec: PageSpec,
    fitted: list[Fitted],
    code: int,
    kommune: str,
    year: int,
    heading: dict[str, str],
) -> PdfDoc:
    """A notat or an FOI reply: letterhead, date and journal number, prose, tables."""
    face = FACES[rng.choice(["vera", "arial", "times"])]
    date = prose.date_text(rng, year + 1)
    blocks: list[Block] = [Heading(kommune, 2)]
    blocks += [
        Para(x, small=True)
        for x in (
            f"Dato: {date}",
            f"J.nr. {rng.randint(10, 25)}-{rng.randint(1000, 29999)}",
            prose.phone(rng),
        )
    ]
    title = rng.choice(
        (
            # (a reply's own title says what it is about: "aktindsigt {period}" alone may
            # name the month of the request, not the period its numbers count)
            "Svar på anmodning om aktindsigt i ankestatistik",
            "Notat: Ankestatistik",
            "Notat om Ankestyrelsens afgørelser",
        )
    )
    blocks.append(Heading(f"{title} {heading.get('period', heading.get('year', ''))}".strip(), 1))
    blocks += [Para(t) for t in prose.paragraphs(rng, prose.MINUTES_PARAS, rng.randint(1, 2), code)]
    blocks += _table_blocks(rng, "notat", fitted, 0, code)
    blocks.append(Para("Med venlig hilsen"))
    furniture = Furniture(footer_right=rng.choice(["Side {page} af {pages}", "{page}"]))
    return PdfDoc(
        spec, face, rng.choice([9.5, 10.0, 10.5]), title, kommune, title, blocks, furniture
    )
