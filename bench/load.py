"""Load test: scripts/serve (production settings) under 50 clients, loopback only.

    DATABASE_URL=postgres://... .venv/bin/python -m bench.load [--clients 50]
        [--seconds 60] [--think 1.0] [--peak-seconds 30] [--port 8104]

Fills the database named by DATABASE_URL with the demo corpus (a scratch one: it is
migrated and written to), starts scripts/serve with DEBUG off behind the proxy
setting, then runs two phases and stops the server:
1. `--clients` clients, each looping over a share-link page, the comparison page
   and the documents list with `--think` seconds between requests, for `--seconds`;
2. the same clients with no think time, for `--peak-seconds` (the peak rate).
Prints requests/s, p50/p95/p99 latency and errors for each phase, and writes them
to bench/out/load.json. Everything ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

PREPARE = """
import json
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from comparisons.compare import get_or_compute
from comparisons.sharing import create_link
from documents.demo import load_demo
from provenance import roles
seeds = {n: o.document for n, o in load_demo().items()}
comparison = get_or_compute(seeds["001"].current_version, seeds["000"].current_version)
user, _ = User.objects.get_or_create(username="load-educator")
user.groups.add(Group.objects.get(name=roles.EDUCATORS))
link = create_link(comparison, user, 7)
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "comparison": comparison.pk,
                  "share": link.get_absolute_url()}))
"""


@dataclass
class Phase:
    name: str
    clients: int
    think_seconds: float
    seconds: float
    requests: int
    errors: int
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(share * (len(sorted_values) - 1)))
    return sorted_values[index]


async def client_loop(
    client: httpx.AsyncClient,
    paths: list[str],
    think: float,
    until: float,
    latencies: list[float],
    errors: list[str],
) -> None:
    rng = random.Random()
    await asyncio.sleep(rng.random() * max(think, 0.05))  # spread the start
    while time.monotonic() < until:
        path = rng.choice(paths)
        started = time.monotonic()
        try:
            response = await client.get(path)
            if response.status_code != 200:
                errors.append(f"{path}: {response.status_code}")
        except httpx.HTTPError as exc:
            errors.append(f"{path}: {type(exc).__name__}")
        latencies.append(time.monotonic() - started)
        if think:
            await asyncio.sleep(think)


async def run_phase(
    name: str, base: str, headers: dict[str, str], paths: list[str], args: argparse.Namespace
) -> Phase:
    think = args.think if name == "think" else 0.0
    seconds = args.seconds if name == "think" else args.peak_seconds
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=args.clients)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, timeout=30, limits=limits
    ) as client:
        started = time.monotonic()
        until = started + seconds
        await asyncio.gather(
            *(
                client_loop(client, paths, think, until, latencies, errors)
                for _ in range(args.clients)
            )
        )
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    if errors:
        print(f"  {name}: first errors: {errors[:5]}")
    return Phase(
        name=name,
        clients=args.clients,
        think_seconds=think,
        seconds=round(elapsed, 1),
        requests=len(latencies),
        errors=len(errors),
        requests_per_second=round(len(latencies) / elapsed, 1),
        p50_ms=round(1000 * percentile(ordered, 0.50), 1),
        p95_ms=round(1000 * percentile(ordered, 0.95), 1),
        p99_ms=round(1000 * percentile(ordered, 0.99), 1),
        max_ms=round(1000 * (ordered[-1] if ordered else 0), 1),
    )


def wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("scripts/serve stopped before it answered")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit("scripts/serve did not answer /healthz within 180 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--peak-seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8104)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a scratch PostgreSQL database.")
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "BEHIND_PROXY": "true",
        "HOST": "127.0.0.1",
        "PORT": str(args.port),
        "WORKERS": os.environ.get("WORKERS", "1"),
        "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    prepared = subprocess.run(
        [*manage, "shell", "-v0", "-c", PREPARE],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    facts = json.loads(prepared.stdout.strip().splitlines()[-1])
    base = f"http://127.0.0.1:{args.port}"
    # As the TLS proxy forwards it: the scheme header, and the Secure session cookie.
    headers = {"X-Forwarded-Proto": "https", "Cookie": f"sessionid={facts['session']}"}
    paths = [facts["share"], f"/comparisons/{facts['comparison']}/", "/documents/"]
    server = subprocess.Popen([str(ROOT / "scripts" / "serve")], cwd=ROOT, env=env)
    try:
        wait_until_up(base, server)
        for path in paths:  # every page answers before anything is measured
            status = httpx.get(base + path, headers=headers, timeout=30).status_code
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
        phases = [asyncio.run(run_phase(n, base, headers, paths, args)) for n in ("think", "peak")]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=90)
    web = env.get("WEB_CONCURRENCY", "3")
    print(f"scripts/serve, WEB_CONCURRENCY={web}, PostgreSQL; pages: {', '.join(paths)}")
    for phase in phases:
        print(
            f"{phase.name:>5}: {phase.clients} clients, think {phase.think_seconds} s, "
            f"{phase.seconds} s: {phase.requests} requests, {phase.requests_per_second}/s, "
            f"p50 {phase.p50_ms} ms, p95 {phase.p95_ms} ms, p99 {phase.p99_ms} ms, "
            f"max {phase.max_ms} ms, errors {phase.errors}"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "load.json").write_text(json.dumps([asdict(p) for p in phases], indent=2))


if __name__ == "__main__":
    main()
