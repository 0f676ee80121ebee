"""Starts `plumb serve` on a free loopback port for the script tests, creates the first owner
through the printed setup link, and hands out an API token. Shared by crash-test and api-fuzz."""

import os
import re
import signal
import socket
import subprocess
import time

import requests

PASSWORD = "correct horse battery staple"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """One `plumb serve` process; `start()` again after `kill()` restarts it on the same port."""

    def __init__(self, plumb, db, log_path):
        self.plumb, self.db, self.log_path = plumb, db, log_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [self.plumb, "serve", "--db", self.db, "--port", str(self.port), "--log-level", "warning"],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.time() + 120
        self.setup_link = None
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"plumb serve exited with {self.process.returncode}; see {self.log_path}")
            try:
                if requests.get(self.base + "/ready", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.2)
        else:
            raise SystemExit("plumb serve did not become ready within 120 s")
        return self

    def read_setup_link(self):
        """The link printed on first start (the first lines of standard output)."""
        for _ in range(5):
            line = self.process.stdout.readline()
            match = re.search(r"(http://\S+/setup\?token=\S+)", line)
            if match:
                return match.group(1)
        raise SystemExit("no setup link was printed")

    def first_owner(self, email="owner@example.com"):
        """Creates the first owner through the setup link; returns (workspace id, API token)."""
        link = self.read_setup_link()
        reply = requests.post(link, json={"email": email, "password": PASSWORD, "workspaceName": "Team"}, timeout=30)
        reply.raise_for_status()
        workspace = reply.json()["workspace"]["id"]
        return workspace, self.token(email)

    def token(self, email):
        session = requests.Session()
        signed_in = session.post(self.base + "/api/v1/session", json={"email": email, "password": PASSWORD}, timeout=30)
        signed_in.raise_for_status()
        csrf = signed_in.json()["csrfToken"]
        created = session.post(self.base + "/api/v1/tokens", json={"name": "script"},
                               headers={"X-CSRF-Token": csrf}, timeout=30)
        created.raise_for_status()
        return created.json()["secret"]

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode if self.process else None
