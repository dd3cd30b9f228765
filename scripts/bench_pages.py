"""Benchmark: the public pages under load, and Datasette on the same facets.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentkb_scale \
        .venv/bin/python scripts/bench_pages.py [--duration 10] [--connections 16] [--no-datasette]

Starts gunicorn (2 workers, default 30 s timeout, DEBUG=0) on 127.0.0.1
against the database DATABASE_URL names, times one request per URL (status,
size, seconds), then runs `wrk` (Debian's package, installed if missing) with
16 connections for --duration seconds per URL and prints p50/p95/p99,
requests/s and errors (non-2xx answers, timeouts, socket errors). The URLs are
those of issue 11's table: the lists with combinations of facets, search, a
big district's page, the comparison of four and six big districts.

With Datasette (PyPI `datasette`, installed in its own venv, /tmp/datasette-venv,
not the project's), it copies the visible incentives into SQLite (with an index
on each faceted column, as sqlite-utils users do), serves them on another port
with the SQL and facet time limits raised to gunicorn's 30 s (so that it
counts rather than gives up) and loads the same three facets (district, kind,
year) with the same filters, printing the ratio of requests/s.

With --nginx it starts two gunicorn instances (each with --workers workers,
on --port+2 and --port+3) on the same database and nginx (Debian's
nginx-light, installed if missing) on --port, balancing between them with a
configuration of its own in a temporary folder (no system configuration is
touched), and loads the URLs through nginx: the set-up of several app
machines behind a load balancer (docs/deployment.md), on one machine.

--page-cache off|on|both runs the app with the whole-page cache off, on, or
off then on in one run (the cache emptied before each run, so that the one
request per URL is a cold miss; under wrk, one URL loaded again and again is
all hits after the first).

Everything listens on 127.0.0.1 and every loop is bounded. It prints figures;
it asserts nothing.
"""
import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from nginx_conf import nginx_config  # scripts/, beside this file

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DATASETTE_VENV = Path(os.environ.get("DATASETTE_VENV", "/tmp/datasette-venv"))

BIG = ["110106", "110105", "110108", "120103", "440305", "330106"]
PAGES = [
    "/incentives/",
    "/incentives/?district=110106",
    "/incentives/?kind=apartment&year=2024",
    "/incentives/?province=110000&kind=subsidy&unit=CNY",
    "/incentives/?district=110106&kind=subsidy&year=2023&status=verified",
    "/metrics/?year=2024",
    "/metrics/?district=120103&target=goal",
    "/programs/?q=人才",
    "/articles/",
    "/articles/?province=440000&year=2022",
    "/incentives/?page=2000",
    "/search/?q=人才公寓",
    "/search/?q=免租",
    "/districts/110106/",
    "/compare/?" + "&".join(f"d={d}" for d in BIG[:4]),
    "/compare/?" + "&".join(f"d={d}" for d in BIG),
    "/finder/?group=graduates&need=apartment",
    "/finder/?group=researchers&need=apartment&need=subsidy&province=350000&since=2020",
    "/districts/lookup/?q=fengtai",
]
# The same three facets and filters, in the app and in Datasette.
FACETS = "_facet=district&_facet=kind&_facet=year"
PAIRS = [
    ("/incentives/", f"/kb/incentives?{FACETS}"),
    ("/incentives/?district=110106", f"/kb/incentives?district=110106&{FACETS}"),
    ("/incentives/?kind=apartment&year=2024", f"/kb/incentives?kind=apartment&year=2024&{FACETS}"),
]

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'JSON{"requests":%d,"seconds":%f,"p50":%f,"p95":%f,"p99":%f,"status":%d,"timeout":%d,"socket":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, errors.status, errors.timeout, errors.connect + errors.read + errors.write))
end
"""


def apt_install(package: str) -> None:
    """As scripts/common.sh's apt_install: Debian's package, only where missing."""
    if shutil.which(package):
        return
    print(f"installing {package} from Debian")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", package], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def wait_until_up(base: str, process: subprocess.Popen, seconds: int = 60) -> None:
    for _ in range(seconds * 4):
        if process.poll() is not None:
            sys.exit(f"the server at {base} exited with {process.returncode}")
        try:
            urllib.request.urlopen(base + "/static/favicon.svg", timeout=2).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    sys.exit(f"nothing answers at {base} after {seconds} s")


def one_request(url: str) -> tuple[int, int, float]:
    """(status, bytes, seconds) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            size = len(response.read())
            status = response.status
    except urllib.error.HTTPError as error:
        size, status = len(error.read()), error.code
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        size, status = 0, 0
    return status, size, time.perf_counter() - started


def load(url: str, *, duration: int, connections: int, threads: int, script: Path) -> dict:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", "-s", str(script), url],
        capture_output=True, text=True, timeout=duration + 90,
    ).stdout
    line = next((x for x in out.splitlines() if x.startswith("JSON")), None)
    if line is None:
        return {"requests": 0, "seconds": duration, "p50": 0, "p95": 0, "p99": 0, "status": 0, "timeout": 0,
                "socket": 0, "failed": out[-300:]}
    return json.loads(line[4:])


def quoted(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%")


def drain(base: str, seconds: int = 120) -> None:
    """Wait until the workers have finished what the last wrk run queued (wrk
    closes its connections, but gunicorn still serves every request already
    accepted), so that one URL's figures do not pay for the previous one's."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _, took = one_request(base + "/static/favicon.svg")
        if status and took < 0.5:
            return
        time.sleep(1)


def measure(base: str, paths: list[str], args, script: Path, label: str) -> dict:
    print(f"\n{label}: one request, then wrk -c{args.connections} for {args.duration} s each")
    print(f"{'url':58s} {'status':>6} {'KB':>8} {'1 req s':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'non2xx':>6} {'tmout':>6}")
    results = {}
    for path in paths:
        url = base + quoted(path)
        drain(base)
        status, size, seconds = one_request(url)
        drain(base)
        r = load(url, duration=args.duration, connections=args.connections, threads=args.threads, script=script)
        rps = r["requests"] / r["seconds"] if r["seconds"] else 0
        results[path] = {**r, "rps": rps, "first_status": status, "first_bytes": size, "first_seconds": seconds}
        print(f"{path:58s} {status:6d} {size / 1e3:8.0f} {seconds:8.2f} {rps:7.1f} {r['p50']:8.0f} {r['p95']:8.0f} "
              f"{r['p99']:8.0f} {r['status']:6d} {r['timeout'] + r['socket']:6d}", flush=True)
    return results


def check_free(*ports: int) -> None:
    """Refuse to start where another server already listens: its figures would be taken for ours."""
    import socket

    for port in ports:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                sys.exit(f"something already listens on 127.0.0.1:{port}: choose another --port")


def start_gunicorn(args, port: int | None = None, extra: dict | None = None) -> subprocess.Popen:
    env = {**os.environ, **(extra or {}), "DEBUG": "0", "SECRET_KEY": "bench-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1",
           "SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "talentkb.settings"}
    manage = [str(VENV_BIN / "python"), "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "compilemessages", "-v0", "--ignore=.venv"], cwd=ROOT, env=env, check=True)
    # Start with an empty page cache: the first request to each URL is a miss.
    subprocess.run([*manage, "shell", "-c", "from django.core.cache import caches; caches['pages'].clear()"],
                   cwd=ROOT, env=env, check=True)
    return subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "talentkb.wsgi", "--bind", f"127.0.0.1:{port or args.port}",
         "--workers", str(args.workers), "--timeout", "30", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )


def start_nginx(port: int, upstreams: list[int], folder: Path) -> subprocess.Popen:
    """nginx on 127.0.0.1:port, round robin over the app servers, with every file it writes in `folder`."""
    if not Path("/usr/sbin/nginx").exists():
        apt_install("nginx-light")
    conf = nginx_config(folder, port, upstreams)
    return subprocess.Popen(["/usr/sbin/nginx", "-p", str(folder), "-c", str(conf), "-g", "daemon off;"],
                            start_new_session=True)


def sqlite_copy(path: Path) -> None:
    """The visible incentives, one table, with the district's code and names."""
    import dj_database_url
    import psycopg2

    params = dj_database_url.parse(os.environ["DATABASE_URL"])
    source = psycopg2.connect(dbname=params["NAME"], user=params["USER"] or None, host=params["HOST"] or None,
                              port=params["PORT"] or None, password=params["PASSWORD"] or None)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    target = sqlite3.connect(path)
    target.execute(
        "CREATE TABLE incentives (id INTEGER PRIMARY KEY, district TEXT, district_name TEXT, province TEXT, "
        "kind TEXT, unit TEXT, value REAL, qualifier TEXT, year INTEGER, status TEXT, quote TEXT, article_id INTEGER)"
    )
    # Table names through Django's models would need settings here; these are the current ones.
    with source.cursor(name="copy") as cursor:
        cursor.itersize = 20_000
        cursor.execute(
            "SELECT i.id, d.adcode, d.name, d.province, i.kind, i.unit, i.value::float, i.qualifier, i.year, "
            "i.status, i.quote, i.article_id FROM policies_incentive i LEFT JOIN districts_district d "
            "ON d.id = i.district_id WHERE i.status <> 'rejected' ORDER BY i.id"
        )
        while rows := cursor.fetchmany(20_000):
            target.executemany("INSERT INTO incentives VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    for column in ("district", "kind", "year"):
        target.execute(f"CREATE INDEX incentives_{column} ON incentives ({column})")
    target.commit()
    target.close()
    source.close()


def start_datasette(args, db: Path) -> subprocess.Popen:
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        print(f"installing datasette (PyPI) into {DATASETTE_VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run([str(DATASETTE_VENV / "bin" / "pip"), "install", "-q", "datasette"], check=True)
    return subprocess.Popen(
        [str(binary), "serve", str(db), "--host", "127.0.0.1", "--port", str(args.port + 1),
         "--setting", "sql_time_limit_ms", "30000", "--setting", "facet_time_limit_ms", "30000",
         "--setting", "default_page_size", "25"],
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8041, help="gunicorn's; Datasette takes the next")
    parser.add_argument("--urls", nargs="+", help="paths to load instead of issue 11's")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--sqlite", type=Path, default=Path(tempfile.gettempdir()) / "talentkb-bench" / "kb.db",
                        help="the SQLite copy for Datasette (kept between runs; --fresh-copy to rebuild)")
    parser.add_argument("--fresh-copy", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--nginx", action="store_true",
                        help="two gunicorn instances behind nginx on --port (the instances on --port+2, --port+3)")
    parser.add_argument("--page-cache", choices=["off", "on", "both"], default="on",
                        help="the whole-page cache (PAGE_CACHE): off, on, or off then on in one run")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("set DATABASE_URL to the database to serve")

    # A SIGTERM (timeout, kill) ends the run through the finally clauses, which stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    apt_install("wrk")
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_REPORT)
    report = {"database": os.environ["DATABASE_URL"], "duration": args.duration, "connections": args.connections}
    if args.page_cache == "both":
        for state in ("off", "on"):
            gunicorn = start_gunicorn(args, extra={"PAGE_CACHE": "1" if state == "on" else "0"})
            try:
                base = f"http://127.0.0.1:{args.port}"
                wait_until_up(base, gunicorn)
                report[f"app_cache_{state}"] = measure(base, args.urls or PAGES, args, script,
                                                       f"talentkb, gunicorn {args.workers} workers, page cache {state}")
            finally:
                stop(gunicorn)
        print(f"\n{'url':58s} {'1 req s off/on':>15} {'req/s off/on':>14} {'p95 ms off/on':>15}")
        for path in args.urls or PAGES:
            a, b = report["app_cache_off"][path], report["app_cache_on"][path]
            print(f"{path:58s} {a['first_seconds']:7.2f}/{b['first_seconds']:<7.2f} {a['rps']:6.0f}/{b['rps']:<7.0f} "
                  f"{a['p95']:7.0f}/{b['p95']:<7.0f}")
        return write(report, args)
    check_free(args.port, *([args.port + 2, args.port + 3] if args.nginx else []))
    servers = []
    cache = {"PAGE_CACHE": "1" if args.page_cache == "on" else "0"}
    try:
        base = f"http://127.0.0.1:{args.port}"
        if args.nginx:
            ports = [args.port + 2, args.port + 3]
            for port in ports:
                servers.append(start_gunicorn(args, port, cache))
                wait_until_up(f"http://127.0.0.1:{port}", servers[-1])
            servers.append(start_nginx(args.port, ports, Path(tempfile.mkdtemp(prefix="talentkb-nginx-"))))
            label = f"talentkb, nginx over 2 gunicorn instances of {args.workers} workers"
        else:
            servers.append(start_gunicorn(args, extra=cache))
            label = f"talentkb, gunicorn {args.workers} workers"
        wait_until_up(base, servers[-1])
        report["app"] = measure(base, args.urls or PAGES, args, script, label)
        if not args.no_datasette:
            app_pairs = measure(base, [a for a, _ in PAIRS], args, script, "talentkb, the facets Datasette is given") \
                if args.urls else {a: report["app"][a] for a, _ in PAIRS}
    finally:
        for server in servers:
            stop(server)
    if args.no_datasette:
        return write(report, args)

    if args.fresh_copy or not args.sqlite.exists():
        started = time.perf_counter()
        sqlite_copy(args.sqlite)
        print(f"\nSQLite copy of the visible incentives: {args.sqlite} ({time.perf_counter() - started:.0f} s)")
    datasette = start_datasette(args, args.sqlite)
    try:
        base = f"http://127.0.0.1:{args.port + 1}"
        wait_until_up(base, datasette)
        report["datasette"] = measure(base, [d for _, d in PAIRS], args, script, "Datasette, 1 process")
    finally:
        stop(datasette)
    # How many times Datasette's throughput the app gives, and how many times the app's p95 Datasette's is.
    print(f"\n{'facets':40s} {'app req/s':>10} {'Datasette req/s':>16} {'app/Datasette':>14} {'p95 ds/app':>11}")
    for app_path, ds_path in PAIRS:
        a, d = app_pairs[app_path], report["datasette"][ds_path]
        ratio = a["rps"] / d["rps"] if d["rps"] else float("inf")
        p95 = d["p95"] / a["p95"] if a["p95"] else float("nan")
        print(f"{app_path:40s} {a['rps']:10.1f} {d['rps']:16.1f} {ratio:14.1f} {p95:11.1f}")
    write(report, args)


def write(report, args):
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
