"""Regenerate index/data/zipf-en.txt.gz, how common each English word is, from `wordfreq`.

The table lets the engine tell a question's specific concepts ("GDP", "toll", "Russia") from its
generic words ("happen", "name", "kind") without importing wordfreq (0.6 s) when it answers.
Data: wordfreq 3.x, English "large" list (Robyn Speer, CC BY-SA 4.0); words with a Zipf
frequency of at least 2.5, one bucket a line: "zipf word word ...". Run:
`pip install wordfreq && python -m benchmarks.specificity`.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import defaultdict
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "index" / "data" / "zipf-en.txt.gz"
LOWEST = 2.5
WORD = re.compile(r"[a-z][a-z'-]*")


def main() -> None:
    """Write the table."""
    from wordfreq import get_frequency_dict

    buckets: dict[float, list[str]] = defaultdict(list)
    for word, frequency in get_frequency_dict("en", "large").items():
        zipf = round(math.log10(frequency) + 9, 1)
        if zipf >= LOWEST and WORD.fullmatch(word):
            buckets[zipf].append(word)
    lines = [f"{zipf} {' '.join(sorted(words))}" for zipf, words in sorted(buckets.items())]
    data = ("\n".join(lines) + "\n").encode()
    TABLE.write_bytes(gzip.compress(data, mtime=0))  # the same bytes every time
    print(f"{sum(map(len, buckets.values()))} words in {TABLE}")


if __name__ == "__main__":
    main()
