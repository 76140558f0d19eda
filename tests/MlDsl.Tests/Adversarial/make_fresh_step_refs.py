#!/usr/bin/python3
"""Reference values for FreshStepCases.cs, computed with Debian's python3-sklearn (1.2.1).

Run from the repository root (needs `apt-get install -y python3-sklearn`):

    /usr/bin/python3 tests/MlDsl.Tests/Adversarial/make_fresh_step_refs.py > tests/MlDsl.Tests/Adversarial/FreshStepReferences.cs

It prints a C# file of constants: the inputs and what scikit-learn computes from them. The inputs
are new ones, not those of tests/MlDsl.Tests/Data/References: an all-missing column, ties in
most_frequent (scikit-learn keeps the smallest), a single present value, a constant column, a
feature with no spread inside its classes (F = inf), k = every feature, a class with one row in
stratified folds, integer group keys whose text order differs from their numeric order, and
time-series folds with a gap. Every value is float32-exact, as the C# rows hold floats.

Not here, and why: TargetEncoder (Debian's scikit-learn 1.2.1 has none; it came in 1.3) and SMOTE
(imbalanced-learn is not packaged for Debian 12); FreshStepCases.cs checks their properties instead.
mutual_info_classif is compared only with discrete_features=True, where scikit-learn computes
mutual_info_score exactly (the continuous estimator adds random noise).
"""
import math

import numpy as np
import sklearn
from sklearn.feature_selection import SelectKBest, chi2, f_classif, mutual_info_classif
from sklearn.impute import SimpleImputer
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit

nan = np.nan


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def num(v):
    v = float(v)
    if math.isnan(v):
        return "double.NaN"
    if math.isinf(v):
        return "double.PositiveInfinity" if v > 0 else "double.NegativeInfinity"
    return repr(v)


def vector(values):
    return "[" + ", ".join(num(v) for v in values) + "]"


def matrix(rows):
    return "[" + ", ".join(vector(r) for r in rows) + "]"


def ints(values):
    return "[" + ", ".join(str(int(v)) for v in values) + "]"


def int_matrix(rows):
    return "[" + ", ".join(ints(r) for r in rows) + "]"


out = []


def const(name, kind, value):
    out.append(f"    public static readonly {kind} {name} = {value};")


# --- SimpleImputer: two NaN patterns -------------------------------------------------------
IMPUTE_A = f32([[2, nan, 1, nan, 0.25],
                [2, nan, 3, 4, 0.25],
                [5, nan, 3, nan, 0.75],
                [5, nan, 7, 10, 0.75],
                [nan, nan, 9, 1.5, nan]])
IMPUTE_B = f32([[-1, nan, 0, 1e6, 8],
                [-1, nan, 0, 3, nan],
                [4, nan, 0, nan, nan],
                [4, nan, 0, 3, nan],
                [nan, nan, 0, 1e6, nan],
                [0.5, 2.5, 0, nan, nan]])
IMPUTE_NEW = f32([[nan, nan, nan, nan, nan], [1, 2, 3, 4, 5], [nan, 6, nan, 8, nan]])
const("ImputeTrainA", "double[][]", matrix(IMPUTE_A))
const("ImputeTrainB", "double[][]", matrix(IMPUTE_B))
const("ImputeNew", "double[][]", matrix(IMPUTE_NEW))
for label, train in [("A", IMPUTE_A), ("B", IMPUTE_B)]:
    for strategy, extra in [("mean", {}), ("median", {}), ("most_frequent", {}), ("constant", {"fill_value": 7.5})]:
        imp = SimpleImputer(strategy=strategy, keep_empty_features=True, add_indicator=True, **extra).fit(train)
        name = "".join(part.capitalize() for part in strategy.split("_")) + label
        const(f"Impute{name}Statistics", "double[]", vector(imp.statistics_))
        const(f"Impute{name}IndicatorFeatures", "int[]", ints(imp.indicator_.features_))
        const(f"Impute{name}NewOut", "double[][]", matrix(imp.transform(IMPUTE_NEW)))

# Signed zeros: numpy counts -0.0 and 0.0 as one value, so zero (2 rows) ties with 5 (2 rows) and the smaller wins.
IMPUTE_C = f32([[-0.0, 1, 1, 1, 1], [0.0, 1, 1, 1, 1], [5, 1, 1, 1, 1], [5, 1, 1, 1, 1], [7, 1, 1, 1, 1], [nan, 1, 1, 1, 1]])
const("ImputeTrainC", "double[][]", matrix(IMPUTE_C))
const("ImputeMostFrequentCStatistics", "double[]", vector(SimpleImputer(strategy="most_frequent").fit(IMPUTE_C).statistics_))

# --- SelectKBest: a constant column, a column with no spread inside its classes, k = all --------
SELECT_X = f32([[1, 3, 0, 2, 5],
                [2, 3, 0, 0, 1],
                [1, 3, 0, 5, 2],
                [4, 3, 1, 1, 0],
                [5, 3, 1, 0, 3],
                [4, 3, 1, 2, 1],
                [0, 3, 2, 1, 4],
                [1, 3, 2, 1, 0],
                [2, 3, 2, 4, 2],
                [3, 3, 2, 0, 0]])
SELECT_Y = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
const("SelectX", "double[][]", matrix(SELECT_X))
const("SelectY", "int[]", ints(SELECT_Y))
with np.errstate(all="ignore"):
    import warnings
    warnings.simplefilter("ignore")
    f, p = f_classif(SELECT_X, SELECT_Y)
    const("AnovaScores", "double[]", vector(f))
    const("AnovaPValues", "double[]", vector(p))
    c, cp = chi2(SELECT_X, SELECT_Y)
    const("ChiScores", "double[]", vector(c))
    const("ChiPValues", "double[]", vector(cp))
    mi = mutual_info_classif(SELECT_X, SELECT_Y, discrete_features=True)
    const("MutualInfoScores", "double[]", vector(mi))
    for k in (2, 5):
        const(f"AnovaSelected{k}", "int[]", ints(SelectKBest(f_classif, k=k).fit(SELECT_X, SELECT_Y).get_support(indices=True)))
        const(f"ChiSelected{k}", "int[]", ints(SelectKBest(chi2, k=k).fit(SELECT_X, SELECT_Y).get_support(indices=True)))
        score = lambda a, b: mutual_info_classif(a, b, discrete_features=True)
        const(f"MutualInfoSelected{k}", "int[]", ints(SelectKBest(score, k=k).fit(SELECT_X, SELECT_Y).get_support(indices=True)))


# --- Folds ----------------------------------------------------------------------------------
def folds(splitter, *args):
    tr, va = zip(*[(a.tolist(), b.tolist()) for a, b in splitter.split(*args)])
    return int_matrix(tr), int_matrix(va)


# A class (7) with a single row: scikit-learn warns and still cuts the folds.
STRAT_Y = [1, 7, 0, 1, 0, 0, 1, 1, 0, 1, 0]
const("StratifiedY", "int[]", ints(STRAT_Y))
tr, va = folds(StratifiedKFold(3), np.zeros((len(STRAT_Y), 1)), STRAT_Y)
const("Stratified3Train", "int[][]", tr)
const("Stratified3Validation", "int[][]", va)

# Integer group keys, equal-sized groups: numeric order 2 < 3 < 10 < 11, text order "10" < "11" < "2" < "3".
GROUPS = [10, 2, 3, 11, 2, 10, 3, 11]
const("Groups", "int[]", ints(GROUPS))
tr, va = folds(GroupKFold(3), np.zeros((len(GROUPS), 1)), None, GROUPS)
const("Grouped3Train", "int[][]", tr)
const("Grouped3Validation", "int[][]", va)

# Negative integer keys: numeric order -12 < -3 < 5 < 7 < 100, text order "-12" < "-3" < "100" < "5" < "7".
GROUPS_SIGNED = [7, -3, 100, 5, -12, -3, 7, 100, -12, 5]
const("SignedGroups", "int[]", ints(GROUPS_SIGNED))
tr, va = folds(GroupKFold(3), np.zeros((len(GROUPS_SIGNED), 1)), None, GROUPS_SIGNED)
const("SignedGrouped3Train", "int[][]", tr)
const("SignedGrouped3Validation", "int[][]", va)

# Text keys that look like numbers: numpy sorts strings as text, "10" < "11" < "2" < "3".
TEXT_GROUPS = [str(g) for g in GROUPS]
const("TextGroups", "string[]", "[" + ", ".join(f'"{g}"' for g in TEXT_GROUPS) + "]")
tr, va = folds(GroupKFold(3), np.zeros((len(TEXT_GROUPS), 1)), None, np.array(TEXT_GROUPS))
const("TextGrouped3Train", "int[][]", tr)
const("TextGrouped3Validation", "int[][]", va)

tr, va = folds(KFold(3), np.zeros((7, 1)))
const("KFold3Of7Train", "int[][]", tr)
const("KFold3Of7Validation", "int[][]", va)

tr, va = folds(TimeSeriesSplit(4), np.zeros((10, 1)))
const("TimeSeries4Of10Train", "int[][]", tr)
const("TimeSeries4Of10Validation", "int[][]", va)
tr, va = folds(TimeSeriesSplit(3, gap=2, max_train_size=3, test_size=1), np.zeros((10, 1)))
const("TimeSeriesGapTrain", "int[][]", tr)
const("TimeSeriesGapValidation", "int[][]", va)

print("// <auto-generated>")
print(f"// Made by make_fresh_step_refs.py with scikit-learn {sklearn.__version__}, numpy {np.__version__}; do not edit by hand.")
print("// </auto-generated>")
print("namespace MlDsl.Tests.Adversarial;")
print()
print("internal static class FreshStepReferences")
print("{")
print(f'    public const string SklearnVersion = "{sklearn.__version__}";')
print("\n".join(out))
print("}")
