"""The server is killed with SIGKILL in the middle of 500 writes and restarted: every write
that was answered 2xx must be there afterwards, and the database must open cleanly.

Four writers save versions of their own canvas in parallel, so requests are in flight when the
kill lands. A write whose answer never came may or may not have happened; only 2xx answers are
promises."""

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import requests

from live_server import LiveServer

WRITES = 500
WRITERS = 4


def document(title):
    return f"plumbline: 1\nkind: kpi-misalignment\ntitle: {title}\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plumb", required=True)
    parser.add_argument("--db", help="a postgres:// URL; default: a new SQLite file")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="plumb-crash-")
    db = os.path.join(work, "crash.sqlite")
    schema = "crash_" + os.path.basename(work).split("-")[-1]
    if args.db:
        # A schema of its own, so runs never meet each other's tables.
        db = args.db + ("&" if "?" in args.db else "?") + "schema=" + schema
    server = LiveServer(args.plumb, db, os.path.join(work, "server.log")).start()
    workspace, token = server.first_owner()
    headers = {"Authorization": f"Bearer {token}"}

    canvases = []
    for writer in range(WRITERS):
        reply = requests.post(f"{server.base}/api/v1/workspaces/{workspace}/canvases", headers=headers,
                              json={"document": document(f"writer {writer}")}, timeout=30)
        reply.raise_for_status()
        canvases.append(reply.json()["canvas"]["id"])

    acknowledged = []  # (canvas, version number, message)
    lock = threading.Lock()
    attempts = [0]
    up = threading.Event()
    up.set()

    def write(writer):
        canvas, base = canvases[writer], 1
        while True:
            with lock:
                if attempts[0] >= WRITES:
                    return
                attempts[0] += 1
                n = attempts[0]
            up.wait()
            message = f"write {n}"
            try:
                reply = requests.put(f"{server.base}/api/v1/canvases/{canvas}", headers=headers, timeout=30,
                                     json={"baseVersion": base, "document": document(message), "message": message})
            except requests.RequestException:
                # Unanswered: it may or may not have landed. Learn the current version again.
                up.wait()
                time.sleep(0.1)
                base = current_version(canvas) or base
                continue
            if reply.status_code == 200:
                base = reply.json()["version"]["number"]
                with lock:
                    acknowledged.append((canvas, base, message))
            elif reply.status_code == 409:
                base = reply.json()["error"]["details"]["currentVersion"]
            else:
                raise SystemExit(f"unexpected answer {reply.status_code}: {reply.text}")

    def current_version(canvas):
        try:
            reply = requests.get(f"{server.base}/api/v1/canvases/{canvas}", headers=headers, timeout=30)
            return reply.json()["canvas"]["currentVersion"] if reply.status_code == 200 else None
        except requests.RequestException:
            return None

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    while True:
        with lock:
            if attempts[0] >= WRITES // 2:
                break
        time.sleep(0.01)
    up.clear()
    server.kill()
    with lock:
        before = len(acknowledged)
    print(f"killed the server (SIGKILL) after {before} acknowledged writes")
    server.start()
    up.set()
    for t in threads:
        t.join()

    lost = []
    for canvas, number, message in acknowledged:
        reply = requests.get(f"{server.base}/api/v1/canvases/{canvas}/versions/{number}", headers=headers, timeout=30)
        if reply.status_code != 200 or reply.json()["message"] != message or reply.json()["document"] != document(message):
            lost.append((canvas, number, message, reply.status_code))
    server.stop()

    migrate = subprocess.run([args.plumb, "migrate", "--db", db], capture_output=True, text=True)
    clean = migrate.returncode == 0
    if not args.db:
        with sqlite3.connect(db) as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        clean = clean and integrity == "ok"
        print(f"integrity_check: {integrity}")
    print(f"{len(acknowledged)} writes answered 2xx of {WRITES}; {len(lost)} missing afterwards")
    for item in lost[:10]:
        print("missing:", item)
    if not clean:
        print("the database did not open cleanly:", migrate.stdout, migrate.stderr)
    if args.db:
        subprocess.run(["psql", args.db, "-qc", f"DROP SCHEMA IF EXISTS {schema} CASCADE"], capture_output=True)
    ok = not lost and clean and len(acknowledged) > 0
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
