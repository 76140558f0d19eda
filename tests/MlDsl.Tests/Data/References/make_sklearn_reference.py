#!/usr/bin/python3
"""Reference values for MlDsl's data steps, computed with Debian's python3-sklearn.

Run from the repository root (needs `apt-get install -y python3-sklearn`):

    /usr/bin/python3 tests/MlDsl.Tests/Data/References/make_sklearn_reference.py

It writes sklearn_reference.json beside itself. The C# tests read their inputs from the JSON too,
so inputs and expected values can never drift apart. Every input is float32-exact (the C# rows hold
float features), so both sides compute on identical numbers.

Debian 12 ships scikit-learn 1.2.1, which has no TargetEncoder (added in 1.3). Its reference is
computed here with numpy following scikit-learn 1.3's sklearn/preprocessing/_target_encoder.py and
_target_encoder_fast.pyx (the formulas are written out in target_encoding() below), with the fold
assignment taken from sklearn's own StratifiedKFold / KFold (shuffle=False), exactly as
TargetEncoder.fit_transform builds it.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.feature_selection import (SelectKBest, chi2, f_classif, f_regression,
                                       mutual_info_classif, r_regression)
from sklearn.impute import SimpleImputer
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit

HERE = os.path.dirname(os.path.abspath(__file__))


def floats(a):
    """As float32 then float64: the values the C# float rows hold."""
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def listed(a):
    """JSON has no NaN: missing values are written as null."""
    return [[None if np.isnan(v) else float(v) for v in row] for row in np.asarray(a, dtype=np.float64)]


def imputer_reference():
    nan = np.nan
    train = floats([[1, 2, nan, nan], [3, nan, 5, nan], [nan, 4, 5, nan], [7, 4, 1, nan], [3, 8, 2, nan], [3, nan, 1, nan]])
    new = floats([[nan, nan, nan, nan], [2, 3, 4, nan], [nan, 1, nan, 9]])
    out = {"train": listed(train), "new": listed(new), "strategies": {}}
    for strategy, extra in [("mean", {}), ("median", {}), ("most_frequent", {}), ("constant", {"fill_value": -1.0})]:
        # keep_empty_features: a fixed-shape row cannot drop the all-missing column, so it is kept (filled with 0).
        imputer = SimpleImputer(strategy=strategy, keep_empty_features=True, add_indicator=True, **extra).fit(train)
        out["strategies"][strategy] = {
            "statistics": [float(v) for v in imputer.statistics_],
            "train_out": listed(imputer.transform(train)),
            "new_out": listed(imputer.transform(new)),
            "indicator_features": [int(i) for i in imputer.indicator_.features_],
        }
    return out


def selection_case(x, y, classification, k):
    x = floats(x)
    case = {"x": x.tolist(), "y": [float(v) for v in y], "k": k}
    if classification:
        f, p = f_classif(x, y)
        case["f_classif"] = {"scores": f.tolist(), "pvalues": p.tolist(),
                             "selected": SelectKBest(f_classif, k=k).fit(x, y).get_support(indices=True).tolist()}
        if (x >= 0).all():
            c, p = chi2(x, y)
            case["chi2"] = {"scores": c.tolist(), "pvalues": p.tolist(),
                            "selected": SelectKBest(chi2, k=k).fit(x, y).get_support(indices=True).tolist()}
        mi = mutual_info_classif(x, y, discrete_features=True)
        score = lambda a, b: mutual_info_classif(a, b, discrete_features=True)
        case["mutual_info_classif"] = {"scores": mi.tolist(),
                                       "selected": SelectKBest(score, k=k).fit(x, y).get_support(indices=True).tolist()}
    else:
        f, p = f_regression(x, y)
        case["f_regression"] = {"scores": f.tolist(), "pvalues": p.tolist(),
                                "selected": SelectKBest(f_regression, k=k).fit(x, y).get_support(indices=True).tolist()}
        case["r_regression"] = {"scores": r_regression(x, y).tolist()}
    return case


def selection_reference():
    x = [[1, 0, 3, 2], [2, 1, 3, 0], [1, 1, 2, 5], [4, 0, 1, 1], [5, 2, 1, 0], [4, 1, 0, 2], [0, 3, 3, 1], [1, 3, 2, 1], [2, 2, 0, 4]]
    y = [0, 0, 0, 1, 1, 1, 2, 2, 2]
    regression_y = floats([1.5, 2.0, 3.5, 4.0, 5.5, 6.0, 6.5, 8.0, 9.5])
    cancer = load_breast_cancer()
    cancer_x = floats(cancer.data)
    return {
        "small_classification": selection_case(x, y, True, 2),
        "small_regression": selection_case(x, regression_y, False, 2),
        # The real CSV: only the expected numbers are stored, the C# test reads the same CSV.
        "breast_cancer": {
            "k": 10,
            "f_classif": dict(zip(["scores", "pvalues"], [a.tolist() for a in f_classif(cancer_x, cancer.target)]),
                              selected=SelectKBest(f_classif, k=10).fit(cancer_x, cancer.target).get_support(indices=True).tolist()),
            "chi2": dict(zip(["scores", "pvalues"], [a.tolist() for a in chi2(cancer_x, cancer.target)]),
                         selected=SelectKBest(chi2, k=10).fit(cancer_x, cancer.target).get_support(indices=True).tolist()),
        },
    }


def encode(categories, y, smooth, y_mean):
    """One category -> encoding table, as scikit-learn 1.3's _fit_encoding_fast(_auto_smooth)."""
    table = {}
    y_variance = np.var(y)
    for category in sorted(set(categories)):
        values = y[categories == category]
        n = len(values)
        if smooth == "auto":
            # Micci-Barreca 2001, eq. 5-6: lambda = n var(y) / (n var(y) + var_within); nan -> the mean.
            within = np.sum((values - values.mean()) ** 2) / n
            with np.errstate(invalid="ignore", divide="ignore"):
                lam = y_variance * n / (y_variance * n + within)
            table[category] = y_mean if np.isnan(lam) else lam * values.mean() + (1 - lam) * y_mean
        else:
            # Micci-Barreca 2001, eq. 7: (sum + m * mean) / (n + m).
            table[category] = (values.sum() + smooth * y_mean) / (n + smooth)
    return table


def target_encoding(categories, y, new, smooth, binary, folds=5):
    categories = np.asarray(categories, dtype=object)
    y = np.asarray(y, dtype=np.float64)
    target_mean = float(np.mean(y))
    full = encode(categories, y, smooth, target_mean)
    splitter = StratifiedKFold(folds, shuffle=False) if binary else KFold(folds, shuffle=False)
    out_of_fold = np.empty(len(y))
    fold_of = np.empty(len(y), dtype=int)
    for fold, (train_idx, test_idx) in enumerate(splitter.split(np.zeros((len(y), 1)), y)):
        fold_mean = float(np.mean(y[train_idx]))
        table = encode(categories[train_idx], y[train_idx], smooth, fold_mean)
        # Categories absent from this fold's training part encode as that part's mean.
        out_of_fold[test_idx] = [table.get(c, fold_mean) for c in categories[test_idx]]
        fold_of[test_idx] = fold
    return {
        "categories": categories.tolist(), "y": y.tolist(), "new": new, "smooth": smooth, "binary": binary,
        "target_mean": target_mean,
        "encodings": {c: float(v) for c, v in full.items()},
        "train_out": out_of_fold.tolist(),
        "fold_of": fold_of.tolist(),
        "new_out": [float(full.get(c, target_mean)) for c in new],
    }


def target_encoder_reference():
    cats = ["a", "b", "a", "c", "b", "a", "c", "c", "a", "b", "d", "a", "b", "c", "a", "d", "b", "a", "c", "b"]
    binary_y = [1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0]
    continuous_y = floats([3.5, 1.0, 4.0, 2.5, 1.5, 5.0, 2.0, 3.0, 4.5, 0.5, 6.0, 3.5, 1.0, 2.5, 4.0, 5.5, 2.0, 3.0, 1.5, 0.0]).tolist()
    new = ["a", "d", "zzz"]
    return {
        "binary_auto": target_encoding(cats, binary_y, new, "auto", True),
        "binary_smooth": target_encoding(cats, binary_y, new, 2.0, True),
        "continuous_auto": target_encoding(cats, continuous_y, new, "auto", False),
    }


def folds(splitter, *args):
    return [{"train": tr.tolist(), "validation": te.tolist()} for tr, te in splitter.split(*args)]


def folds_reference():
    n = 13
    x = np.zeros((n, 1))
    # Classes in order of first appearance 2, 0, 1: StratifiedKFold encodes them in that order.
    y = [2, 0, 0, 1, 2, 0, 0, 1, 0, 2, 0, 0, 1]
    groups = [5, 5, 1, 2, 2, 2, 3, 4, 4, 0, 0, 0, 0]
    return {
        "n": n, "y": y, "groups": groups,
        "kfold_5": folds(KFold(5), x),
        "kfold_3": folds(KFold(3), x),
        "stratified_3": folds(StratifiedKFold(3), x, y),
        "grouped_3": folds(GroupKFold(3), x, y, groups),
        "time_series_3": folds(TimeSeriesSplit(3), x),
        "time_series_gap": folds(TimeSeriesSplit(3, gap=1, max_train_size=4, test_size=2), x),
    }


def main():
    reference = {
        "sklearn_version": sklearn.__version__,
        "imputer": imputer_reference(),
        "selection": selection_reference(),
        "target_encoder": target_encoder_reference(),
        "folds": folds_reference(),
    }
    with open(os.path.join(HERE, "sklearn_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
