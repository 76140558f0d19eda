namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 35. Grid over k for SelectKBest, with district encoding and selection refitted inside every fold ─────────────

    private const string FoldPreparation = """
        public static class FoldPreparation
        {
            private static readonly CategoricalColumn<House> District = new("District", h => h.District, (h, v) => h with { DistrictPrice = v });

            private static FitOnFold<House> Prepare(int k) => foldTrain =>
            {
                TargetEncoded<House> encoded = TargetEncoder.FitApply(foldTrain, District);
                SelectKBest selector = SelectKBest.Fit(encoded.Train, ScoreFunction.FRegression, k);
                Standardizer scaler = Standardizer.Fit(selector.Apply(encoded.Train));
                return part => scaler.Apply(selector.Apply(encoded.Encoder.Apply(part)));
            };

            public static void Main()
            {
                IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
                var split = rows.Split(new SplitOptions { Validation = 0.0, Test = 0.2, Seed = 90 });
                var scores = new Dictionary<int, CrossValidationResult>();
                foreach (int k in new[] { 2, 3, 4 })
                {
                    scores[k] = CrossValidation.Run(split.Train, CrossValidation.TrainModel<House, HouseNet>(() => new HouseNet(seed: 90), new FitOptions { Epochs = 30, Verbose = 0 }),
                        new FoldOptions { Folds = 5, Shuffle = true, Seed = 90 }, Prepare(k));
                    Console.WriteLine($"k={k}: {scores[k]}");
                }
                int bestK = scores.MaxBy(s => s.Value.Mean).Key;

                Func<IReadOnlyList<House>, House[]> prepare = Prepare(bestK)(split.Train);
                using var model = new HouseNet(seed: 90);
                model.Fit(prepare(split.Train), null, new FitOptions { Epochs = 30, Verbose = 0 });
                Console.WriteLine($"k={bestK}: test MAE {model.Evaluate(prepare(split.Test)).MeanAbsoluteError:F0}");
            }
        }
        """;

    [Fact]
    public Task Grid_over_k_with_encoding_and_selection_refitted_per_fold_then_one_test_score_is_silent() => Expect(Program(FoldPreparation));

    // Kind: statistics from rows that reach test (MLDSL0016): the final preparation is fitted on every row.
    [Fact]
    public Task Final_preparation_fitted_on_all_rows_is_reported() =>
        Expect(Program(Mutate(FoldPreparation, "Func<IReadOnlyList<House>, House[]> prepare = Prepare(bestK)(split.Train);",
            "Func<IReadOnlyList<House>, House[]> prepare = {|#0:Prepare(bestK)(rows)|};")), "MLDSL0016");

    // ───────────── 36. A list of fitters, each fitted on the training part in turn, applied to all three parts ─────────────

    private const string FitterList = """
        public static class FitterList
        {
            public static void Main()
            {
                var fitters = new List<(string Name, Func<IReadOnlyList<Patient>, Func<IReadOnlyList<Patient>, Patient[]>> Fit)>
                {
                    ("impute", rows => Imputer.Fit(rows, ImputeStrategy.Median).Apply),
                    ("scale", rows => Standardizer.Fit(rows).Apply),
                };

                IReadOnlyList<Patient> all = CsvFile.Read<Patient>("patients.csv");
                var split = all.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 95 });
                IReadOnlyList<Patient> train = split.Train, validation = split.Validation, test = split.Test;
                foreach (var (name, fit) in fitters)
                {
                    Func<IReadOnlyList<Patient>, Patient[]> apply = fit(train);
                    (train, validation, test) = (apply(train), apply(validation), apply(test));
                    Console.WriteLine($"fitted {name} on {train.Count} training rows");
                }

                using var model = new WidePatientNet(seed: 95);
                model.Fit(train, validation, new FitOptions { Epochs = 30, EarlyStoppingPatience = 3, Verbose = 0 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task List_of_fitters_each_fitted_on_the_training_part_is_silent() => Expect(Program(FitterList));

    // Kind: statistics from rows that reach test (MLDSL0016): each fitter is given every row.
    [Fact]
    public Task List_of_fitters_each_fitted_on_all_rows_is_reported() =>
        Expect(Program(Mutate(FitterList, "Func<IReadOnlyList<Patient>, Patient[]> apply = fit(train);", "Func<IReadOnlyList<Patient>, Patient[]> apply = {|#0:fit(all)|};")), "MLDSL0016");

    // ───────────── 37. Preprocessing variants compared on validation, the best one's model scored once on test ─────────────

    private const string PreprocessingChoice = """
        public static class PreprocessingChoice
        {
            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 99 });
                var variants = new Dictionary<string, Func<IReadOnlyList<Patient>, Func<IReadOnlyList<Patient>, Patient[]>>>
                {
                    ["standard"] = train => Standardizer.Fit(train).Apply,
                    ["minmax"] = train => MinMaxScaler.Fit(train).Apply,
                    ["impute+standard"] = train =>
                    {
                        var imputer = Imputer.Fit(train, ImputeStrategy.Median);
                        var scaler = Standardizer.Fit(imputer.Apply(train));
                        return part => scaler.Apply(imputer.Apply(part));
                    },
                };

                string bestName = "";
                double bestAccuracy = -1;
                PatientNet? bestModel = null;
                Func<IReadOnlyList<Patient>, Patient[]>? bestApply = null;
                foreach (var (name, fit) in variants)
                {
                    var apply = fit(split.Train);
                    var model = new PatientNet(seed: 99);
                    model.Fit(apply(split.Train), null, new FitOptions { Epochs = 25, Verbose = 0 });
                    double accuracy = model.Evaluate(apply(split.Validation)).Accuracy;
                    Console.WriteLine($"{name,-16} validation {accuracy:P2}");
                    if (accuracy > bestAccuracy)
                    {
                        bestModel?.Dispose();
                        (bestName, bestAccuracy, bestModel, bestApply) = (name, accuracy, model, apply);
                    }
                    else model.Dispose();
                }

                Console.WriteLine($"{bestName}: test accuracy {bestModel!.Evaluate(bestApply!(split.Test)).Accuracy:P2}");
                bestModel.Dispose();
            }
        }
        """;

    [Fact]
    public Task Preprocessing_variants_compared_on_validation_then_the_best_tested_once_is_silent() => Expect(Program(PreprocessingChoice));

    // Kind: the test part steering a choice (MLDSL0018): the variants are compared on their test accuracy.
    [Fact]
    public Task Preprocessing_variants_compared_on_test_are_reported() =>
        Expect(Program(Mutate(PreprocessingChoice, "double accuracy = model.Evaluate(apply(split.Validation)).Accuracy;",
            "double accuracy = model.Evaluate({|#0:apply(split.Test)|}).Accuracy;")), "MLDSL0018");
}
