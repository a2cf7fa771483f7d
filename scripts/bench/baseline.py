#!/usr/bin/env python3
"""The colleague's script: what someone would write in an afternoon instead of nianbao.

Reads two reports, cuts every paragraph with jieba, compares every paragraph of this year with
every paragraph of last year with difflib.SequenceMatcher (copied paragraphs), pulls figures with
a regex and lines them up by the words before them (changed/unchanged figures). It prints a short
report; with --timing it prints the seconds spent on the work itself (jieba already loaded) to
stderr, so the benchmark can separate interpreter and dictionary start-up from the work.

Usage: baseline.py THIS_YEAR.txt LAST_YEAR.txt [--timing]
It is a yardstick for scripts/bench/run.sh, not part of the product.
"""
import difflib
import re
import sys
import time

import jieba

FIGURE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(\d+(?:\.\d+)?)(万|亿)?(件|人次|人|次|项|个|条|名|场次|家|万元|元|%)")
COPIED = 0.8


def paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [line.strip() for line in f if len(line.strip()) >= 10]


def figures(paras):
    found = {}
    for p in paras:
        for m in FIGURE.finditer(p):
            found.setdefault(m.group(1) + m.group(4), m.group(2))
    return found


def compare(this_path, last_path):
    this, last = paragraphs(this_path), paragraphs(last_path)
    this_tokens = [jieba.lcut(p) for p in this]
    last_tokens = [jieba.lcut(p) for p in last]
    copied = []
    for i, a in enumerate(this_tokens):
        for j, b in enumerate(last_tokens):
            ratio = difflib.SequenceMatcher(None, a, b).ratio()
            if ratio >= COPIED:
                copied.append((i, j, ratio))
    this_fig, last_fig = figures(this), figures(last)
    shared = this_fig.keys() & last_fig.keys()
    unchanged = [k for k in shared if this_fig[k] == last_fig[k]]
    return {
        "paragraphs": (len(this), len(last)),
        "pairs_compared": len(this) * len(last),
        "copied": len(copied),
        "figures": (len(this_fig), len(last_fig)),
        "aligned": len(shared),
        "unchanged": len(unchanged),
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.perf_counter()
    result = compare(args[0], args[1])
    work = time.perf_counter() - started
    for key, value in result.items():
        print(f"{key}: {value}")
    if "--timing" in sys.argv:
        print(f"{work:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()
