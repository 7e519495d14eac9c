"""Random documents drawn from the tei-edition grammar (tei.schema.schemaspec), to test that the
generated schemas accept them and that the official tei_all accepts them too (the subset property)."""

from __future__ import annotations

import random

from lxml import etree

from tei.schema import schemaspec as spec

SAMPLE_VALUES = {
    "text": ["Page 2", "x"], "word": ["underline", "w"], "words": ["sic!", "margin top"],
    "name": ["tei-edition"], "pointer": ["#a", "https://example.org/x"], "pointers": ["#a #b", "#a"],
    "date": ["1973", "1973-05", "1973-05-07"], "language": ["en", "ro", "zh-Hant"],
    "languages": ["en ru", "de"], "count": ["0", "8"], "decimal": ["1.5", "2"],
    "version": ["0.1.0", "4"],
}


def _min_depths() -> dict[str, int]:
    """How deep the smallest instance of each element is (to end recursion at a depth limit)."""
    depth = {name: 10**6 for name in spec.ELEMENTS}

    def of(pattern) -> int:
        if pattern in (spec.TEXT, spec.EMPTY) or isinstance(pattern, (spec.Opt, spec.Many, spec.Mixed)):
            return 0
        if isinstance(pattern, spec.Ref):
            members = spec.GROUPS.get(pattern.name, (pattern.name,))
            return min(depth[m] for m in members)
        if isinstance(pattern, spec.Seq):
            return max((of(i) for i in pattern.items), default=0)
        if isinstance(pattern, spec.Alt):
            return min(of(i) for i in pattern.items)
        return of(pattern.item)  # Some

    changed = True
    while changed:
        changed = False
        for name, element in spec.ELEMENTS.items():
            value = 1 + of(element.content)
            if value < depth[name]:
                depth[name], changed = value, True
    return depth


class Sampler:
    def __init__(self, seed: int, max_depth: int = 9):
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.depths = _min_depths()
        self.ids = 0

    def document(self) -> etree._ElementTree:
        return etree.ElementTree(self.element(spec.START, 0))

    def element(self, name: str, depth: int) -> etree._Element:
        element = etree.Element(f"{{{spec.TEI_NS}}}{name}", nsmap={None: spec.TEI_NS} if depth == 0 else None)
        for attr in spec.attributes_of(spec.ELEMENTS[name]):
            if attr.required or self.random.random() < 0.25:
                element.set(attr.name.replace("xml:", "{http://www.w3.org/XML/1998/namespace}"), self.value(attr))
        self.fill(element, spec.ELEMENTS[name].content, depth)
        return element

    def value(self, attr: spec.Attr) -> str:
        if attr.values:
            return self.random.choice(attr.values)
        if attr.type == "id":
            self.ids += 1
            return f"id-{self.ids}"
        return self.random.choice(SAMPLE_VALUES[attr.type])

    def fits(self, pattern, depth: int) -> bool:
        if isinstance(pattern, spec.Ref):
            members = spec.GROUPS.get(pattern.name, (pattern.name,))
            return depth + min(self.depths[m] for m in members) <= self.max_depth
        return True

    def fill(self, element, pattern, depth: int) -> None:
        rnd, deep = self.random, depth >= self.max_depth - 2
        if pattern is spec.TEXT:
            self.text(element, "text")
        elif pattern is spec.EMPTY:
            return
        elif isinstance(pattern, spec.Ref):
            members = [m for m in spec.GROUPS.get(pattern.name, (pattern.name,))
                       if depth + self.depths[m] <= self.max_depth]
            element.append(self.element(rnd.choice(members), depth + 1))
        elif isinstance(pattern, spec.Seq):
            for item in pattern.items:
                self.fill(element, item, depth)
        elif isinstance(pattern, spec.Alt):
            choices = [i for i in pattern.items if self.fits(i, depth)] or list(pattern.items)
            self.fill(element, rnd.choice(choices), depth)
        elif isinstance(pattern, spec.Mixed):
            for _ in range(0 if deep else rnd.randint(0, 3)):
                if rnd.random() < 0.4:
                    self.text(element, "words ")
                else:
                    self.fill(element, rnd.choice(pattern.items), depth)
        else:
            low = 1 if isinstance(pattern, spec.Some) else 0
            high = low if deep else (1 if isinstance(pattern, spec.Opt) else 2)
            for _ in range(rnd.randint(low, high)):
                self.fill(element, pattern.item, depth)

    @staticmethod
    def text(element, text: str) -> None:
        if len(element):
            element[-1].tail = (element[-1].tail or "") + text
        else:
            element.text = (element.text or "") + text
