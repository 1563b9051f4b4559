"""Checks in separate processes, each within a time budget, so the server itself never blocks.

A `CheckPool` keeps a fixed number of warm check processes (each with its own `Engine`). A request
borrows one, sends it a job (a module-level function and its arguments) and waits for the answer in
a thread, never on the event loop. A job that runs past the time budget is stopped by ending its
process, and a fresh process takes its place; a regular expression stuck in C code or a reader on
a hostile file can therefore never freeze the page or the health endpoint. Nothing of a job is
logged; a process that fails reports only the kind of error.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from anyio import to_thread

from taalcheck.errors import TaalcheckError
from taalcheck.settings import Settings

from .engine import Engine

#: Processes are started fresh ("spawn") on every platform: no state of the server is copied.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Limits:
    """What one server process accepts; see `taalcheck web --help` and docs/webserver.md."""

    #: Largest request body (pasted text plus upload), refused while it streams in.
    max_body_bytes: int = 20_000_000
    #: Checks that run at the same time (one process each).
    max_checks: int = 2
    #: Requests that may wait for a free check process; more get the "busy" answer at once.
    max_waiting: int = 32
    #: How long a request waits for a free check process before the "busy" answer.
    wait_seconds: float = 20.0
    #: Time budget of one check, reading and rendering included.
    time_budget: float = 60.0


class Busy(Exception):
    """No check process became free in time."""


class OverTime(Exception):
    """The job ran past the time budget and was stopped."""


class JobFailed(TaalcheckError):
    """The job raised a `TaalcheckError`; `str(error)` is its Dutch message."""


class InternalError(Exception):
    """The job failed unexpectedly; `str(error)` is only the kind of error, never its message."""


def _worker_main(connection: Connection, settings: Settings, warm_up: bool) -> None:
    """The loop of a check process: warm up, then answer jobs until the connection closes."""
    engine = Engine(settings)
    if warm_up:
        engine.warm_up()
    else:
        engine.checker  # noqa: B018 - the lexicon at least
    connection.send(("ready", None))
    while True:
        try:
            job = connection.recv_bytes()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            function, args = pickle.loads(job)
            answer: tuple[str, Any] = ("ok", function(engine, *args))
        except TaalcheckError as error:
            answer = ("error", str(error))
        except Exception as error:  # only the kind: a message might quote the document
            answer = ("internal", type(error).__name__)
        try:
            connection.send(answer)
        except (OSError, ValueError):
            return


class _Worker:
    """One check process and the parent's end of its pipe."""

    def __init__(self, settings: Settings, warm_up: bool) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=_worker_main, args=(child, settings, warm_up), name="taalcheck-controle", daemon=True
        )
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> None:
        if not self.connection.poll(timeout):
            self.stop()
            raise InternalError("StartTimeout")
        try:
            self.connection.recv()
        except EOFError:
            raise InternalError("StartFailed") from None

    def call(self, function: Callable[..., Any], args: tuple[Any, ...], budget: float) -> tuple[str, Any]:
        """Send a job and wait at most `budget` seconds; `OverTime` stops the process."""
        try:
            self.connection.send((function, args))
            if not self.connection.poll(budget):
                self.stop()
                raise OverTime
            return self.connection.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError):
            self.stop()
            raise InternalError("ProcessEnded") from None

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class CheckPool:
    """A fixed number of warm check processes shared by all requests of one server process."""

    START_TIMEOUT = 300.0

    def __init__(self, settings: Settings, limits: Limits, warm_up: bool = True) -> None:
        """`warm_up=False` skips loading the Dutch pipeline at start (it loads on first need)."""
        self.settings = settings
        self.limits = limits
        self.warm_up = warm_up
        self._idle: asyncio.Queue[_Worker] | None = None
        self._waiting = 0
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._replacing: set[asyncio.Task[None]] = set()

    def _start_worker(self) -> _Worker:
        worker = _Worker(self.settings, self.warm_up)
        worker.wait_ready(self.START_TIMEOUT)
        with self._lock:
            self._workers.add(worker)
        return worker

    async def start(self) -> None:
        """Start and warm up all check processes (in parallel)."""
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(
            *(to_thread.run_sync(self._start_worker) for _ in range(self.limits.max_checks))
        )
        for worker in workers:
            self._idle.put_nowait(worker)

    @property
    def free(self) -> int:
        """Check processes that are started and waiting for a job."""
        return self._idle.qsize() if self._idle is not None else 0

    def close(self) -> None:
        with self._lock:
            workers, self._workers = list(self._workers), set()
        for worker in workers:
            worker.stop()

    async def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        try:
            fresh = await to_thread.run_sync(self._start_worker)
        except Exception:
            return  # the pool is smaller until the server restarts; requests still get "busy"
        assert self._idle is not None
        self._idle.put_nowait(fresh)

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        """`function(engine, *args)` in a check process; its return value must be picklable.

        Raises `Busy`, `OverTime`, `JobFailed` (with the job's Dutch message) or `InternalError`.
        """
        if self._idle is None:
            raise InternalError("NotStarted")
        if self._waiting >= self.limits.max_waiting:
            raise Busy
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.limits.wait_seconds)
        except asyncio.TimeoutError:
            raise Busy from None
        finally:
            self._waiting -= 1
        try:
            status, value = await to_thread.run_sync(worker.call, function, args, self.limits.time_budget)
        except (OverTime, InternalError):
            task = asyncio.get_running_loop().create_task(self._replace(worker))
            self._replacing.add(task)
            task.add_done_callback(self._replacing.discard)
            raise
        except BaseException:  # cancelled after the call ended (the thread is not abandoned)
            self._idle.put_nowait(worker)
            raise
        self._idle.put_nowait(worker)
        if status == "error":
            raise JobFailed(value)
        if status == "internal":
            raise InternalError(value)
        return value
