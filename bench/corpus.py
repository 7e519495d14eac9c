"""A synthetic corpus made by varying the seeds: dates, names, lengths and editorial marks.

    python bench/corpus.py 1000 /tmp/corpus-1000

Each document keeps a seed's layout and changes what a real archive would vary, so the
converter meets documents it has never seen, at any scale, without shipping thousands of files.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAMES = ["Ivan Petrov", "Kim Chang-bong", "Li Xiannian", "János Kádár", "Gheorghe Maurer", "Pak Song-chol",
         "Todor Zhivkov", "Erich Honecker", "Nguyễn Duy Trinh", "Zhou Enlai", "Władysław Gomułka"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MARKS = ["[sic]", "[…]", "[illegible]", "[inserted by hand: {w}]", "[{w}]", "[handwritten: {w}]",
         "[Translator's note: {w} {w}]", "[date left blank]", "[signature]", "[underlined: {w}]"]
WORDS = ["relations", "delegation", "comrade", "treaty", "embassy", "minister", "economic", "party", "visit",
         "assistance", "cooperation", "situation", "question", "government", "conversation"]


def vary(text: str, rng: random.Random, index: int) -> str:
    year = rng.randint(1945, 1991)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    text = re.sub(r"\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}",
                  f"{month} {day}, {year}", text, count=1)
    text = re.sub(r"(Record ID\s*\n\s*\n?)(\d+)", lambda m: f"{m.group(1)}{900000 + index}", text)
    text = re.sub(r"/document/\d+", f"/document/{900000 + index}", text)
    # Compact exports have one paragraph a line; the others separate paragraphs with blank lines.
    separator = "\n\n" if "\n\n" in text else "\n"
    paragraphs = text.split(separator)
    extra = []
    for _ in range(rng.randint(0, 6)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 120))]
        for _ in range(rng.randint(0, 3)):
            position = rng.randrange(len(words))
            words.insert(position, rng.choice(MARKS).format(w=rng.choice(WORDS)))
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        extra.append(" ".join(words).capitalize() + ".")
    # After the first paragraph of the text (the first long one that is not a label's value),
    # never among the metadata.
    first = next((i for i, p in enumerate(paragraphs) if len(p.split()) > 15 and "\n" not in p.strip()
                  and not (i and paragraphs[i - 1].strip().endswith(":"))), 0)
    return separator.join(paragraphs[:first + 1] + extra + paragraphs[first + 1:])


def make_corpus(count: int, folder: Path, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"doc-{index:06d}.txt"
        path.write_text(vary(sources[index % len(sources)], rng, index), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    make_corpus(int(sys.argv[1]), Path(sys.argv[2]))
