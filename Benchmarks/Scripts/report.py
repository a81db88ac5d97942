#!/usr/bin/env python3
"""Compare the benchmark figures with the design's targets: one table, and the same figures as JSON.

Reads the JSON lines that `sentiment-bench --json`, `ops/bench-python-vader.py --json`,
`state-memory-bench --json` and, when given, `pipeline-bench --json` and `zmq-baseline --json` printed, prints `what | measured | target | verdict`, and writes everything to
`--json FILE` when asked. Exits 0 when every target is met and 3 when one is missed. `ops/bench` runs it.

Usage:
    report.py SENTIMENT.json PYTHON.json STATE.json [--pipeline PIPELINE.json --baseline BASELINE.json]
              [--json FILE]
"""
import argparse
import json
import sys

# The targets of DESIGN.md ("Targets").
VADER_SPEEDUP = 30.0
BYTES_PER_CUSTOMER = 300.0
END_TO_END_SHARE = 0.25
LATENCY_P99_MS = 20.0
# Both checksums sum compound scores rounded to 4 places; rounding a half either way moves a sum by 0.0001.
CHECKSUM_TOLERANCE = 0.001


def read(path):
    with open(path, encoding="utf-8") as handle:
        return json.loads(handle.read())


def figures(swift, python, state):
    """The headline numbers, flat, as numbers."""
    sizes = state["serialized_bytes"]
    return {
        "vader_texts_per_second": swift["vader"]["per_second"],
        "python_vader_texts_per_second": python["vader"]["per_second"],
        "vader_speedup": swift["vader"]["per_second"] / python["vader"]["per_second"],
        "compound_checksum_gap": swift["compound_checksum"] - python["compound_checksum"],
        "assess_texts_per_second": swift["assess"]["per_second"],
        "assess_speedup": swift["assess"]["per_second"] / python["vader"]["per_second"],
        "customers_simulated": state["customers_simulated"],
        "customers_held": state["customers_held"],
        "bytes_per_customer": state["bytes_per_customer"],
        "bytes_per_customer_unreleased": state["bytes_per_customer_unreleased"],
        "serialized_bytes_mean": sizes["mean"],
        "serialized_bytes_p50": sizes["p50"],
        "serialized_bytes_p99": sizes["p99"],
        "serialized_bytes_max": sizes["max"],
        "apply_events_per_second": state["apply"]["per_second"],
    }


def pipeline_figures(pipeline, baseline):
    """The end-to-end numbers, flat: throughput per number of scoring processes, latency, rejections."""
    numbers = {
        "event_binary_bytes_mean": pipeline["mean_binary_bytes"],
        "event_json_bytes_mean": pipeline["mean_json_bytes"],
        "zmq_message_bytes": baseline["bytes"],
        "zmq_messages_per_second": baseline["per_second"],
        "pipeline_events": pipeline["events"],
    }
    for run in pipeline["throughput"]:
        key = f"scorers_{run['score_workers']}"
        numbers[f"end_to_end_events_per_second_{key}"] = run["events_per_second"]
        numbers[f"ingest_events_per_second_{key}"] = run["ingest_events_per_second"]
    best = max(run["events_per_second"] for run in pipeline["throughput"])
    numbers["end_to_end_events_per_second_best"] = best
    numbers["end_to_end_share_of_zmq"] = best / baseline["per_second"]
    latency = pipeline["latency"]
    for key in ("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "mean_poll_ms", "ack_p50_ms",
                "ack_p99_ms"):
        numbers[f"alert_latency_{key}"] = latency[key]
    numbers["alert_latency_samples"] = latency["samples"]
    numbers["alert_latency_lost"] = latency["lost"]
    numbers["alert_latency_load_events_per_second"] = latency["load_achieved_events_per_second"]
    quarter = pipeline.get("quarter_load_latency")
    if quarter:
        for key in ("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "ack_p50_ms", "ack_p99_ms"):
            numbers[f"alert_latency_quarter_load_{key}"] = quarter[key]
        numbers["alert_latency_quarter_load_samples"] = quarter["samples"]
        numbers["alert_latency_quarter_load_lost"] = quarter["lost"]
        numbers["alert_latency_quarter_load_events_per_second"] = quarter["load_achieved_events_per_second"]
    numbers["rejected_per_second"] = pipeline["rejection"]["rejected_per_second"]
    return numbers


def pipeline_rows(n, pipeline):
    """The end-to-end part of the table."""

    def verdict(ok):
        return "pass" if ok else "FAIL"

    lines = [
        ("event size, binary (baseline message size) / JSON",
         f"{n['event_binary_bytes_mean']:.1f} / {n['event_json_bytes_mean']:.1f} bytes", "", ""),
        (f"(a) libzmq PUSH->PULL, 2 processes, {n['zmq_message_bytes']}-byte messages/s",
         f"{n['zmq_messages_per_second']:,.0f}", "", ""),
    ]
    for run in pipeline["throughput"]:
        count = run["score_workers"]
        lines.append((f"(b) end to end events/s, durable, {count} scoring + 1 reward",
                      f"{run['events_per_second']:,.0f}", "", ""))
        lines.append((f"    ingest journalled events/s, {count} scoring", f"{run['ingest_events_per_second']:,.0f}",
                      "", ""))
    lines.append(("(b)/(a), best end to end / libzmq", f"{100 * n['end_to_end_share_of_zmq']:.1f}%",
                  f">= {100 * END_TO_END_SHARE:.0f}%", verdict(n["end_to_end_share_of_zmq"] >= END_TO_END_SHARE)))
    latency = pipeline["latency"]
    lines.append((f"(c) mention -> alert in report API, p50 / p99 / p99.9 ms "
                  f"({latency['samples']} at {n['alert_latency_load_events_per_second']:,.0f} events/s)",
                  f"{n['alert_latency_p50_ms']:.1f} / {n['alert_latency_p99_ms']:.1f} / "
                  f"{n['alert_latency_p999_ms']:.1f}", f"p99 < {LATENCY_P99_MS:.0f}",
                  verdict(n["alert_latency_p99_ms"] < LATENCY_P99_MS and latency["lost"] == 0)))
    lines.append(("    of which ingest's durable acknowledgement, p50 / p99 ms; one poll of the API, mean ms",
                  f"{n['alert_latency_ack_p50_ms']:.1f} / {n['alert_latency_ack_p99_ms']:.1f}; "
                  f"{n['alert_latency_mean_poll_ms']:.2f}", "", ""))
    quarter = pipeline.get("quarter_load_latency")
    if quarter:
        lines.append((f"    the same at a quarter of (b), p50 / p99 / p99.9 ms "
                      f"({quarter['samples']} at {n['alert_latency_quarter_load_events_per_second']:,.0f} events/s)",
                      f"{n['alert_latency_quarter_load_p50_ms']:.1f} / {n['alert_latency_quarter_load_p99_ms']:.1f} / "
                      f"{n['alert_latency_quarter_load_p999_ms']:.1f}", "", ""))
        lines.append(("    of which ingest's durable acknowledgement, p50 / p99 ms",
                      f"{n['alert_latency_quarter_load_ack_p50_ms']:.1f} / "
                      f"{n['alert_latency_quarter_load_ack_p99_ms']:.1f}", "", ""))
    lines.append(("(f) ingest rejections/s (bad events, each its own error)", f"{n['rejected_per_second']:,.0f}", "",
                  ""))
    return lines


def rows(numbers, python_version):
    """The table: (what, measured, target, verdict); verdict is empty for figures without a target."""
    n = numbers

    def verdict(ok):
        return "pass" if ok else "FAIL"

    return [
        ("VADER texts/s, Swift SentimentAnalyzer.scores", f"{n['vader_texts_per_second']:,.0f}", "", ""),
        (f"VADER texts/s, Python vaderSentiment {python_version}", f"{n['python_vader_texts_per_second']:,.0f}",
         "", ""),
        ("(d) VADER speed, Swift / Python", f"{n['vader_speedup']:.1f}x", f">= {VADER_SPEEDUP:.0f}x",
         verdict(n["vader_speedup"] >= VADER_SPEEDUP)),
        ("VADER compound checksum, Swift - Python", f"{n['compound_checksum_gap']:+.4f}",
         f"|d| <= {CHECKSUM_TOLERANCE}", verdict(abs(n["compound_checksum_gap"]) <= CHECKSUM_TOLERANCE)),
        ("assess texts/s, Swift TextAssessor (VADER + complaints)", f"{n['assess_texts_per_second']:,.0f}", "", ""),
        ("assess speed, Swift assess / Python VADER", f"{n['assess_speedup']:.1f}x", "", ""),
        ("customers with state (simulated)", f"{n['customers_held']:,} ({n['customers_simulated']:,})", "", ""),
        ("(e) state in memory, bytes/customer (RSS after - before)", f"{n['bytes_per_customer']:.1f}",
         f"< {BYTES_PER_CUSTOMER:.0f}", verdict(n["bytes_per_customer"] < BYTES_PER_CUSTOMER)),
        ("state in memory, before free pages returned", f"{n['bytes_per_customer_unreleased']:.1f}", "", ""),
        ("serialized state bytes, mean / p50 / p99 / max",
         f"{n['serialized_bytes_mean']:.1f} / {n['serialized_bytes_p50']} / {n['serialized_bytes_p99']} / "
         f"{n['serialized_bytes_max']}", "", ""),
        ("apply events/s, AdvocacyModel with TextAssessor", f"{n['apply_events_per_second']:,.0f}", "", ""),
    ]


def table(lines):
    header = ("what", "measured", "target", "verdict")
    widths = [max(len(row[column]) for row in [header] + lines) for column in range(4)]

    def format_row(row):
        return " | ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    rule = "-+-".join("-" * width for width in widths)
    return "\n".join([format_row(header), rule] + [format_row(row) for row in lines])


def main():
    parser = argparse.ArgumentParser(description="Compare benchmark figures with the targets.")
    parser.add_argument("sentiment")
    parser.add_argument("python")
    parser.add_argument("state")
    parser.add_argument("--pipeline", metavar="FILE", help="pipeline-bench --json output")
    parser.add_argument("--baseline", metavar="FILE", help="zmq-baseline --json output")
    parser.add_argument("--json", metavar="FILE", help="also write the figures and verdicts as JSON")
    options = parser.parse_args()

    swift, python, state = read(options.sentiment), read(options.python), read(options.state)
    numbers = figures(swift, python, state)
    lines = rows(numbers, python["version"])
    pipeline = baseline = None
    if options.pipeline and options.baseline:
        pipeline, baseline = read(options.pipeline), read(options.baseline)
        extra = pipeline_figures(pipeline, baseline)
        numbers.update(extra)
        lines = pipeline_rows(extra, pipeline) + lines
    print(table(lines))
    failed = [row[0] for row in lines if row[3] == "FAIL"]
    if options.json:
        document = {
            "figures": numbers,
            "rows": [dict(zip(("what", "measured", "target", "verdict"), row)) for row in lines],
            "passed": not failed,
            "sentiment": swift,
            "python_vader": python,
            "state": state,
            "pipeline": pipeline,
            "zmq_baseline": baseline,
        }
        with open(options.json, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=2, sort_keys=True)
            handle.write("\n")
    if failed:
        print("missed: " + "; ".join(failed), file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main()
