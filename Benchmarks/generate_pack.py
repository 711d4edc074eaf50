#!/usr/bin/env python3
"""Write a rule pack of N rules made by cloning the bundled EIA pack, to measure how time grows with rules.

    python3 Benchmarks/generate_pack.py OUT_DIR [--rules 120] [--source Rules/eia]

OUT_DIR gets the source pack.yaml unchanged, the bundled rules unchanged, and copies of them with new ids
`<id>-copy-NN` (NN = 01, 02, ...) until there are N rules in all (N = 120 gives the 12 bundled rules plus nine copies
of each). A copy differs from its original only in the `id:` line and its file name (`<id>-copy-NN.yaml`), so it
loads, type-checks and passes its examples exactly like the original: `comply validate OUT_DIR` must accept it, and
every finding of an original is repeated once per copy. N smaller than the bundled count keeps the first N rules
(sorted by id). Standard library only; the output is deterministic.
"""
import argparse
import pathlib
import re
import shutil
import sys


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--rules", type=int, default=120)
    ap.add_argument("--source", default=str(here.parent / "Rules" / "eia"))
    a = ap.parse_args()
    src, out = pathlib.Path(a.source), pathlib.Path(a.out_dir)
    rules = sorted(p for p in src.glob("*.yaml") if p.name != "pack.yaml")
    if not rules:
        sys.exit(f"no rules in {src}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copyfile(src / "pack.yaml", out / "pack.yaml")
    written = 0
    copy = 0
    while written < a.rules:
        for path in rules:
            if written == a.rules:
                break
            text = path.read_text(encoding="utf-8")
            rule_id = path.stem
            new_id = rule_id if copy == 0 else f"{rule_id}-copy-{copy:02d}"
            text, n = re.subn(rf"^id: {re.escape(rule_id)}[ \t]*$", f"id: {new_id}", text, count=1, flags=re.M)
            if n != 1:
                sys.exit(f"{path}: no top-level 'id: {rule_id}' line")
            (out / f"{new_id}.yaml").write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    print(f"{out}: pack.yaml and {written} rules ({len(rules)} bundled, {written - min(written, len(rules))} copies)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
