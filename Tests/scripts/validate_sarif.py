#!/usr/bin/env python3
"""Validate SARIF logs against the official SARIF 2.1.0 JSON schema kept in Tests/Schemas.

Usage: validate_sarif.py FILE [FILE ...]
Exit status: 0 when every file is valid, 1 when one is not, 2 when the script cannot run
(jsonschema missing, unreadable file or schema).
"""
import json
import os
import sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Schemas", "sarif-schema-2.1.0.json")


def main(paths):
    if not paths:
        print("usage: validate_sarif.py FILE [FILE ...]", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("error: the Python package 'jsonschema' is not installed (python3 -m pip install jsonschema)",
              file=sys.stderr)
        return 2
    try:
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        print(f"error: cannot read the schema {SCHEMA}: {e}", file=sys.stderr)
        return 2
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    status = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                log = json.load(f)
        except (OSError, ValueError) as e:
            print(f"error: {path}: not readable JSON: {e}", file=sys.stderr)
            return 2
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        for error in errors[:50]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message}", file=sys.stderr)
        if errors:
            print(f"{path}: {len(errors)} schema error(s)", file=sys.stderr)
            status = 1
        else:
            print(f"{path}: valid SARIF 2.1.0")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
