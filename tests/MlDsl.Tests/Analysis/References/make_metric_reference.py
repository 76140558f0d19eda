#!/usr/bin/python3
"""Reference values for MlDsl's classification, multi-label and drift metrics, computed with Debian's
python3-sklearn (1.2.1) and python3-scipy (1.10.1).

Run from the repository root (needs `apt-get install -y python3-sklearn python3-scipy`):

    /usr/bin/python3 tests/MlDsl.Tests/Analysis/References/make_metric_reference.py

It writes metric_reference.json beside itself; the C# tests read their inputs from it too. Every
probability and sample is float32-exact (the C# side holds floats). Every class is present and
predicted, so scikit-learn 1.2's zero_division (which has no np.nan yet) never applies.

The expected calibration error has no scikit-learn function; it is written out below with numpy,
using calibration_curve's own binning (np.searchsorted over np.linspace's inner edges).
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy.stats import ks_2samp
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, f1_score,
                             log_loss, precision_recall_curve, precision_score, recall_score, roc_auc_score)

HERE = os.path.dirname(os.path.abspath(__file__))


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def averaged(y_true, y_pred, averages):
    out = {}
    for average in averages:
        out[f"precision_{average}"] = precision_score(y_true, y_pred, average=average)
        out[f"recall_{average}"] = recall_score(y_true, y_pred, average=average)
        out[f"f1_{average}"] = f1_score(y_true, y_pred, average=average)
    return out


def expected_calibration_error(right, confidence, n_bins=10):
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(bins[1:-1], confidence)
    total = np.bincount(ids, minlength=n_bins)
    hits = np.bincount(ids, weights=right, minlength=n_bins)
    sums = np.bincount(ids, weights=confidence, minlength=n_bins)
    used = total > 0
    return float(np.sum(total[used] / len(confidence) * np.abs(hits[used] / total[used] - sums[used] / total[used])))


def multiclass():
    rng = np.random.default_rng(20261130)
    n, classes = 60, 4
    y_true = np.arange(n) % classes
    logits = rng.normal(size=(n, classes)) + 1.5 * np.eye(classes)[y_true]
    p = np.exp(logits)
    p = f32(p / p.sum(axis=1, keepdims=True))
    y_pred = p.argmax(axis=1)
    out = {"y_true": y_true.tolist(), "y_pred": y_pred.tolist(), "proba": p.tolist(),
           "accuracy": accuracy_score(y_true, y_pred), "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
           "log_loss": log_loss(y_true, p, labels=list(range(classes))),
           "expected_calibration_error": expected_calibration_error((y_pred == y_true).astype(float), p[np.arange(n), y_pred])}
    out.update(averaged(y_true, y_pred, ["macro", "weighted"]))
    return out


def binary():
    rng = np.random.default_rng(7)
    n = 50
    y_true = (np.arange(n) % 3 == 0).astype(int)
    # Rounded to two decimals so several rows tie on a threshold, as real scores do.
    score = f32(np.round(np.clip(0.35 * y_true + rng.uniform(0.0, 0.65, size=n), 0.0, 1.0), 2))
    y_pred = (score >= 0.5).astype(int)
    precision, recall, thresholds = precision_recall_curve(y_true, score)
    prob_true, prob_pred = calibration_curve(y_true, score, n_bins=10)
    proba = np.stack([1 - score, score], axis=1)
    out = {"y_true": y_true.tolist(), "score": score.tolist(), "y_pred": y_pred.tolist(),
           "average_precision": average_precision_score(y_true, score),
           "precision_curve": precision.tolist(), "recall_curve": recall.tolist(), "thresholds": thresholds.tolist(),
           "calibration_fraction_positive": prob_true.tolist(), "calibration_mean_predicted": prob_pred.tolist(),
           "log_loss": log_loss(y_true, proba), "balanced_accuracy": balanced_accuracy_score(y_true, y_pred),
           "roc_auc": roc_auc_score(y_true, score)}
    out.update(averaged(y_true, y_pred, ["macro", "weighted"]))
    return out


def multilabel():
    rng = np.random.default_rng(5)
    n, labels = 40, 5
    y_true = (rng.uniform(size=(n, labels)) < 0.4).astype(int)
    y_pred = np.where(rng.uniform(size=(n, labels)) < 0.8, y_true, 1 - y_true)
    for m in (y_true, y_pred):  # every row has a label, so samples averages are defined everywhere
        m[m.sum(axis=1) == 0, 0] = 1
    out = {"y_true": y_true.tolist(), "y_pred": y_pred.tolist()}
    out.update(averaged(y_true, y_pred, ["macro", "weighted", "samples", "micro"]))
    return out


def ks():
    rng = np.random.default_rng(3)
    cases = []
    for n1, n2, shift in [(5, 7, 0.8), (10, 10, 0.5), (20, 13, 1.0), (30, 45, 0.3), (60, 60, 0.6), (8, 200, 1.2)]:
        a = f32(rng.normal(size=n1))
        b = f32(rng.normal(loc=shift, size=n2))
        exact = ks_2samp(a, b, method="exact")
        auto = ks_2samp(a, b)
        cases.append({"a": a.tolist(), "b": b.tolist(), "statistic": float(exact.statistic), "exact_pvalue": float(exact.pvalue), "auto_pvalue": float(auto.pvalue)})
    return cases


def main():
    reference = {"sklearn": sklearn.__version__, "scipy": scipy.__version__,
                 "multiclass": multiclass(), "binary": binary(), "multilabel": multilabel(), "ks": ks()}
    with open(os.path.join(HERE, "metric_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
