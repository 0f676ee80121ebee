"""schemathesis against the live server, from the OpenAPI document it serves: no 5xx, no
response that breaks the document (status codes, content types, schemas)."""

import argparse
import json
import os
import subprocess
import sys
import tempfile

import requests

from live_server import LiveServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plumb", required=True)
    parser.add_argument("--schemathesis", required=True)
    parser.add_argument("--max-examples", default="25")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="plumb-fuzz-")
    server = LiveServer(args.plumb, os.path.join(work, "fuzz.sqlite"), os.path.join(work, "server.log")).start()
    try:
        workspace, token = server.first_owner()
        headers = {"Authorization": f"Bearer {token}"}
        # Something to find: a canvas, a member, a comment, a review, an upload and a share link.
        # Their ids are fixed for every operation, so generated requests reach the routes' logic
        # rather than 404.
        reply = requests.post(f"{server.base}/api/v1/workspaces/{workspace}/canvases", headers=headers,
                              json={"title": "Fuzzed", "kind": "kpi-misalignment"}, timeout=30)
        reply.raise_for_status()
        canvas = reply.json()["canvas"]["id"]
        api = f"{server.base}/api/v1"

        def post(path, **kwargs):
            reply = requests.post(api + path, headers=headers, timeout=30, **kwargs)
            reply.raise_for_status()
            return reply.json()

        subprocess.run([args.plumb, "user", "add", "--db", server.db, "--email", "reviewer@example.com"],
                       input="another long secret\n", text=True, check=True, capture_output=True)
        member = post(f"/workspaces/{workspace}/members", json={"email": "reviewer@example.com", "role": "reviewer"})
        ids = {
            "workspaceID": workspace, "canvasID": canvas, "version": 1,
            "userID": member["user"]["id"],
            "commentID": post(f"/canvases/{canvas}/comments", json={"body": "a first comment"})["id"],
            "reviewID": post(f"/canvases/{canvas}/reviews", json={"reviewerID": member["user"]["id"]})["id"],
            "uploadID": post(f"/canvases/{canvas}/values?name=v.csv",
                             data="kpi,period,value\nexample-kpi,2026-01,1\n")["id"],
            "linkID": post(f"/canvases/{canvas}/share-links")["link"]["id"],
        }
        config = os.path.join(work, "schemathesis.toml")
        with open(config, "w") as file:
            file.write("[parameters]\n")
            for name, value in ids.items():
                file.write(f'"path.{name}" = {json.dumps(value)}\n')
        command = [
            os.path.abspath(args.schemathesis), "--config-file", config, "run", f"{server.base}/api/openapi.yaml",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                        "response_headers_conformance,response_schema_conformance",
            "--header", f"Authorization: Bearer {token}",
            "--max-examples", args.max_examples,
            "--exclude-path-regex", "^/api/v1/(session|tokens/\\{tokenID\\})$",
            "--request-timeout", "30",
            "--workers", "2",
        ]
        print(" ".join(c if "Bearer" not in c else "Authorization: Bearer …" for c in command), flush=True)
        result = subprocess.run(command, cwd=work)
    finally:
        server.stop()
    print(f"{1 if result.returncode == 0 else 0} passed, {0 if result.returncode == 0 else 1} failed")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
