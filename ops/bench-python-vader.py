#!/usr/bin/env python3
"""Time the Python reference VADER (vaderSentiment 3.3.2, PyPI) on the VADER ground-truth tweets.

Scores the same texts the same way as the Swift `sentiment-bench`: one untimed pass (which also gives the
checksum), then whole passes over all texts until the time is up, and prints texts/s. The checksum is the sum
of the compound scores as the reference returns them (rounded to 4 places), to compare with the Swift one.
Installs vaderSentiment 3.3.2 with pip when it is missing; refuses another installed version.

Usage (from the repository root):
    python3 ops/bench-python-vader.py [--seconds S] [--json] [TWEETS]
"""
import argparse
import importlib
import importlib.metadata
import json
import os
import subprocess
import sys
import time

VERSION = "3.3.2"
MAX_FILE_BYTES = 16 * 1024 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TWEETS = os.path.join(HERE, "..", "..", "shared", "data", "vader", "tweets_GroundTruth.txt")


def load_vader():
    """Import the reference, installing it first when it is missing."""
    try:
        installed = importlib.metadata.version("vaderSentiment")
    except importlib.metadata.PackageNotFoundError:
        print(f"bench-python-vader: installing vaderSentiment=={VERSION}", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", f"vaderSentiment=={VERSION}"],
            check=True, stdout=sys.stderr,
        )
        importlib.invalidate_caches()
        installed = importlib.metadata.version("vaderSentiment")
    if installed != VERSION:
        sys.exit(f"bench-python-vader: vaderSentiment {installed} is installed, the reference is {VERSION}: "
                 f"pip install vaderSentiment=={VERSION}")
    return importlib.import_module("vaderSentiment.vaderSentiment")


def read_texts(path):
    """The third field of every non-blank line: the file is UTF-8, CRLF or LF, id<TAB>rating<TAB>text."""
    with open(path, "rb") as handle:
        content = handle.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        sys.exit(f"bench-python-vader: {path} is larger than {MAX_FILE_BYTES} bytes")
    texts = []
    for number, line in enumerate(content.decode("utf-8").split("\n"), start=1):
        line = line.rstrip("\r")
        if not line:
            continue
        fields = line.split("\t", 2)
        if len(fields) != 3:
            sys.exit(f"bench-python-vader: {path}:{number}: expected 3 tab-separated fields, got {len(fields)}")
        texts.append(fields[2])
    if not texts:
        sys.exit(f"bench-python-vader: {path} holds no texts")
    return texts


def measure(analyzer, texts, seconds):
    """Whole passes over the texts until `seconds` have passed (at least one); returns (texts, elapsed)."""
    start = time.perf_counter()
    passes = 0
    while True:
        for text in texts:
            analyzer.polarity_scores(text)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return passes * len(texts), elapsed


def main():
    parser = argparse.ArgumentParser(description="Time the reference vaderSentiment on the ground-truth tweets.")
    parser.add_argument("tweets", nargs="?", default=DEFAULT_TWEETS, help="id<TAB>rating<TAB>text per line")
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to keep scoring (0.1 to 600)")
    parser.add_argument("--json", action="store_true", help="print the figures as one line of JSON")
    options = parser.parse_args()
    if not 0.1 <= options.seconds <= 600:
        parser.error(f"--seconds {options.seconds} is not 0.1 to 600")

    vader = load_vader()
    texts = read_texts(options.tweets)
    analyzer = vader.SentimentIntensityAnalyzer()
    checksum = sum(analyzer.polarity_scores(text)["compound"] for text in texts)
    items, elapsed = measure(analyzer, texts, options.seconds)
    rate = items / elapsed
    if options.json:
        figures = {
            "texts": len(texts), "compound_checksum": checksum, "version": VERSION,
            "python": sys.version.split()[0],
            "vader": {"items": items, "seconds": elapsed, "per_second": rate},
        }
        print(json.dumps(figures, sort_keys=True))
    else:
        print(f"vaderSentiment {VERSION} (Python {sys.version.split()[0]}), {len(texts):,} texts per pass, "
              f"after one untimed pass:")
        print(f"  polarity_scores  {rate:,.0f} texts/s  ({items:,} texts in {elapsed:.2f} s)")
        print(f"  compound checksum {checksum:.4f}")


if __name__ == "__main__":
    main()
