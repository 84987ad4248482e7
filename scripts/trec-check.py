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


def read_qrels(path):
    qrels = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 4:
                continue
            q, _, d, g = parts
            qrels.setdefault(q, {})[d] = int(g)
    return qrels


def read_run(path):
    run = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 6:
                continue
            q, _, d, _, score, _ = parts
            run.setdefault(q, {})[d] = float(score)
    return run


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
