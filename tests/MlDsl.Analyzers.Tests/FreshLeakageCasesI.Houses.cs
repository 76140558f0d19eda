namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 9. House prices: district target encoding out-of-fold on training rows, feature selection, one test score ─────────────

    private const string HousePrices = """
        public sealed record HouseConfig(string Path, int K, int Epochs, int Seed);

        public static class HouseFeatures
        {
            public static readonly CategoricalColumn<House> District =
                new("District", h => string.IsNullOrEmpty(h.District) ? "(missing)" : h.District, (h, v) => h with { DistrictPrice = v });

            public static IReadOnlyList<House> Clean(IReadOnlyList<House> rows) =>
                rows.Where(h => h.Price > 0 && h.Area > 5 && h.Rooms >= 1).Select(h => h with { Price = MathF.Log(h.Price) }).ToList();
        }

        public sealed class HouseExperiment
        {
            private readonly HouseConfig config;

            public HouseExperiment(HouseConfig config) => this.config = config;

            public void Run()
            {
                IReadOnlyList<House> rows = HouseFeatures.Clean(CsvFile.Read<House>(config.Path));
                Console.WriteLine($"{rows.Count} sales; median log price {rows.Select(h => h.Price).OrderBy(p => p).ElementAt(rows.Count / 2):F2}");
                var split = rows.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = config.Seed });

                TargetEncoded<House> encoded = TargetEncoder.FitApply(split.Train, HouseFeatures.District);
                House[] validation = encoded.Encoder.Apply(split.Validation);
                House[] test = encoded.Encoder.Apply(split.Test);
                SelectKBest selector = SelectKBest.Fit(encoded.Train, ScoreFunction.FRegression, config.K);
                Console.WriteLine($"kept {string.Join(", ", selector.SelectedNames)}");
                Standardizer scaler = Standardizer.Fit(selector.Apply(encoded.Train));
                House[] Prepare(IReadOnlyList<House> part) => scaler.Apply(selector.Apply(part));

                using var model = new HouseNet(seed: config.Seed);
                FitReport report = model.Fit(Prepare(encoded.Train), Prepare(validation), new FitOptions { Epochs = config.Epochs, EarlyStoppingPatience = 6, Verbose = 0 });
                Console.WriteLine($"train MAE {report.Last.TrainMeanAbsoluteError:F3}, validation MAE {report.Last.Validation?.MeanAbsoluteError:F3}");
                float[] predicted = model.Predict(Prepare(test));
                double mae = test.Select((h, i) => Math.Abs(MathF.Exp(h.Price) - MathF.Exp(predicted[i]))).Average();
                Console.WriteLine($"test MAE in currency {mae:F0}");

                var byDistrict = test.Select((h, i) => (h.District, Error: Math.Abs(h.Price - predicted[i])))
                    .GroupBy(x => x.District).Select(g => (District: g.Key, Mean: g.Average(x => x.Error))).OrderByDescending(x => x.Mean).Take(5);
                foreach (var (district, error) in byDistrict) Console.WriteLine($"  {district,-14} {error:F3}");
                encoded.Encoder.Save("district.json");
                selector.Save("selector.json");
                scaler.Save("scaler.json");
                model.Save("houses.mldsl");
            }
        }

        public static class Program
        {
            public static void Main() => new HouseExperiment(new HouseConfig("sales.csv", 3, 80, 13)).Run();
        }
        """;

    [Fact]
    public Task House_prices_with_out_of_fold_encoding_selection_and_district_errors_are_silent() => Expect(Program(HousePrices));

    // Kind: statistics from rows that reach test (MLDSL0016): features selected with the test rows' prices.
    [Fact]
    public Task House_feature_selection_on_all_rows_is_reported() =>
        Expect(Program(Mutate(HousePrices, "SelectKBest selector = SelectKBest.Fit(encoded.Train, ScoreFunction.FRegression, config.K);",
            "SelectKBest selector = SelectKBest.Fit({|#0:rows|}, ScoreFunction.FRegression, config.K);")), "MLDSL0016");

    // Kind: statistics from rows that reach test (MLDSL0016): target encoding fitted on every sale (test prices in the feature).
    [Fact]
    public Task House_district_encoding_fitted_on_all_rows_is_reported() =>
        Expect(Program(Mutate(HousePrices, "TargetEncoded<House> encoded = TargetEncoder.FitApply(split.Train, HouseFeatures.District);",
            "TargetEncoded<House> encoded = TargetEncoder.FitApply(split.Train, HouseFeatures.District); var everywhere = TargetEncoder.Fit({|#0:rows|}, HouseFeatures.District);")
            .Replace("House[] test = encoded.Encoder.Apply(split.Test);", "House[] test = everywhere.Apply(split.Test);")), "MLDSL0016");

    // ───────────── 10. House prices: two architectures compared on validation, refit of the winner, one test score ─────────────

    private const string HouseArchitectures = """
        public static class ArchitectureChoice
        {
            private static double ValidationMae(ITrainableModel<House> model, House[] train, House[] validation)
            {
                model.Fit(train, validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5, Verbose = 0 });
                return model.Evaluate(validation).MeanAbsoluteError;
            }

            public static void Main()
            {
                IReadOnlyList<House> raw = CsvFile.Read<House>("sales.csv");
                IReadOnlyList<House> rows = raw.Where(h => h.Price > 0).ToList();
                var split = rows.Split(new SplitOptions { Validation = 0.2, Test = 0.2, Seed = 2 });
                var scaler = Standardizer.Fit(split.Train);
                House[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

                var candidates = new Dictionary<string, Func<ITrainableModel<House>>>
                {
                    ["narrow"] = () => new HouseNet(seed: 2),
                    ["narrow-seed7"] = () => new HouseNet(seed: 7),
                };
                var results = new Dictionary<string, double>();
                foreach (var (name, create) in candidates)
                {
                    using ITrainableModel<House> model = create();
                    results[name] = ValidationMae(model, train, validation);
                    Console.WriteLine($"{name,-14} validation MAE {results[name]:F1}");
                }
                string winner = results.MinBy(r => r.Value).Key;

                using ITrainableModel<House> chosen = candidates[winner]();
                chosen.Fit(train, validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 5, Verbose = 0 });
                Evaluation final = chosen.Evaluate(test);
                Console.WriteLine($"{winner}: test MAE {final.MeanAbsoluteError:F1}");
            }
        }
        """;

    [Fact]
    public Task Architectures_compared_on_validation_then_the_winner_tested_once_is_silent() => Expect(Program(HouseArchitectures));

    // Kind: the test part steering a choice (MLDSL0018): candidates compared on their test MAE.
    [Fact]
    public Task Architectures_compared_on_the_test_part_are_reported() =>
        Expect(Program(Mutate(HouseArchitectures, "results[name] = ValidationMae(model, train, validation);", "results[name] = ValidationMae(model, train, {|#0:test|});")), "MLDSL0018");

    // ───────────── 11. House prices: stacking with predictions of base models on held-out validation rows ─────────────

    private const string HouseBlend = """
        public static class Blend
        {
            public static void Main()
            {
                IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Validation = 0.25, Test = 0.2, Seed = 17 });
                var scaler = MinMaxScaler.Fit(train);
                House[] t = scaler.Apply(train), v = scaler.Apply(validation), s = scaler.Apply(test);

                using var first = new HouseNet(seed: 1);
                using var second = new HouseNet(seed: 2);
                first.Fit(t, null, new FitOptions { Epochs = 40, Verbose = 0 });
                second.Fit(t, null, new FitOptions { Epochs = 40, LearningRate = 3e-3, Verbose = 0 });

                float[] a = first.Predict(v), b = second.Predict(v);
                double bestWeight = 0, bestError = double.MaxValue;
                for (double w = 0; w <= 1.0001; w += 0.1)
                {
                    double error = v.Select((h, i) => Math.Abs(h.Price - (w * a[i] + (1 - w) * b[i]))).Average();
                    if (error < bestError) (bestWeight, bestError) = (w, error);
                }
                Console.WriteLine($"weight {bestWeight:F1} on validation: MAE {bestError:F1}");

                float[] ta = first.Predict(s), tb = second.Predict(s);
                double testError = s.Select((h, i) => Math.Abs(h.Price - (bestWeight * ta[i] + (1 - bestWeight) * tb[i]))).Average();
                Console.WriteLine($"blend test MAE {testError:F1}; first alone {first.Evaluate(s).MeanAbsoluteError:F1}, second alone {second.Evaluate(s).MeanAbsoluteError:F1}");
            }
        }
        """;

    [Fact]
    public Task Blend_weight_chosen_on_validation_then_blend_and_members_reported_on_test_is_silent() => Expect(Program(HouseBlend));

    // Kind: the test part steering a choice (MLDSL0018): the blend weight is searched on the test predictions.
    [Fact]
    public Task Blend_weight_searched_on_test_predictions_is_reported() =>
        Expect(Program(Mutate(HouseBlend, "float[] a = first.Predict(v), b = second.Predict(v);", "float[] a = first.Predict({|#0:s|}), b = second.Predict({|#1:s|});")
            .Replace("double error = v.Select(", "double error = s.Select(")), "MLDSL0018", "MLDSL0018");
}
