#!/usr/bin/env python3
"""Reads a benchmark's summary lines, prints each ratio next to the recorded one (docs/benchmarks.md) and flags a
ratio more than 20 % worse. Each ratio is the one the benchmark prints; some are better higher (a speed against the
baseline's speed), some lower (a time or a latency against the baseline's)."""
import re
import sys

HIGHER = {"ingest embedded", "ingest http none 1", "ingest http none 4", "ingest http shipped 1", "score", "history", "scale 3 to 1"}

# name of the figure -> (regex over the benchmark's output, how to read the ratio from the match)
FIGURES = {
    "ingest": [
        ("ingest embedded", r"^ingest: .*ratio ([\d.]+)", lambda m: float(m.group(1))),
        ("ingest http none 1", r"^ingest over HTTP \(1 client\(s\)\), no workflow.*: .*ratio to baseline ([\d.]+)", lambda m: float(m.group(1))),
        ("ingest http none 4", r"^ingest over HTTP \(4 client\(s\)\), no workflow.*: .*ratio to baseline ([\d.]+)", lambda m: float(m.group(1))),
        ("ingest http shipped 1", r"^ingest over HTTP \(1 client\(s\)\), shipped workflows.*: .*ratio to baseline ([\d.]+)", lambda m: float(m.group(1))),
    ],
    "segments": [
        ("segments expressions", r"^segments: .*= ([\d.]+)x the hand-written time", lambda m: float(m.group(1))),
        ("segments steady", r"^segments: .*steady \(([\d.]+)x\)", lambda m: float(m.group(1))),
    ],
    "rfm": [("rfm", r"^rfm: .*ratio ([\d.]+)", lambda m: float(m.group(1)))],
    "score": [("score", r"^score: .*ratio ([\d.]+)", lambda m: float(m.group(1)))],
    "rules": [("rules", r"^rules: .*; ([\d.]+)x the hand-written time", lambda m: float(m.group(1)))],
    "workflows": [
        ("workflows sqlite", r"^workflows\[sqlite\]: .*p99 ratio ([\d.]+)", lambda m: float(m.group(1))),
        ("workflows postgres", r"^workflows\[postgres\]: .*p99 ratio ([\d.]+)", lambda m: float(m.group(1))),
    ],
    "scrape": [("scrape", r"^scrape: .*ratio ([\d.]+)", lambda m: float(m.group(1)))],
    "history": [("history", r"^history: .*ratio ([\d.]+)", lambda m: float(m.group(1)))],
    # three processes' events/s against one process's in the same run: flat (1.0) or better is the goal
    "scale": [("scale 3 to 1", r"^scale: 1 process (\d+) events/s; 2 processes \d+ events/s; 3 processes (\d+) events/s", lambda m: float(m.group(2)) / float(m.group(1)))],
    "dispatch": [
        ("dispatch in-memory", r"^dispatch\[in-memory(?:, [\w.]+)?\]: \d+ actions in [\d.]+ s = (\d+) actions/s.*bare bus (\d+) msg/s", lambda m: float(m.group(2)) / float(m.group(1))),
        ("dispatch rabbitmq", r"^dispatch\[rabbitmq(?:, [\w.]+)?\]: \d+ actions in [\d.]+ s = (\d+) actions/s.*bare bus (\d+) msg/s", lambda m: float(m.group(2)) / float(m.group(1))),
        # a whole segment at once: the bare bus's msg/s over the audience's actions/s, from trigger to the last email
        ("dispatch audience in-memory", r"^dispatch audience\[in-memory\]: .*\((\d+) actions/s, [\d.]+ of the bare bus's (\d+) msg/s\)", lambda m: float(m.group(2)) / float(m.group(1))),
        ("dispatch audience rabbitmq", r"^dispatch audience\[rabbitmq\]: .*\((\d+) actions/s, [\d.]+ of the bare bus's (\d+) msg/s\)", lambda m: float(m.group(2)) / float(m.group(1))),
    ],
}


def recorded(doc):
    """`| figure | ratio | ...` rows of the recorded-figures table."""
    table = {}
    for line in open(doc, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in {f for figs in FIGURES.values() for f, _, _ in figs}:
            try:
                table[cells[0]] = float(cells[1])
            except ValueError:
                pass
    return table


def main():
    name, log, doc = sys.argv[1:4]
    output = open(log, encoding="utf-8", errors="replace").read().splitlines()
    for line in output:
        if line.startswith(name):
            print("  " + line)
    known = recorded(doc)
    worse = False
    for figure, pattern, ratio in FIGURES[name]:
        match = next((re.search(pattern, l) for l in output if re.search(pattern, l)), None)
        if match is None:
            continue
        now = ratio(match)
        before = known.get(figure)
        if before is None:
            print(f"  {figure}: ratio {now:.3f} (nothing recorded)")
        elif (now < before * 0.8) if figure in HIGHER else (now > before * 1.2):
            print(f"  {figure}: ratio {now:.3f} vs recorded {before:.3f}: REGRESSION (more than 20 % worse)")
            worse = True
        else:
            print(f"  {figure}: ratio {now:.3f} vs recorded {before:.3f}: kept")
    sys.exit(1 if worse else 0)


main()
