namespace MlDsl.Analyzers.Tests;

public sealed partial class FreshLeakageCasesI
{
    // ───────────── 23. Cleaning before the split that learns nothing: duplicates dropped, units fixed, outliers by fixed rules ─────────────

    private const string RowWiseCleaning = """
        public static class Cleaning
        {
            public static IReadOnlyList<House> Deduplicate(IReadOnlyList<House> rows) =>
                rows.GroupBy(h => (h.Rooms, h.Area, h.Distance, h.District)).Select(g => g.First()).ToList();

            public static IReadOnlyList<House> FixUnits(IReadOnlyList<House> rows) =>
                rows.Select(h => h.Area > 2000 ? h with { Area = h.Area * 0.092903f } : h).ToList();

            public static IReadOnlyList<House> DropImpossible(IReadOnlyList<House> rows) =>
                rows.Where(h => h.Rooms is >= 1 and <= 20 && h.Area is > 8 and < 1000 && h.Price > 1000).ToList();
        }

        public static class CleanExperiment
        {
            public static void Main()
            {
                IReadOnlyList<House> raw = CsvFile.Read<House>("sales.csv");
                IReadOnlyList<House> rows = Cleaning.DropImpossible(Cleaning.FixUnits(Cleaning.Deduplicate(raw)));
                Console.WriteLine($"{raw.Count} -> {rows.Count} rows after cleaning");

                var split = rows.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 29 });
                float low = split.Train.Select(h => h.Distance).OrderBy(d => d).ElementAt(split.Train.Count / 100);
                float high = split.Train.Select(h => h.Distance).OrderBy(d => d).ElementAt(split.Train.Count * 99 / 100);
                House[] Clip(IReadOnlyList<House> part) => part.Select(h => h with { Distance = Math.Clamp(h.Distance, low, high) }).ToArray();
                House[] train = Clip(split.Train), validation = Clip(split.Validation), test = Clip(split.Test);

                var scaler = Standardizer.Fit(train);
                using var model = new HouseNet(seed: 29);
                model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 5, Verbose = 0 });
                Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F0}");
            }
        }
        """;

    [Fact]
    public Task Row_wise_cleaning_before_the_split_and_percentile_clipping_from_training_rows_are_silent() => Expect(Program(RowWiseCleaning));

    // Kind: statistics from rows that reach test (MLDSL0016): the clipping percentiles come from every row.
    [Fact]
    public Task Clipping_percentiles_from_all_rows_are_reported() =>
        Expect(Program(Mutate(RowWiseCleaning, "float low = split.Train.Select(h => h.Distance).OrderBy(d => d).ElementAt(split.Train.Count / 100);",
            "float low = {|#0:rows.Select(h => h.Distance).OrderBy(d => d).ElementAt(rows.Count / 100)|};")), "MLDSL0016");

    // Kind: rows multiplied before the split (MLDSL0026)? No: deduplication removes copies; Distinct before the split is safe.
    [Fact]
    public Task Distinct_rows_before_the_split_are_silent() =>
        Expect(Program(Mutate(RowWiseCleaning, "IReadOnlyList<House> rows = Cleaning.DropImpossible(Cleaning.FixUnits(Cleaning.Deduplicate(raw)));",
            "IReadOnlyList<House> rows = Cleaning.DropImpossible(Cleaning.FixUnits(raw.Distinct().ToList()));")));

    // ───────────── 24. Permutation importance on validation, a feature dropped on that evidence, then one test score ─────────────

    private const string Permutation = """
        public static class Importance
        {
            private static readonly (string Name, Func<Patient, Patient> Zero)[] Columns =
            {
                ("Age", p => p with { Age = 0 }),
                ("Glucose", p => p with { Glucose = 0 }),
                ("Bmi", p => p with { Bmi = 0 }),
                ("PriorVisits", p => p with { PriorVisits = 0 }),
            };

            private static double Drop(PatientNet model, Patient[] rows, Func<Patient, Patient> zero) =>
                model.Evaluate(rows).Accuracy - model.Evaluate(rows.Select(zero).ToArray()).Accuracy;

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 41 });
                var scaler = Standardizer.Fit(split.Train);
                Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

                using var first = new PatientNet(seed: 41);
                first.Fit(train, null, new FitOptions { Epochs = 25, Verbose = 0 });
                var importance = Columns.Select(c => (c.Name, c.Zero, Drop: Drop(first, validation, c.Zero))).OrderBy(c => c.Drop).ToList();
                foreach (var (name, _, drop) in importance) Console.WriteLine($"{name,-12} {drop:+0.000;-0.000}");
                var weakest = importance[0];
                Console.WriteLine($"dropping {weakest.Name}");

                using var second = new PatientNet(seed: 41);
                second.Fit(train.Select(weakest.Zero).ToArray(), null, new FitOptions { Epochs = 25, Verbose = 0 });
                Console.WriteLine($"test accuracy without {weakest.Name}: {second.Evaluate(test.Select(weakest.Zero).ToArray()).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Permutation_importance_on_validation_then_the_weakest_feature_dropped_and_one_test_score_is_silent() => Expect(Program(Permutation));

    // Kind: the test part steering a choice (MLDSL0018): the feature to drop is chosen by its importance on test (reported at the helper call).
    [Fact]
    public Task Feature_dropped_by_its_importance_on_test_is_reported() =>
        Expect(Program(Mutate(Permutation, "Drop: Drop(first, validation, c.Zero)", "Drop: {|#0:Drop(first, test, c.Zero)|}")), "MLDSL0018");

    // ───────────── 25. Augmentation and class weights from the training part only; plot scaler over all rows for a chart ─────────────

    private const string Augmented = """
        public static class Augmented
        {
            private static Patient Jitter(Patient p, Random random) =>
                p with { Glucose = p.Glucose * (1f + 0.02f * (float)(random.NextDouble() - 0.5)), Bmi = p.Bmi + 0.1f * (float)(random.NextDouble() - 0.5) };

            private static void Chart(IReadOnlyList<Patient> rows)
            {
                var view = MinMaxScaler.Fit(rows);
                foreach (Patient p in view.Apply(rows).Take(200))
                {
                    Console.WriteLine($"{p.Glucose:F3}\t{p.Bmi:F3}\t{p.Readmitted}");
                }
            }

            public static void Main()
            {
                IReadOnlyList<Patient> rows = CsvFile.Read<Patient>("patients.csv");
                Chart(rows);
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = 37 });
                Patient[] augmented = Oversampler.Augment(split.Train, Jitter, copies: 2, seed: 37);
                int positives = split.Train.Count(p => p.Readmitted == 1);
                float weight = (split.Train.Count - positives) / (float)Math.Max(positives, 1);
                var scaler = Standardizer.Fit(split.Train);

                using var model = new PatientNet(seed: 37);
                model.Fit(scaler.Apply(augmented), scaler.Apply(split.Validation), new FitOptions
                {
                    Epochs = 30, EarlyStoppingPatience = 4, ClassWeights = new[] { 1f, weight }, Verbose = 0,
                });
                Evaluation result = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine($"augmented x{augmented.Length / (double)split.Train.Count:F1}, positive weight {weight:F2}: test {result.Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Augmentation_and_class_weights_from_training_rows_and_a_chart_scaler_over_all_rows_are_silent() => Expect(Program(Augmented));

    // Kind: rows multiplied before the split (MLDSL0026): jittered copies of every row, then split.
    [Fact]
    public Task Augmentation_of_all_rows_before_the_split_is_reported() =>
        Expect(Program(Mutate(Augmented, "var split = rows.Split(", "var split = {|#0:Oversampler.Augment(rows, Jitter, copies: 2, seed: 37)|}.Split(")
            .Replace("Patient[] augmented = Oversampler.Augment(split.Train, Jitter, copies: 2, seed: 37);", "Patient[] augmented = split.Train.ToArray();")), "MLDSL0026");

    // Kind: the test part steering a choice (MLDSL0018): the class weight computed from the test labels.
    [Fact]
    public Task Class_weight_from_test_label_counts_is_reported() =>
        Expect(Program(Mutate(Augmented, "int positives = split.Train.Count(p => p.Readmitted == 1);", "int positives = {|#0:split.Test|}.Count(p => p.Readmitted == 1) * 4;")), "MLDSL0018");

    // Kind: statistics from rows that reach test (MLDSL0016): the chart scaler, fitted on all rows, reused for the model.
    [Fact]
    public Task Chart_scaler_over_all_rows_reused_for_training_is_reported() =>
        Expect(Program(Mutate(Augmented, "var scaler = Standardizer.Fit(split.Train);", "var scaler = MinMaxScaler.Fit({|#0:rows|});")), "MLDSL0016");
}
