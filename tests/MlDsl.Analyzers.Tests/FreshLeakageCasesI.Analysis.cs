namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 30. Error analysis after the final evaluation: confusion matrix and the most confident mistakes ─────────────

    private const string Mistakes = """
        public static class Mistakes
        {
            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 52 });
                var scaler = Standardizer.Fit(split.Train);
                using var model = new PatientNet(seed: 52);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 4, Verbose = 0 });

                Patient[] test = scaler.Apply(split.Test);
                Evaluation final = model.Evaluate(test);
                Console.WriteLine($"test accuracy {final.Accuracy:P2}");

                int[] predicted = model.Predict(test);
                float[][] probabilities = model.PredictProbabilities(test);
                var confusion = new int[2, 2];
                for (int i = 0; i < test.Length; i++) confusion[test[i].Readmitted, predicted[i]]++;
                Console.WriteLine($"TN {confusion[0, 0]} FP {confusion[0, 1]} / FN {confusion[1, 0]} TP {confusion[1, 1]}");

                var confidentMistakes = Enumerable.Range(0, test.Length)
                    .Where(i => predicted[i] != test[i].Readmitted)
                    .OrderByDescending(i => probabilities[i][predicted[i]])
                    .Take(10)
                    .Select(i => $"{split.Test[i].Ward},{split.Test[i].Age},{probabilities[i][predicted[i]]:F3},{test[i].Readmitted}");
                File.WriteAllLines("confident-mistakes.csv", confidentMistakes);
            }
        }
        """;

    [Fact]
    public Task Confusion_matrix_and_most_confident_mistakes_after_the_final_evaluation_are_silent() => Expect(Program(Mistakes));

    // ───────────── 31. Best epoch found on validation, then a refit on train+validation for that many epochs, one test score ─────────────

    private const string BestEpochRefit = """
        public static class BestEpochRefit
        {
            public static void Main()
            {
                IReadOnlyList<Member> rows = CsvFile.Read<Member>("members.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15, Seed = 60 });

                var probeScaler = Standardizer.Fit(split.Train);
                int bestEpoch;
                using (var probe = new MemberNet(seed: 60))
                {
                    FitReport report = probe.Fit(probeScaler.Apply(split.Train), probeScaler.Apply(split.Validation),
                        new FitOptions { Epochs = 100, EarlyStoppingPatience = 6, Verbose = 0 });
                    bestEpoch = report.BestEpoch ?? report.Epochs.Count;
                }

                List<Member> trainAndValidation = split.Train.Concat(split.Validation).ToList();
                var scaler = Standardizer.Fit(trainAndValidation);
                using var model = new MemberNet(seed: 60);
                model.Fit(scaler.Apply(trainAndValidation), null, new FitOptions { Epochs = bestEpoch, Verbose = 0 });
                Console.WriteLine($"{bestEpoch} epochs on {trainAndValidation.Count} rows; test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Best_epoch_on_validation_then_refit_on_train_and_validation_is_silent() => Expect(Program(BestEpochRefit));

    // ───────────── 32. Regression target standardised by hand with training statistics; errors in price units ─────────────

    private const string TargetScaling = """
        public static class HandTargetScaling
        {
            public static void Main()
            {
                IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
                var split = rows.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 64 });
                float mean = split.Train.Average(h => h.Price);
                float sd = MathF.Sqrt(split.Train.Average(h => (h.Price - mean) * (h.Price - mean)));
                House[] Scale(IReadOnlyList<House> part) => part.Select(h => h with { Price = (h.Price - mean) / sd }).ToArray();

                var scaler = Standardizer.Fit(split.Train);
                using var model = new HouseNet(seed: 64);
                model.Fit(scaler.Apply(Scale(split.Train)), scaler.Apply(Scale(split.Validation)), new FitOptions { Epochs = 60, EarlyStoppingPatience = 5, Verbose = 0 });
                float[] predicted = model.Predict(scaler.Apply(Scale(split.Test)));
                double mae = split.Test.Select((h, i) => Math.Abs(h.Price - (predicted[i] * sd + mean))).Average();
                Console.WriteLine($"test MAE {mae:F0} (price mean {mean:F0}, sd {sd:F0})");
            }
        }
        """;

    [Fact]
    public Task Target_standardised_with_training_mean_and_deviation_is_silent() => Expect(Program(TargetScaling));

    // Kind: statistics from rows that reach test (MLDSL0016): the target mean comes from every sale.
    [Fact]
    public Task Target_mean_from_all_rows_is_reported() =>
        Expect(Program(Mutate(TargetScaling, "float mean = split.Train.Average(h => h.Price);", "float mean = {|#0:rows.Average(h => h.Price)|};")), "MLDSL0016");

    // ───────────── 33. A running 7-day mean of past flows (a lagged label) kept with a running sum ─────────────

    private const string RunningMean = """
        public static class RunningMean
        {
            public static void Main()
            {
                List<Gauge> gauge = File.ReadLines("gauge.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).OrderBy(g => g.Day).ToList();
                var rows = new List<RiverDay>();
                float sum = 0;
                for (int i = 0; i < gauge.Count; i++)
                {
                    if (i >= 7)
                    {
                        rows.Add(new RiverDay { Day = gauge[i].Day, Rain = gauge[i].Rain, FlowLag1 = sum / 7f, Rain3 = gauge[i - 1].Rain + gauge[i - 2].Rain + gauge[i - 3].Rain, Flow = gauge[i].Flow });
                        sum -= gauge[i - 7].Flow;
                    }
                    sum += gauge[i].Flow;
                }

                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
                var scaler = Standardizer.Fit(split.Train);
                using var model = new RiverNet(seed: 70);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 40, EarlyStoppingPatience = 4, Verbose = 0 });
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F2}");
            }
        }
        """;

    [Fact]
    public Task Running_mean_of_the_previous_seven_flows_is_silent() => Expect(Program(RunningMean));

    // Kind: a feature from the label (MLDSL0017): the window is slid one day too far, so today's flow is in the mean.
    [Fact]
    public Task Running_mean_slid_one_day_too_far_is_reported() =>
        Expect(Program(Mutate(RunningMean, "FlowLag1 = sum / 7f,", "{|#0:FlowLag1 = (sum - gauge[i - 7].Flow + gauge[i].Flow) / 7f|},")), "MLDSL0017");

    // ───────────── 34. Bootstrap interval of the test MAE (regression): absolute errors resampled, nothing compared ─────────────

    private const string RegressionBootstrap = """
        public static class RegressionBootstrap
        {
            private static (double Low, double High) Interval(double[] errors, int rounds, int seed)
            {
                var random = new Random(seed);
                double[] means = new double[rounds];
                for (int r = 0; r < rounds; r++)
                {
                    double total = 0;
                    for (int k = 0; k < errors.Length; k++) total += errors[random.Next(errors.Length)];
                    means[r] = total / errors.Length;
                }
                Array.Sort(means);
                return (means[rounds / 40], means[rounds - rounds / 40 - 1]);
            }

            public static void Main()
            {
                IReadOnlyList<House> rows = CsvFile.Read<House>("sales.csv");
                var (train, validation, test) = rows.Split(new SplitOptions { Seed = 80 });
                var scaler = Standardizer.Fit(train);
                using var model = new HouseNet(seed: 80);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 5, Verbose = 0 });
                float[] predicted = model.Predict(scaler.Apply(test));
                double[] errors = test.Select((h, i) => (double)Math.Abs(h.Price - predicted[i])).ToArray();
                var (low, high) = Interval(errors, 2000, 80);
                Console.WriteLine($"test MAE {errors.Average():F0} (95% interval {low:F0}–{high:F0})");
            }
        }
        """;

    [Fact]
    public Task Bootstrap_interval_of_the_test_mae_is_silent() => Expect(Program(RegressionBootstrap));
}
