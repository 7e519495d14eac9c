"""The build's progress bar on a terminal: the stage, the documents done of those to do, and the
documents per second (tqdm draws it). The build itself only reports `build.Progress` events."""

from __future__ import annotations

import shutil
import sys

from tqdm import tqdm

from .build import Progress

#: A stage counted in documents, and one that is not (writing the site, indexing it).
COUNTED = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}]"
UNCOUNTED = "{desc} [{elapsed}]"


class BuildBar:
    """A `build(progress=...)` callback that draws one bar on standard error, reset at each stage."""

    def __init__(self, file=None, every: float = 0.1) -> None:
        self.file, self.every = file or sys.stderr, every  # seconds between redraws, at least
        self.bar: tqdm | None = None
        self.stage = ""

    def __call__(self, event: Progress) -> None:
        if self.bar is None:
            # A terminal that gives no size (0 by 0) gets 80 by 24 rather than no bar.
            columns, rows = shutil.get_terminal_size((80, 24))
            self.bar = tqdm(total=event.total, desc=event.stage, unit=" documents", file=self.file, leave=False,
                            ncols=columns, nrows=rows, mininterval=self.every, miniters=1,
                            bar_format=COUNTED if event.total else UNCOUNTED)
            self.stage = event.stage
        elif event.stage != self.stage:
            self.stage = event.stage
            self.bar.bar_format = COUNTED if event.total else UNCOUNTED
            self.bar.set_description_str(event.stage, refresh=False)
            self.bar.reset(total=event.total or None)
        if event.total and event.done > self.bar.n:
            self.bar.update(event.done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
