#!/usr/bin/env python3
"""Evaluate TREC run files against TREC qrels with pytrec_eval (trec_eval), for cross-checking
ler-match's metrics. Usage: trec-check.py QRELS RUN [RUN...] [--cutoffs 1,3,5,10,20]
Prints JSON: {run file: {position: {metric: value}}} with ler-match metric names
(map, mrr, ndcg@k, p@k, r@k)."""
import json
import sys

try:
    import pytrec_eval
except ImportError:
    sys.stderr.write("pytrec_eval is missing: pip install pytrec-eval-terrier\n")
    sys.exit(3)


def read_nested(path, width, entry):
    """{query: {doc: value}} from the lines of PATH that have WIDTH fields; ENTRY(fields) gives
    (query, doc, value). Other lines (blank, malformed) are passed over."""
    table = {}
    with open(path) as f:
        for parts in (line.split() for line in f):
            if len(parts) == width:
                q, d, value = entry(parts)
                table.setdefault(q, {})[d] = value
    return table


def read_qrels(path):
    """qrels lines: query iteration doc grade."""
    return read_nested(path, 4, lambda p: (p[0], p[2], int(p[3])))


def read_run(path):
    """run lines: query Q0 doc rank score tag."""
    return read_nested(path, 6, lambda p: (p[0], p[2], float(p[4])))


def rename(measure):
    if measure == "recip_rank":
        return "mrr"
    for prefix, ours in (("ndcg_cut_", "ndcg@"), ("P_", "p@"), ("recall_", "r@")):
        if measure.startswith(prefix):
            return ours + measure[len(prefix):]
    return measure


def main(argv):
    cutoffs = "1,3,5,10,20"
    if "--cutoffs" in argv:
        i = argv.index("--cutoffs")
        cutoffs = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    qrels = read_qrels(argv[0])
    measures = {"map", "recip_rank", f"P.{cutoffs}", f"recall.{cutoffs}", f"ndcg_cut.{cutoffs}"}
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, measures)
    out = {}
    for path in argv[1:]:
        per_query = evaluator.evaluate(read_run(path))
        out[path] = {q: {rename(m): v for m, v in ms.items()} for q, ms in per_query.items()}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
