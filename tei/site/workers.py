"""Worker processes with a time limit per task, for the build's documents.

A document that takes too long (a stylesheet or a layout that grows faster than its input) is
mostly stuck in C code (libxslt, libxml2), where no signal or timer can stop it: only its process
can be stopped. So each worker runs one task at a time, and one that runs past the limit is
killed and replaced; its task is reported as timed out and the others go on. A worker that dies
(a crash, the kernel's out-of-memory killer) is replaced in the same way.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator


@dataclass
class Outcome:
    """What became of one task: its `value`, or the `error` it raised, or `timed_out`, or the
    `exit_code` of a worker that died while running it."""

    task: tuple
    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    exit_code: int | None = None
    worker_pid: int = 0


#: How often an idle worker checks that the build that started it is still there (seconds).
ORPHAN_CHECK = 1.0


def _serve(connection, parent_end) -> None:
    """A worker's loop: run the tasks it is sent, one at a time, until told to stop, or until the
    build that started it is gone (killed: it can no longer say so). A forked worker holds copies
    of the build's ends of its own and earlier workers' pipes, so it would never see them close:
    it watches its parent instead, and never outlives it holding the build's lock."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the main process, which stops us
    parent = os.getppid()
    parent_end.close()
    while True:
        try:
            while not connection.poll(ORPHAN_CHECK):
                if os.getppid() != parent:
                    return
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        function, args = message
        try:
            reply = (True, function(*args))
        except Exception as exc:  # noqa: BLE001 - sent back, for the main process to decide
            reply = (False, exc)
        try:
            connection.send(reply)
        except Exception as exc:  # noqa: BLE001 - an answer that cannot be pickled
            connection.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class _Worker:
    def __init__(self, context) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, self.connection), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple | None = None
        self.started = 0.0

    def give(self, function: Callable, task: tuple) -> None:
        self.task, self.started = task, time.monotonic()
        self.connection.send((function, task))

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                self.process.kill()
        self.process.join(5 if not kill else None)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def run_tasks(function: Callable, tasks: Iterable[tuple], *, workers: int,
              time_limit: float | None) -> Iterator[Outcome]:
    """`function(*task)` for every task, in `workers` processes; outcomes in the order they end.

    A task still running after `time_limit` seconds (None: no limit) has its worker killed. The
    workers are stopped when the iterator is closed, also on an exception or Ctrl+C."""
    # Forked workers start at once, with the modules already imported (and, in the tests, what
    # they patched); elsewhere, the platform's default.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pending = deque(tasks)
    pool = [_Worker(context) for _ in range(max(1, min(workers, len(pending))))]
    try:
        while True:
            for worker in pool:
                if worker.task is None and pending:
                    worker.give(function, pending.popleft())
            busy = [worker for worker in pool if worker.task is not None]
            if not busy:
                return
            now = time.monotonic()
            wait = None if not time_limit else max(0.0, min(w.started + time_limit - now for w in busy))
            ready = set(multiprocessing.connection.wait(
                [w.connection for w in busy] + [w.process.sentinel for w in busy], wait))
            for worker in list(pool):
                if worker.task is None:
                    continue
                task, pid = worker.task, worker.process.pid or 0
                outcome = None
                if worker.connection in ready or worker.process.sentinel in ready:
                    try:
                        ok, value = worker.connection.recv()
                        outcome = Outcome(task, value=value) if ok else Outcome(task, error=value)
                        outcome.worker_pid = pid
                        worker.task = None
                    except (EOFError, OSError):  # the worker died before it answered
                        worker.process.join()
                        outcome = Outcome(task, exit_code=worker.process.exitcode, worker_pid=pid)
                elif time_limit and time.monotonic() - worker.started >= time_limit:
                    outcome = Outcome(task, timed_out=True, worker_pid=pid)
                if outcome is None:
                    continue
                if worker.task is not None:  # timed out or died: a new worker takes its place
                    worker.stop(kill=True)
                    pool.remove(worker)
                    if pending:
                        pool.append(_Worker(context))
                yield outcome
    finally:
        for worker in pool:
            worker.stop(kill=worker.task is not None)
