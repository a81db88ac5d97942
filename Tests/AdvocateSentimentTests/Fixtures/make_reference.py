#!/usr/bin/env python3
"""Write vader_reference.tsv: the reference VADER scores of the 4,200 ground-truth tweets.

Runs vaderSentiment 3.3.2 (PyPI) over shared/data/vader/tweets_GroundTruth.txt and writes one line per
tweet: id, compound, pos, neu, neg. The reference rounds its outputs (compound to 4 places, the
proportions to 3); this script disables that rounding so the Swift test can compare full-precision
values, written with repr() so they read back to the same doubles.

Usage (from the repository root):
    python3 Tests/AdvocateSentimentTests/Fixtures/make_reference.py [TWEETS] [OUT]
"""
import os
import sys

from vaderSentiment import vaderSentiment as vader

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TWEETS = os.path.join(HERE, "..", "..", "..", "..", "shared", "data", "vader", "tweets_GroundTruth.txt")
DEFAULT_OUT = os.path.join(HERE, "vader_reference.tsv")


def read_tweets(path):
    """Yield (id, text); the file is UTF-8 with CRLF line ends and tab-separated id, rating, text."""
    with open(path, "rb") as handle:
        content = handle.read().decode("utf-8")
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line:
            continue
        fields = line.split("\t", 2)
        if len(fields) != 3:
            raise SystemExit(f"{path}:{number}: expected 3 tab-separated fields, got {len(fields)}")
        yield fields[0], fields[2]


def main():
    tweets = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_TWEETS
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    # score_valence calls the module-level name `round`; shadowing it keeps full precision.
    vader.round = lambda value, digits=None: value
    analyzer = vader.SentimentIntensityAnalyzer()
    rows = 0
    with open(out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("id\tcompound\tpos\tneu\tneg\n")
        for tweet_id, text in read_tweets(tweets):
            scores = analyzer.polarity_scores(text)
            fields = [tweet_id] + [repr(float(scores[key])) for key in ("compound", "pos", "neu", "neg")]
            handle.write("\t".join(fields) + "\n")
            rows += 1
    print(f"wrote {rows} rows to {out}")


if __name__ == "__main__":
    main()
