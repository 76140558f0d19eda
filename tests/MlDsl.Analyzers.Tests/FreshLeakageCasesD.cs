extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases written from the rule descriptions only (public notebooks, scikit-learn's
/// "common pitfalls", Kaggle kernels): both leakage analyzers run, as a user sees them, and the union of
/// their leakage diagnostics (MLDSL0016–0029) must be exactly the expected ids at the <c>{|#n:...|}</c> marks.
/// </summary>
public sealed partial class FreshLeakageCasesD
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float DebtRatio { get; init; }
            [Feature] public float OpenCreditLines { get; init; }
            [Feature] public float PriorDefaults { get; init; }
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float PriceBucketCount { get; init; }
            [Ignore] public string Neighbourhood { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(Listing))]
        public sealed partial class ListingNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Visit
        {
            [GroupKey] public string Patient { get; init; } = "";
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Systolic { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Visit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Reading
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float LoadLag1 { get; init; }
            [Feature] public float LoadLag24 { get; init; }
            [Label] public float Load { get; init; }
        }

        [Model(typeof(Reading))]
        public sealed partial class ReadingNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Comment
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(500)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Toxic { get; init; }
        }

        [Model(typeof(Comment))]
        public sealed partial class CommentNet
        {
            [Embedding(500, 8), Flatten] Layer embedding;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Scan
        {
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 3)] public int Grade { get; init; }
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(3)] Layer output;
        }

        [Dataset]
        public sealed partial record Annotated
        {
            [Feature] public float Confidence { get; init; }
            [Feature] public float LabelSmoothing { get; init; }
            [Feature] public float AgreeingRaters { get; init; }
            [Label(Classes = 3)] public int Category { get; init; }
        }

        [Model(typeof(Annotated))]
        public sealed partial class AnnotatedNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }

        /// <summary>A line of the meter export.</summary>
        public sealed record RawReading(DateTime At, float Temperature, float Load);

        /// <summary>A line of the property export.</summary>
        public sealed record RawListing(float Area, float Rooms, float ListingsInPriceBucket, string Neighbourhood, float Price);

        /// <summary>Readers of the raw exports.</summary>
        public static class Exports
        {
            public static List<RawReading> ReadMeter(string path) => System.IO.File.ReadLines(path).Skip(1)
                .Select(line => line.Split(','))
                .Select(f => new RawReading(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2])))
                .ToList();

            public static List<RawListing> ReadListings(string path) => System.IO.File.ReadLines(path).Skip(1)
                .Select(line => line.Split(','))
                .Select(f => new RawListing(float.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), f[3], float.Parse(f[4])))
                .ToList();
        }

        """;

    /// <summary>A script class around <paramref name="body"/>, with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    /// <summary>Declarations only (rows of one's own), with the usings.</summary>
    private static string Declarations(string types) => Usings + types;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────────────────── Exploration on every row that only prints, then a clean workflow

    [Fact]
    public Task Eda_class_counts_means_and_histogram_printed_on_all_rows_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            foreach (var group in loans.GroupBy(l => l.Defaulted).OrderBy(g => g.Key))
                Console.WriteLine($"class {group.Key}: {group.Count()} rows ({100.0 * group.Count() / loans.Count:F1}%)");
            Console.WriteLine($"mean income {loans.Average(l => l.Income):F0}, mean debt ratio {loans.Average(l => l.DebtRatio):F2}");
            float maxIncome = loans.Max(l => l.Income);
            int[] bins = new int[10];
            foreach (var loan in loans)
                bins[Math.Min(9, (int)(10 * loan.Income / maxIncome))]++;
            for (int b = 0; b < bins.Length; b++)
                Console.WriteLine($"{b * maxIncome / 10,10:F0} {new string('#', bins[b] / 20)}");

            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = 3 });
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 3);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 5 });
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score("test "));
        }
        """));

    [Fact]
    public Task Eda_correlation_with_the_label_printed_on_all_rows_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            double Correlation(Func<Loan, double> feature)
            {
                double mx = loans.Average(feature), my = loans.Average(l => (double)l.Defaulted);
                double sxy = loans.Sum(l => (feature(l) - mx) * (l.Defaulted - my));
                double sxx = loans.Sum(l => (feature(l) - mx) * (feature(l) - mx));
                double syy = loans.Sum(l => (l.Defaulted - my) * (l.Defaulted - my));
                return sxy / Math.Sqrt(sxx * syy);
            }
            Console.WriteLine($"r(income, default) = {Correlation(l => l.Income):F3}");
            Console.WriteLine($"r(debt ratio, default) = {Correlation(l => l.DebtRatio):F3}");
            Console.WriteLine($"r(prior defaults, default) = {Correlation(l => l.PriorDefaults):F3}");

            var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
            var scaler = Standardizer.Fit(train);
            using var model = new LoanNet(seed: 11);
            model.Fit(scaler.Apply(train), scaler.Apply(validation));
            Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(test)).Accuracy:P1}");
        }
        """));

    [Fact]
    public Task Largest_income_over_all_rows_used_to_rescale_before_the_split_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            Console.WriteLine($"{loans.Count} loans, {loans.Count(l => l.Defaulted == 1)} defaulted");
            float maxIncome = {|#0:loans.Max(l => l.Income)|};
            var rescaled = loans.Select(l => l with { Income = l.Income / maxIncome }).ToList();

            var (train, validation, test) = rescaled.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
            using var model = new LoanNet(seed: 11);
            model.Fit(train, validation);
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P1}");
        }
        """), "MLDSL0016");

    // ───────────────────────── Fitted transforms: train only, applied to the three parts

    [Fact]
    public Task MinMax_fitted_on_training_part_applied_to_all_three_parts_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            IReadOnlyList<Listing> listings = CsvFile.Read<Listing>(path).Where(l => l.Area > 0).ToList();
            var (train, validation, test) = listings.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 5 });
            var scaler = MinMaxScaler.Fit(train);
            Listing[] trainScaled = scaler.Apply(train);
            Listing[] validationScaled = scaler.Apply(validation);
            Listing[] testScaled = scaler.Apply(test);
            scaler.Save("minmax.json");

            using var model = new ListingNet(seed: 5);
            var report = model.Fit(trainScaled, validationScaled, new FitOptions { Epochs = 60, EarlyStoppingPatience = 8 });
            Console.WriteLine($"stopped at {report.StoppedEarlyAt}, best epoch {report.BestEpoch}");
            Evaluation final = model.Evaluate(testScaled);
            Console.WriteLine($"test MAE {final.MeanAbsoluteError:F0}");
        }
        """));

    [Fact]
    public Task MinMax_fitted_and_applied_to_every_row_then_the_scaled_rows_split_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            IReadOnlyList<Listing> listings = CsvFile.Read<Listing>(path).Where(l => l.Area > 0).ToList();
            var scaler = MinMaxScaler.Fit({|#0:listings|});
            Listing[] scaled = scaler.Apply(listings);
            scaler.Save("minmax.json");
            var (train, validation, test) = scaled.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 5 });

            using var model = new ListingNet(seed: 5);
            model.Fit(train, validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 8 });
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F0}");
        }
        """), "MLDSL0016");

    [Fact]
    public Task Imputer_fitted_on_the_split_applied_to_every_part_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });
            var imputer = Imputer.Fit(split, ImputeStrategy.Median);
            var scaler = Standardizer.Fit(imputer.Apply(split.Train));
            Loan[] Prepare(IReadOnlyList<Loan> part) => scaler.Apply(imputer.Apply(part));

            using var model = new LoanNet(seed: 2);
            model.Fit(Prepare(split.Train), Prepare(split.Validation), new FitOptions { EarlyStoppingPatience = 4, Epochs = 50 });
            var test = Prepare(split.Test);
            var report = ClassificationReport.Compute(test, model.Predict(test), new[] { "repaid", "defaulted" });
            Console.WriteLine(report.Headline);
        }
        """));

    [Fact]
    public Task Median_imputer_fitted_on_every_row_inside_a_cleaning_helper_is_reported() => Expect(Script("""
        static Loan[] Clean(IReadOnlyList<Loan> rows)
        {
            var imputer = Imputer.Fit(rows, ImputeStrategy.Median);
            return imputer.Apply(rows).Where(r => r.Income >= 0).ToArray();
        }

        public static void Run(string path)
        {
            var loans = {|#0:Clean(CsvFile.Read<Loan>(path))|};
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 2);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score());
        }
        """), "MLDSL0016");

    // ───────────────────────── Cross-validation

    [Fact]
    public Task Cross_validation_on_training_rows_with_per_fold_scaling_averaged_then_one_test_score_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 8 });
            var cv = CrossValidation.Run(
                split.Train,
                CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 8), new FitOptions { Epochs = 20 }),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true, Seed = 8 },
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            foreach (var fold in cv.Folds)
                Console.WriteLine($"fold {fold.Fold}: {fold.Score:F3} ({fold.TrainRows}/{fold.ValidationRows})");
            Console.WriteLine($"cv accuracy {cv.Mean:F3} ± {cv.StandardDeviation:F3}");

            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 8);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:F3}");
        }
        """));

    [Fact]
    public Task Hand_written_fold_loop_refitting_the_scaler_per_fold_and_averaging_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var (train, _, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 4 });
            var scores = new List<double>();
            foreach (Fold fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
            {
                Loan[] foldTrain = fold.Train.Select(i => train[i]).ToArray();
                Loan[] foldValidation = fold.Validation.Select(i => train[i]).ToArray();
                var scaler = Standardizer.Fit(foldTrain);
                using var model = new LoanNet(seed: fold.Index);
                model.Fit(scaler.Apply(foldTrain), null, new FitOptions { Epochs = 15 });
                scores.Add(model.Evaluate(scaler.Apply(foldValidation)).Accuracy);
            }
            Console.WriteLine($"mean fold accuracy {scores.Average():F3} over {scores.Count} folds");

            var finalScaler = Standardizer.Fit(train);
            using var final = new LoanNet(seed: 4);
            final.Fit(finalScaler.Apply(train), null, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {final.Evaluate(finalScaler.Apply(test)).Accuracy:F3}");
        }
        """));

    [Fact]
    public Task Hand_written_fold_loop_with_the_scaler_fitted_once_on_all_training_rows_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var (train, _, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2, Seed = 4 });
            var scaler = Standardizer.Fit({|#0:train|});
            Loan[] scaled = scaler.Apply(train);
            var scores = new List<double>();
            foreach (Fold fold in Folds.Of(scaled, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
            {
                Loan[] foldTrain = fold.Train.Select(i => scaled[i]).ToArray();
                Loan[] foldValidation = fold.Validation.Select(i => scaled[i]).ToArray();
                using var model = new LoanNet(seed: fold.Index);
                model.Fit(foldTrain, null, new FitOptions { Epochs = 15 });
                scores.Add(model.Evaluate(foldValidation).Accuracy);
            }
            Console.WriteLine($"mean fold accuracy {scores.Average():F3} over {scores.Count} folds");
        }
        """), "MLDSL0016");

    [Fact]
    public Task SelectKBest_on_every_row_before_cross_validation_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var selector = SelectKBest.Fit({|#0:loans|}, ScoreFunction.AnovaF, k: 2);
            Loan[] selected = selector.Apply(loans);
            var cv = CrossValidation.Run(selected,
                CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 1)),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
            Console.WriteLine($"5-fold accuracy with 2 features: {cv}");
        }
        """), "MLDSL0016");

    [Fact]
    public Task Imputer_and_selector_refitted_inside_each_fold_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 9 });
            Func<IReadOnlyList<Loan>, Loan[]> Prepare(IReadOnlyList<Loan> foldTrain)
            {
                var imputer = Imputer.Fit(foldTrain, ImputeStrategy.Mean);
                var selector = SelectKBest.Fit(imputer.Apply(foldTrain), ScoreFunction.MutualInformation, k: 3);
                return rows => selector.Apply(imputer.Apply(rows));
            }
            var cv = CrossValidation.Run(split,
                CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 9), new FitOptions { Epochs = 25 }),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }, Prepare);
            Console.WriteLine($"cv: {cv.Mean:F3} ± {cv.StandardDeviation:F3}");
        }
        """));

    // ───────────────────────── Tuning on validation, one test score

    [Fact]
    public Task Grid_search_scored_on_validation_then_one_test_evaluation_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 21 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var validation = scaler.Apply(split.Validation);
            var grid = GridSearch.Grid(new[] { 1e-3, 3e-3, 1e-2 }, new[] { 32, 64 });
            var search = GridSearch.OnValidation(train, validation, grid,
                p => CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet(seed: 21), new FitOptions { LearningRate = p.Item1, BatchSize = p.Item2 }));
            foreach (var candidate in search.Candidates)
                Console.WriteLine($"{candidate.Parameters}: {candidate.Score.Mean:F3}");
            var (rate, batch) = search.BestParameters;

            using var model = new LoanNet(seed: 21);
            model.Fit(train, validation, new FitOptions { LearningRate = rate, BatchSize = batch, EarlyStoppingPatience = 5 });
            Console.WriteLine($"chosen lr={rate} batch={batch}: test {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
        }
        """));

    [Fact]
    public Task Learning_rate_loop_keeping_the_best_test_accuracy_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 21 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var validation = scaler.Apply(split.Validation);
            var test = scaler.Apply(split.Test);
            double bestAccuracy = 0, bestRate = 0;
            foreach (double rate in new[] { 1e-3, 3e-3, 1e-2 })
            {
                using var model = new LoanNet(seed: 21);
                model.Fit(train, validation, new FitOptions { LearningRate = rate, EarlyStoppingPatience = 5 });
                double accuracy = model.Evaluate({|#0:test|}).Accuracy;
                if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestRate = rate; }
            }
            Console.WriteLine($"best lr {bestRate}: test accuracy {bestAccuracy:P2}");
        }
        """), "MLDSL0018");

    [Fact]
    public Task Random_search_cross_validated_on_training_rows_then_one_test_score_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = CsvFile.Read<Listing>(path);
            var (train, validation, test) = listings.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 13 });
            var search = RandomSearch.CrossValidate(train,
                random => (Rate: Math.Pow(10, -4 + 2 * random.NextDouble()), Decay: random.NextDouble() * 1e-3),
                iterations: 12, seed: 13,
                p => CrossValidation.TrainModel<Listing, ListingNet>(() => new ListingNet(seed: 13), new FitOptions { LearningRate = p.Rate, WeightDecay = p.Decay }),
                new FoldOptions { Folds = 3, Shuffle = true },
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            var best = search.Best;
            Console.WriteLine($"best {best.Parameters} cv score {best.Score.Mean:F2}");

            var scaler = Standardizer.Fit(train);
            using var model = new ListingNet(seed: 13);
            model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { LearningRate = best.Parameters.Rate, WeightDecay = best.Parameters.Decay });
            Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F0}");
        }
        """));

    [Fact]
    public Task Two_architectures_compared_on_validation_best_evaluated_on_test_once_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var scans = CsvFile.Read<Scan>(path);
            var split = scans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 17 });
            var normalizer = ChannelNormalizer.Fit(split);
            Scan[] train = normalizer.Apply(split.Train), validation = normalizer.Apply(split.Validation), test = normalizer.Apply(split.Test);

            var small = new ScanNet(seed: 1);
            small.Fit(train, validation, new FitOptions { Epochs = 10, LearningRate = 1e-3 });
            var wide = new ScanNet(seed: 2);
            wide.Fit(train, validation, new FitOptions { Epochs = 10, LearningRate = 3e-3 });

            double smallScore = small.Evaluate(validation).Accuracy, wideScore = wide.Evaluate(validation).Accuracy;
            ScanNet chosen = smallScore >= wideScore ? small : wide;
            Console.WriteLine($"validation: {smallScore:P1} vs {wideScore:P1}");
            Console.WriteLine($"chosen model on test: {chosen.Evaluate(test).Accuracy:P1}");
        }
        """));

    [Fact]
    public Task Two_seeds_compared_on_test_and_the_better_one_saved_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var scans = CsvFile.Read<Scan>(path);
            var split = scans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 17 });
            var normalizer = ChannelNormalizer.Fit(split);
            Scan[] train = normalizer.Apply(split.Train), validation = normalizer.Apply(split.Validation), test = normalizer.Apply(split.Test);

            var first = new ScanNet(seed: 1);
            first.Fit(train, validation, new FitOptions { Epochs = 10 });
            var second = new ScanNet(seed: 2);
            second.Fit(train, validation, new FitOptions { Epochs = 10 });

            double a = first.Evaluate({|#0:test|}).Accuracy;
            double b = second.Evaluate({|#1:test|}).Accuracy;
            (a >= b ? first : second).Save("scan-net.bin");
            Console.WriteLine($"kept the model with test accuracy {Math.Max(a, b):P1}");
        }
        """), "MLDSL0018", "MLDSL0018");

    // ───────────────────────── Early stopping, refits

    [Fact]
    public Task Early_stopping_on_validation_and_test_scored_after_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var comments = CsvFile.Read<Comment>(path);
            var (train, validation, test) = comments.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.1, Seed = 6 });
            using var model = new CommentNet(seed: 6);
            FitReport report = model.Fit(train, validation, new FitOptions
            {
                Epochs = 100,
                EarlyStoppingPatience = 6,
                OnEpoch = e => Console.WriteLine($"epoch {e.Epoch}: loss {e.TrainLoss:F4} val {e.Validation?.Accuracy:P1}"),
            });
            Console.WriteLine($"best epoch {report.BestEpoch}, stopped at {report.StoppedEarlyAt}");
            var evaluation = model.Evaluate(test);
            Console.WriteLine($"test loss {evaluation.Loss:F4}, accuracy {evaluation.Accuracy:P2} on {evaluation.Count} comments");
        }
        """));

    [Fact]
    public Task Holdout_file_watched_by_early_stopping_and_then_reported_as_the_score_is_reported() => Expect(Script("""
        public static void Run(string trainPath, string holdoutPath)
        {
            var comments = CsvFile.Read<Comment>(trainPath);
            var holdout = CsvFile.Read<Comment>(holdoutPath);
            using var model = new CommentNet(seed: 6);
            FitReport report = model.Fit(comments, {|#0:holdout|}, new FitOptions { Epochs = 100, EarlyStoppingPatience = 6 });
            Console.WriteLine($"best epoch {report.BestEpoch}");
            var evaluation = model.Evaluate({|#1:holdout|});
            Console.WriteLine($"holdout accuracy {evaluation.Accuracy:P2}");
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Refit_on_training_and_validation_with_the_chosen_epoch_count_then_one_test_score_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var annotated = CsvFile.Read<Annotated>(path);
            var (train, validation, test) = annotated.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 30 });
            int bestEpoch;
            using (var probe = new AnnotatedNet(seed: 30))
            {
                var report = probe.Fit(train, validation, new FitOptions { Epochs = 80, EarlyStoppingPatience = 10 });
                bestEpoch = report.BestEpoch ?? 80;
            }
            var trainAndValidation = train.Concat(validation).ToList();
            using var final = new AnnotatedNet(seed: 30);
            final.Fit(trainAndValidation, null, new FitOptions { Epochs = bestEpoch });
            var evaluation = final.Evaluate(test);
            Console.WriteLine($"refit for {bestEpoch} epochs: test accuracy {evaluation.Accuracy:P2}, loss {evaluation.Loss:F3}");
        }
        """));

    [Fact]
    public Task Refit_on_every_part_including_test_then_scored_on_test_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var annotated = CsvFile.Read<Annotated>(path);
            var (train, validation, test) = annotated.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 30 });
            int bestEpoch;
            using (var probe = new AnnotatedNet(seed: 30))
            {
                var report = probe.Fit(train, validation, new FitOptions { Epochs = 80, EarlyStoppingPatience = 10 });
                bestEpoch = report.BestEpoch ?? 80;
            }
            var everything = train.Concat(validation).Concat(test).ToList();
            using var final = new AnnotatedNet(seed: 30);
            final.Fit(everything, null, new FitOptions { Epochs = bestEpoch });
            var evaluation = final.Evaluate({|#0:test|});
            Console.WriteLine($"refit for {bestEpoch} epochs: test accuracy {evaluation.Accuracy:P2}");
        }
        """), "MLDSL0027");

    [Fact]
    public Task Ship_refit_on_all_rows_after_the_test_score_was_taken_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 12 });
            var scaler = Standardizer.Fit(split);
            using (var model = new LoanNet(seed: 12))
            {
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
                Console.WriteLine($"held-out accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");
            }

            var shipScaler = Standardizer.Fit(loans);
            using var shipped = new LoanNet(seed: 12);
            shipped.Fit(shipScaler.Apply(loans), null, new FitOptions { Epochs = 40 });
            shipped.Save("artifacts/loan-net.bin");
            shipScaler.Save("artifacts/loan-scaler.json");
        }
        """));

    [Fact]
    public Task Only_score_taken_is_on_the_validation_rows_early_stopping_watched_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = CsvFile.Read<Listing>(path);
            var split = listings.Split(new SplitOptions { Validation = 0.2, Test = 0, Seed = 19 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var validation = scaler.Apply(split.Validation);
            using var model = new ListingNet(seed: 19);
            model.Fit(train, validation, new FitOptions { Epochs = 200, EarlyStoppingPatience = 15 });
            Evaluation result = model.Evaluate({|#0:validation|});
            Console.WriteLine($"final model MAE: {result.MeanAbsoluteError:F0}");
            model.Save("listing-net.bin");
        }
        """), "MLDSL0027");

    [Fact]
    public Task Training_score_printed_beside_the_test_score_as_an_overfitting_check_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = CsvFile.Read<Listing>(path);
            var split = listings.Split(new SplitOptions { Seed = 19 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            using var model = new ListingNet(seed: 19);
            model.Fit(train, scaler.Apply(split.Validation), new FitOptions { Epochs = 200, EarlyStoppingPatience = 15 });
            double trainMae = model.Evaluate(train).MeanAbsoluteError;
            double testMae = model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError;
            Console.WriteLine($"train MAE {trainMae:F0}, test MAE {testMae:F0}, gap {testMae - trainMae:F0}");
        }
        """));

    // ───────────────────────── Reporting and thresholds

    [Fact]
    public Task Test_set_evaluated_once_and_several_metrics_printed_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 15 });
            DataReport data = DataReport.Analyze(split);
            Console.Write(data);
            data.ThrowIfFailed();
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 15);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 5 });

            var test = scaler.Apply(split.Test);
            int[] predicted = model.Predict(test);
            float[][] probabilities = model.PredictProbabilities(test);
            var report = ClassificationReport.Compute(test, predicted, new[] { "repaid", "defaulted" }, probabilities);
            Console.WriteLine(report.Headline);
            Console.WriteLine($"balanced accuracy {report.BalancedAccuracy:F3}, log loss {report.LogLoss:F3}");
            Console.WriteLine($"loss {model.Evaluate(test).Loss:F4}");
        }
        """));

    [Fact]
    public Task Decision_threshold_chosen_on_validation_probabilities_then_applied_to_test_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 27 });
            var scaler = Standardizer.Fit(train);
            using var model = new LoanNet(seed: 27);
            model.Fit(scaler.Apply(train), scaler.Apply(validation));

            float[][] validationProbabilities = model.PredictProbabilities(scaler.Apply(validation));
            double F1At(float threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < validation.Count; i++)
                {
                    bool flagged = validationProbabilities[i][1] >= threshold, defaulted = validation[i].Defaulted == 1;
                    if (flagged && defaulted) tp++; else if (flagged) fp++; else if (defaulted) fn++;
                }
                return 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }
            float best = Enumerable.Range(1, 19).Select(k => k / 20f).MaxBy(F1At);

            float[][] testProbabilities = model.PredictProbabilities(scaler.Apply(test));
            int caught = test.Where((row, i) => row.Defaulted == 1 && testProbabilities[i][1] >= best).Count();
            Console.WriteLine($"threshold {best:F2}: caught {caught} of {test.Count(r => r.Defaulted == 1)} defaults on test");
        }
        """));

    // Mark moved from 'test' to the rows argument it is inside: a test score is reported on the rows argument of the
    // Predict or Evaluate call that made it, as everywhere else (same line either way).
    [Fact]
    public Task Decision_threshold_swept_on_test_probabilities_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2, Seed = 27 });
            var scaler = Standardizer.Fit(train);
            using var model = new LoanNet(seed: 27);
            model.Fit(scaler.Apply(train), scaler.Apply(validation));

            float[][] probabilities = model.PredictProbabilities({|#0:scaler.Apply(test)|});
            double F1At(float threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < test.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold, defaulted = test[i].Defaulted == 1;
                    if (flagged && defaulted) tp++; else if (flagged) fp++; else if (defaulted) fn++;
                }
                return 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }
            float best = Enumerable.Range(1, 19).Select(k => k / 20f).MaxBy(F1At);
            Console.WriteLine($"threshold {best:F2}: test F1 {F1At(best):F3}");
        }
        """), "MLDSL0018");

    [Fact]
    public Task Class_weights_from_training_label_counts_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 40 });
            int positives = split.Train.Count(l => l.Defaulted == 1), negatives = split.Train.Count - positives;
            var weights = new[] { 1f, (float)negatives / Math.Max(1, positives) };
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 40);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { ClassWeights = weights });
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score("test "));
        }
        """));

    [Fact]
    public Task Class_weights_from_the_test_label_counts_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 40 });
            int positives = {|#0:split.Test.Count(l => l.Defaulted == 1)|}, negatives = split.Test.Count - positives;
            var weights = new[] { 1f, (float)negatives / Math.Max(1, positives) };
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 40);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { ClassWeights = weights });
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score("test "));
        }
        """), "MLDSL0018");

    // ───────────────────────── Time and groups

    [Fact]
    public Task Lag_features_of_the_load_built_from_earlier_readings_split_by_time_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var raw = Exports.ReadMeter(path).OrderBy(r => r.At).ToList();
            var readings = new List<Reading>();
            for (int i = 24; i < raw.Count; i++)
            {
                readings.Add(new Reading
                {
                    At = raw[i].At,
                    Temperature = raw[i].Temperature,
                    LoadLag1 = raw[i - 1].Load,
                    LoadLag24 = raw[i - 24].Load,
                    Load = raw[i].Load,
                });
            }
            var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1 });
            var scaler = Standardizer.Fit(split);
            using var model = new ReadingNet(seed: 1);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
            Console.WriteLine($"next-hour load MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F1} kW");
        }
        """));

    // Mark moved from the call to the options argument: MLDSL0019 lands where its fix sets Kind (the rule page,
    // LeakageRuleTests and FreshLeakageCasesC agree); on the call only when no options are passed.
    [Fact]
    public Task Lag_features_split_at_random_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var raw = Exports.ReadMeter(path).OrderBy(r => r.At).ToList();
            var readings = new List<Reading>();
            for (int i = 24; i < raw.Count; i++)
            {
                readings.Add(new Reading
                {
                    At = raw[i].At,
                    Temperature = raw[i].Temperature,
                    LoadLag1 = raw[i - 1].Load,
                    LoadLag24 = raw[i - 24].Load,
                    Load = raw[i].Load,
                });
            }
            var split = readings.Split({|#0:new SplitOptions { Validation = 0.1, Test = 0.1, Seed = 1 }|});
            var scaler = Standardizer.Fit(split);
            using var model = new ReadingNet(seed: 1);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
            Console.WriteLine($"next-hour load MAE {model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F1} kW");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Trailing_temperature_mean_over_the_previous_day_before_a_time_split_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var raw = Exports.ReadMeter(path).OrderBy(r => r.At).ToList();
            var readings = Enumerable.Range(24, raw.Count - 24).Select(i => new Reading
            {
                At = raw[i].At,
                Temperature = raw.Skip(i - 24).Take(24).Average(r => r.Temperature),
                LoadLag1 = raw[i - 1].Load,
                LoadLag24 = raw[i - 24].Load,
                Load = raw[i].Load,
            }).ToList();
            var (train, validation, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
            using var model = new ReadingNet(seed: 2);
            model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
            Console.WriteLine(model.Evaluate(test).Score());
        }
        """));

    [Fact]
    public Task Time_series_folds_on_the_training_period_averaged_is_silent() => Expect(Script("""
        public static void Run(IReadOnlyList<Reading> readings)
        {
            var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.15 });
            var cv = CrossValidation.Run(split.Train,
                CrossValidation.TrainModel<Reading, ReadingNet>(() => new ReadingNet(seed: 3), new FitOptions { Epochs = 30 }),
                new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4, Gap = 24 },
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            Console.WriteLine($"walk-forward MAE {cv.Mean:F1} ± {cv.StandardDeviation:F1}");
        }
        """));

    // Mark moved from the call to the options argument: MLDSL0019 lands where its fix sets Kind (the rule page,
    // LeakageRuleTests and FreshLeakageCasesC agree); on the call only when no options are passed.
    [Fact]
    public Task Shuffled_kfold_over_timed_training_rows_is_reported() => Expect(Script("""
        public static void Run(IReadOnlyList<Reading> readings)
        {
            var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.15 });
            var cv = CrossValidation.Run(split.Train,
                CrossValidation.TrainModel<Reading, ReadingNet>(() => new ReadingNet(seed: 3), new FitOptions { Epochs = 30 }),
                {|#0:new FoldOptions { Folds = 4, Shuffle = true }|},
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            Console.WriteLine($"cv MAE {cv.Mean:F1} ± {cv.StandardDeviation:F1}");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Grouped_split_and_grouped_folds_for_patient_visits_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            Console.WriteLine($"{visits.Count} visits from {visits.Select(v => v.Patient).Distinct().Count()} patients");
            var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 23 });
            var cv = CrossValidation.Run(split.Train,
                CrossValidation.TrainModel<Visit, VisitNet>(() => new VisitNet(seed: 23)),
                new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 },
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            Console.WriteLine($"grouped cv accuracy {cv.Mean:P1}");

            var scaler = Standardizer.Fit(split);
            using var model = new VisitNet(seed: 23);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 4 });
            Console.WriteLine($"unseen patients: {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P1}");
        }
        """));

    // Mark moved from the call to the options argument: MLDSL0019 lands where its fix sets Kind (the rule page,
    // LeakageRuleTests and FreshLeakageCasesC agree); on the call only when no options are passed.
    [Fact]
    public Task Grouped_split_but_stratified_folds_inside_the_training_patients_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 23 });
            var cv = CrossValidation.Run(split.Train,
                CrossValidation.TrainModel<Visit, VisitNet>(() => new VisitNet(seed: 23)),
                {|#0:new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }|},
                prepare: foldTrain => Standardizer.Fit(foldTrain).Apply);
            Console.WriteLine($"cv accuracy {cv.Mean:P1}");

            var scaler = Standardizer.Fit(split);
            using var model = new VisitNet(seed: 23);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 4 });
            Console.WriteLine($"unseen patients: {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P1}");
        }
        """), "MLDSL0019");

    // Mark moved from the call to the options argument: MLDSL0019 lands where its fix sets Kind (the rule page,
    // LeakageRuleTests and FreshLeakageCasesC agree); on the call only when no options are passed.
    [Fact]
    public Task Stratified_split_of_patient_visits_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            var options = new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 23 };
            var (train, validation, test) = visits.Split({|#0:options|});
            var scaler = Standardizer.Fit(train);
            using var model = new VisitNet(seed: 23);
            model.Fit(scaler.Apply(train), scaler.Apply(validation));
            Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(test)).Accuracy:P1}");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Per_patient_mean_heart_rate_feature_before_a_grouped_split_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            var meanByPatient = visits.GroupBy(v => v.Patient).ToDictionary(g => g.Key, g => g.Average(v => v.HeartRate));
            var centred = visits.Select(v => v with { HeartRate = v.HeartRate - meanByPatient[v.Patient] }).ToList();
            var (train, validation, test) = centred.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
            using var model = new VisitNet(seed: 4);
            model.Fit(train, validation);
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P1}");
        }
        """));

    [Fact]
    public Task Per_patient_readmission_rate_as_a_feature_before_the_split_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            var rateByPatient = {|#0:visits.GroupBy(v => v.Patient).ToDictionary(g => g.Key, g => (float)g.Average(v => v.Readmitted))|};
            var enriched = visits.Select(v => v with { {|#1:Systolic = rateByPatient[v.Patient]|} }).ToList();
            var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
            using var model = new VisitNet(seed: 4);
            model.Fit(train, validation);
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P1}");
        }
        """), "MLDSL0016", "MLDSL0017");

    // ───────────────────────── Names that resemble the label

    [Fact]
    public Task Price_bucket_count_copied_from_the_export_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = Exports.ReadListings(path)
                .Where(r => r.Price > 0 && r.Area > 10)
                .Select(r => new Listing
                {
                    Area = r.Area,
                    Rooms = r.Rooms,
                    PriceBucketCount = r.ListingsInPriceBucket,
                    Neighbourhood = r.Neighbourhood,
                    Price = r.Price,
                })
                .ToList();
            var (train, validation, test) = listings.Split(new SplitOptions { Seed = 14 });
            var scaler = Standardizer.Fit(train);
            using var model = new ListingNet(seed: 14);
            model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { EarlyStoppingPatience = 10, Epochs = 150 });
            Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F0}");
        }
        """));

    [Fact]
    public Task Price_bucket_feature_derived_from_the_rows_own_price_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = Exports.ReadListings(path)
                .Where(r => r.Price > 0 && r.Area > 10)
                .Select(r => new Listing
                {
                    Area = r.Area,
                    Rooms = r.Rooms,
                    {|#0:PriceBucketCount = MathF.Floor(r.Price / 50_000f)|},
                    Neighbourhood = r.Neighbourhood,
                    Price = r.Price,
                })
                .ToList();
            var (train, validation, test) = listings.Split(new SplitOptions { Seed = 14 });
            var scaler = Standardizer.Fit(train);
            using var model = new ListingNet(seed: 14);
            model.Fit(scaler.Apply(train), scaler.Apply(validation), new FitOptions { EarlyStoppingPatience = 10, Epochs = 150 });
            Console.WriteLine($"test MAE {model.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F0}");
        }
        """), "MLDSL0017");

    [Fact]
    public Task Label_smoothing_feature_from_the_annotation_tool_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var annotated = CsvFile.Read<Annotated>(path)
                .Where(a => a.AgreeingRaters >= 1)
                .Select(a => a with { LabelSmoothing = Math.Clamp(a.LabelSmoothing, 0f, 0.5f) })
                .ToList();
            var split = annotated.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 31 });
            using var model = new AnnotatedNet(seed: 31);
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 25 });
            Console.WriteLine(model.Evaluate(split.Test).Score("held out: "));
        }
        """));

    [Fact]
    public Task Rater_agreement_recomputed_from_the_final_category_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var annotated = CsvFile.Read<Annotated>(path)
                .Select(a => a with { {|#0:AgreeingRaters = a.Category == 2 ? 3f : a.AgreeingRaters|} })
                .ToList();
            var split = annotated.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 31 });
            using var model = new AnnotatedNet(seed: 31);
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 25 });
            Console.WriteLine(model.Evaluate(split.Test).Score("held out: "));
        }
        """), "MLDSL0017");

    // ───────────────────────── Rows multiplied: after the split only

    [Fact]
    public Task Smote_on_the_training_part_only_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 50 });
            var scaler = Standardizer.Fit(split);
            Loan[] train = scaler.Apply(split.Train);
            Loan[] balanced = Oversampler.Smote(train, k: 5, seed: 50);
            Console.WriteLine($"{train.Length} -> {balanced.Length} training rows, {balanced.Count(l => l.Defaulted == 1)} defaults");
            using var model = new LoanNet(seed: 50);
            model.Fit(balanced, scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 5 });
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score());
        }
        """));

    [Fact]
    public Task Smote_on_every_row_then_split_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            Loan[] balanced = {|#0:Oversampler.Smote(loans, k: 5, seed: 50)|};
            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 50 });
            using var model = new LoanNet(seed: 50);
            model.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 5 });
            Console.WriteLine(model.Evaluate(split.Test).Score());
        }
        """), "MLDSL0026");

    [Fact]
    public Task Flip_augmentation_of_training_scans_only_is_silent() => Expect(Script("""
        static Scan Flip(Scan scan, Random random)
        {
            var pixels = new float[64];
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                    pixels[y * 8 + x] = scan.Pixels[y * 8 + (7 - x)];
            return scan with { Pixels = random.NextDouble() < 0.5 ? pixels : scan.Pixels };
        }

        public static void Run(string path)
        {
            var scans = CsvFile.Read<Scan>(path);
            var (train, validation, test) = scans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 60 });
            Scan[] augmented = Oversampler.Augment(train, Flip, copies: 3, seed: 60);
            var normalizer = ChannelNormalizer.Fit(augmented);
            using var model = new ScanNet(seed: 60);
            model.Fit(normalizer.Apply(augmented), normalizer.Apply(validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test {model.Evaluate(normalizer.Apply(test)).Accuracy:P1}");
        }
        """));

    [Fact]
    public Task Flipped_copies_of_every_scan_made_before_the_split_is_reported() => Expect(Script("""
        static Scan Mirror(Scan scan)
        {
            var pixels = new float[64];
            for (int y = 0; y < 8; y++)
                for (int x = 0; x < 8; x++)
                    pixels[y * 8 + x] = scan.Pixels[y * 8 + (7 - x)];
            return scan with { Pixels = pixels };
        }

        public static void Run(string path)
        {
            var scans = CsvFile.Read<Scan>(path);
            var withMirrors = {|#0:scans.SelectMany(s => new[] { s, Mirror(s) })|}.ToList();
            var (train, validation, test) = withMirrors.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 60 });
            var normalizer = ChannelNormalizer.Fit(train);
            using var model = new ScanNet(seed: 60);
            model.Fit(normalizer.Apply(train), normalizer.Apply(validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test {model.Evaluate(normalizer.Apply(test)).Accuracy:P1}");
        }
        """), "MLDSL0026");

    [Fact]
    public Task Two_disjoint_files_concatenated_before_the_split_is_silent() => Expect(Script("""
        public static void Run(string januaryPath, string februaryPath)
        {
            var january = CsvFile.Read<Comment>(januaryPath);
            var february = CsvFile.Read<Comment>(februaryPath);
            var comments = january.Concat(february).Where(c => c.Tokens.Length == 16).ToList();
            var (train, validation, test) = comments.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 70 });
            using var model = new CommentNet(seed: 70);
            model.Fit(train, validation, new FitOptions { Epochs = 8 });
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
        }
        """));

    // ───────────────────────── Vocabulary, stacking

    [Fact]
    public Task Vocabulary_built_from_training_texts_only_is_silent() => Expect(Script("""
        static Comment Encode(Comment c, IReadOnlyDictionary<string, int> vocabulary)
        {
            int[] ids = c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => vocabulary.TryGetValue(w, out int id) ? id : 1).Take(16).ToArray();
            return c with { Tokens = ids.Concat(Enumerable.Repeat(0, 16 - ids.Length)).ToArray() };
        }

        public static void Run(string path)
        {
            var comments = CsvFile.Read<Comment>(path);
            var (train, validation, test) = comments.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 80 });
            var vocabulary = train.SelectMany(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(w => w).OrderByDescending(g => g.Count()).Take(498)
                .Select((g, i) => (g.Key, Id: i + 2)).ToDictionary(p => p.Key, p => p.Id);
            using var model = new CommentNet(seed: 80);
            model.Fit(train.Select(c => Encode(c, vocabulary)).ToList(), validation.Select(c => Encode(c, vocabulary)).ToList());
            Console.WriteLine(model.Evaluate(test.Select(c => Encode(c, vocabulary)).ToList()).Score());
        }
        """));

    [Fact]
    public Task Vocabulary_built_from_every_comment_before_the_split_is_reported() => Expect(Script("""
        static Comment Encode(Comment c, IReadOnlyDictionary<string, int> vocabulary)
        {
            int[] ids = c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => vocabulary.TryGetValue(w, out int id) ? id : 1).Take(16).ToArray();
            return c with { Tokens = ids.Concat(Enumerable.Repeat(0, 16 - ids.Length)).ToArray() };
        }

        public static void Run(string path)
        {
            var comments = CsvFile.Read<Comment>(path);
            var vocabulary = {|#0:comments.SelectMany(c => c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(w => w).OrderByDescending(g => g.Count()).Take(498)
                .Select((g, i) => (g.Key, Id: i + 2)).ToDictionary(p => p.Key, p => p.Id)|};
            var encoded = comments.Select(c => Encode(c, vocabulary)).ToList();
            var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 80 });
            using var model = new CommentNet(seed: 80);
            model.Fit(train, validation);
            Console.WriteLine(model.Evaluate(test).Score());
        }
        """), "MLDSL0016");

    [Fact]
    public Task Stacked_feature_from_a_model_trained_on_other_rows_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.3, Test = 0.2, Seed = 90 });
            using var first = new LoanNet(seed: 1);
            first.Fit(split.Train, null, new FitOptions { Epochs = 10 });
            Loan WithScore(Loan l) => l with { OpenCreditLines = first.PredictProbabilities(l)[1] };

            var secondStage = split.Validation.Select(WithScore).ToList();
            var (secondTrain, secondValidation, _) = secondStage.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.25, Test = 0, Seed = 91 });
            using var second = new LoanNet(seed: 2);
            second.Fit(secondTrain, secondValidation);
            Console.WriteLine($"stacked test accuracy {second.Evaluate(split.Test.Select(WithScore).ToList()).Accuracy:P1}");
        }
        """));

    [Fact]
    public Task Stacked_feature_from_predictions_on_the_first_models_own_training_rows_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 90 });
            using var first = new LoanNet(seed: 1);
            first.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
            var stackedTrain = split.Train.Select(l => l with { OpenCreditLines = {|#0:first.PredictProbabilities(l)|}[1] }).ToList();
            var stackedValidation = split.Validation.Select(l => l with { OpenCreditLines = first.PredictProbabilities(l)[1] }).ToList();
            using var second = new LoanNet(seed: 2);
            second.Fit(stackedTrain, stackedValidation);
            var stackedTest = split.Test.Select(l => l with { OpenCreditLines = first.PredictProbabilities(l)[1] }).ToList();
            Console.WriteLine($"stacked test accuracy {second.Evaluate(stackedTest).Accuracy:P1}");
        }
        """), "MLDSL0028");

    // ───────────────────────── The declarative form

    [Fact]
    public Task Pipeline_whose_ingest_only_reads_and_cleans_rows_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(LoanNet), ClassNames = new[] { "repaid", "defaulted" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7)]
        [Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]
        [Train(Epochs = 40, BatchSize = 32, LearningRate = 3e-3, Seed = 7, EarlyStoppingPatience = 6)]
        [Gate(MinAccuracy = 0.8, MinClassRecall = 0.6)]
        [Export("artifacts/loans")]
        public sealed partial class LoanPipeline
        {
            [Ingest]
            private static IReadOnlyList<Loan> Load()
            {
                var rows = CsvFile.Read<Loan>("data/loans.csv");
                return rows
                    .Where(r => r.Income >= 0 && r.DebtRatio < 100)
                    .Select(r => r with { OpenCreditLines = Math.Min(r.OpenCreditLines, 60) })
                    .GroupBy(r => (r.Income, r.DebtRatio, r.OpenCreditLines, r.PriorDefaults, r.Defaulted))
                    .Select(g => g.First())
                    .ToList();
            }
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_ingest_dropping_rows_with_an_impossible_price_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(ListingNet))]
        [Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2, Seed = 4)]
        [Transform(TransformKind.MinMax)]
        [Train(Epochs = 120, EarlyStoppingPatience = 12)]
        [Gate(MaxMae = 40_000, MinR2 = 0.5)]
        [Export("artifacts/listings")]
        public sealed partial class ListingPipeline
        {
            [Ingest]
            private static IReadOnlyList<Listing> Load() =>
                CsvFile.Read<Listing>("data/listings.csv")
                    .Where(l => l.Price > 1_000 && l.Price < 5_000_000 && l.Area > 10)
                    .ToList();
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_ingest_filling_missing_income_with_the_mean_of_every_row_is_reported() => Expect(Declarations("""
        [Pipeline(typeof(LoanNet), ClassNames = new[] { "repaid", "defaulted" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 40, EarlyStoppingPatience = 6)]
        [Export("artifacts/loans")]
        public sealed partial class LoanPipeline
        {
            [Ingest]
            private static IReadOnlyList<Loan> Load()
            {
                var rows = CsvFile.Read<Loan>("data/loans.csv");
                float meanIncome = {|#0:rows.Where(r => !float.IsNaN(r.Income)).Average(r => r.Income)|};
                return rows.Select(r => float.IsNaN(r.Income) ? r with { Income = meanIncome } : r).ToList();
            }
        }
        """ + Rows), "MLDSL0016");

    [Fact]
    public Task Pipeline_ingest_standardizing_every_row_is_reported() => Expect(Declarations("""
        [Pipeline(typeof(ListingNet))]
        [Split(Kind = SplitKind.Random, Validation = 0.1, Test = 0.2, Seed = 4)]
        [Train(Epochs = 120, EarlyStoppingPatience = 12)]
        [Export("artifacts/listings")]
        public sealed partial class ListingPipeline
        {
            [Ingest]
            private static IReadOnlyList<Listing> Load()
            {
                var rows = CsvFile.Read<Listing>("data/listings.csv").Where(l => l.Price > 1_000).ToList();
                var scaler = Standardizer.Fit({|#0:rows|});
                scaler.Save("artifacts/listing-scaler.json");
                return scaler.Apply(rows);
            }
        }
        """ + Rows), "MLDSL0016");

    [Fact]
    public Task Pipeline_with_a_grouped_split_for_patient_visits_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(VisitNet), ClassNames = new[] { "home", "readmitted" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 11)]
        [Validate(MinTrainRows = 100)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5, Oversample = OversampleKind.Random)]
        [Gate(MinAccuracy = 0.7, MinClassRecall = 0.5)]
        [Export("artifacts/readmission")]
        public sealed partial class ReadmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Visit> Load() =>
                CsvFile.Read<Visit>("data/visits.csv").Where(v => v.HeartRate is > 20 and < 250).ToList();
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_with_a_stratified_split_for_patient_visits_is_reported() => Expect(Declarations("""
        [Pipeline(typeof(VisitNet), ClassNames = new[] { "home", "readmitted" })]
        [{|#0:Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 11)|}]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        [Gate(MinAccuracy = 0.7)]
        [Export("artifacts/readmission")]
        public sealed partial class ReadmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Visit> Load() =>
                CsvFile.Read<Visit>("data/visits.csv").Where(v => v.HeartRate is > 20 and < 250).ToList();
        }
        """ + Rows), "MLDSL0019");

    [Fact]
    public Task Pipeline_over_lagged_readings_split_by_time_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(ReadingNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 60, EarlyStoppingPatience = 6)]
        [Gate(MaxMae = 25)]
        [Export("artifacts/load")]
        public sealed partial class LoadPipeline
        {
            [Ingest]
            private static IReadOnlyList<Reading> Load()
            {
                var raw = Exports.ReadMeter("data/meter.csv").OrderBy(r => r.At).ToList();
                var readings = new List<Reading>();
                for (int i = 24; i < raw.Count; i++)
                    readings.Add(new Reading { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i - 1].Load, LoadLag24 = raw[i - 24].Load, Load = raw[i].Load });
                return readings;
            }
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_over_lagged_readings_without_a_split_attribute_is_reported() => Expect(Declarations("""
        [{|#0:Pipeline(typeof(ReadingNet))|}]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 60, EarlyStoppingPatience = 6)]
        [Gate(MaxMae = 25)]
        [Export("artifacts/load")]
        public sealed partial class LoadPipeline
        {
            [Ingest]
            private static IReadOnlyList<Reading> Load()
            {
                var raw = Exports.ReadMeter("data/meter.csv").OrderBy(r => r.At).ToList();
                var readings = new List<Reading>();
                for (int i = 24; i < raw.Count; i++)
                    readings.Add(new Reading { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i - 1].Load, LoadLag24 = raw[i - 24].Load, Load = raw[i].Load });
                return readings;
            }
        }
        """ + Rows), "MLDSL0019");

    [Fact]
    public Task Pipeline_oversampling_through_its_train_stage_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(LoanNet), ClassNames = new[] { "repaid", "defaulted" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 3)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, Oversample = OversampleKind.Smote, EarlyStoppingPatience = 5)]
        [GateMinimum("balanced_accuracy", 0.7)]
        [Export("artifacts/loans-smote")]
        public sealed partial class BalancedLoanPipeline
        {
            [Ingest] private static IReadOnlyList<Loan> Load() => CsvFile.Read<Loan>("data/loans.csv");
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_ingest_that_oversamples_the_defaults_is_reported() => Expect(Declarations("""
        [Pipeline(typeof(LoanNet), ClassNames = new[] { "repaid", "defaulted" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 3)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        [Export("artifacts/loans-balanced")]
        public sealed partial class BalancedLoanPipeline
        {
            [Ingest]
            private static IReadOnlyList<Loan> Load()
            {
                var rows = CsvFile.Read<Loan>("data/loans.csv");
                var defaults = rows.Where(r => r.Defaulted == 1).ToList();
                return {|#0:rows.Concat(defaults).Concat(defaults)|}.ToList();
            }
        }
        """ + Rows), "MLDSL0026");

    [Fact]
    public Task Pipeline_definition_reused_imperatively_with_train_only_steps_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(VisitNet), ClassNames = new[] { "home", "readmitted" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 11)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        [Export("artifacts/readmission")]
        public sealed partial class ReadmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Visit> Load() => CsvFile.Read<Visit>("data/visits.csv");
        }

        public static class Experiment
        {
            public static void Run()
            {
                var split = ReadmissionPipeline.Definition.Ingest().Split(ReadmissionPipeline.Definition.Split);
                var imputer = Imputer.Fit(split, ImputeStrategy.Median);
                var scaler = Standardizer.Fit(imputer.Apply(split.Train));
                using var model = new VisitNet(seed: 11);
                model.Fit(scaler.Apply(imputer.Apply(split.Train)), scaler.Apply(imputer.Apply(split.Validation)));
                Console.WriteLine(model.Evaluate(scaler.Apply(imputer.Apply(split.Test))).Score("unseen patients: "));
            }
        }
        """ + Rows));

    [Fact]
    public Task Follow_up_member_known_after_the_label_kept_out_of_the_features_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [GroupKey] public string Patient { get; init; } = "";
            [Feature] public float Age { get; init; }
            [Feature] public float PriorAdmissions { get; init; }
            [Feature] public float LengthOfStay { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float FollowUpVisits { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Admission))]
        public sealed partial class AdmissionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Pipeline(typeof(AdmissionNet), ClassNames = new[] { "no", "yes" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 5)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        [Export("artifacts/admissions")]
        public sealed partial class AdmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Admission> Load() => CsvFile.Read<Admission>("data/admissions.csv");
        }
        """));

    [Fact]
    public Task Follow_up_visits_known_after_the_label_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [GroupKey] public string Patient { get; init; } = "";
            [Feature] public float Age { get; init; }
            [Feature] public float PriorAdmissions { get; init; }
            [Feature] public float LengthOfStay { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:FollowUpVisits|} { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Admission))]
        public sealed partial class AdmissionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Pipeline(typeof(AdmissionNet), ClassNames = new[] { "no", "yes" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 5)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 30, EarlyStoppingPatience = 5)]
        [Export("artifacts/admissions")]
        public sealed partial class AdmissionPipeline
        {
            [Ingest] private static IReadOnlyList<Admission> Load() => CsvFile.Read<Admission>("data/admissions.csv");
        }
        """), "MLDSL0029");

    [Fact]
    public Task Pipeline_for_scans_whose_ingest_normalizes_each_image_by_its_own_pixels_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(ScanNet), ClassNames = new[] { "low", "mid", "high" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 12)]
        [Train(Epochs = 20, EarlyStoppingPatience = 4)]
        [Gate(MinAccuracy = 0.75)]
        [Export("artifacts/scans")]
        public sealed partial class ScanPipeline
        {
            [Ingest]
            private static IReadOnlyList<Scan> Load() =>
                CsvFile.Read<Scan>("data/scans.csv").Select(s =>
                {
                    float max = s.Pixels.Max();
                    return max > 0 ? s with { Pixels = s.Pixels.Select(p => p / max).ToArray() } : s;
                }).ToList();
        }
        """ + Rows));

    [Fact]
    public Task Pipeline_for_scans_whose_ingest_divides_by_the_brightest_pixel_of_the_whole_set_is_reported() => Expect(Declarations("""
        [Pipeline(typeof(ScanNet), ClassNames = new[] { "low", "mid", "high" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 12)]
        [Train(Epochs = 20, EarlyStoppingPatience = 4)]
        [Export("artifacts/scans")]
        public sealed partial class ScanPipeline
        {
            [Ingest]
            private static IReadOnlyList<Scan> Load()
            {
                var scans = CsvFile.Read<Scan>("data/scans.csv");
                float brightest = {|#0:scans.Max(s => s.Pixels.Max())|};
                return scans.Select(s => s with { Pixels = s.Pixels.Select(p => p / brightest).ToArray() }).ToList();
            }
        }
        """ + Rows), "MLDSL0016");

    [Fact]
    public Task Pipeline_reading_two_monthly_exports_and_dropping_empty_comments_is_silent() => Expect(Declarations("""
        [Pipeline(typeof(CommentNet), ClassNames = new[] { "ok", "toxic" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.1, Seed = 2)]
        [Train(Epochs = 6, BatchSize = 128)]
        [Gate(MinMacroF1 = 0.6)]
        [Export("artifacts/comments")]
        public sealed partial class CommentPipeline
        {
            [Ingest]
            private static IReadOnlyList<Comment> Load()
            {
                var all = new List<Comment>();
                foreach (string month in new[] { "2026-01", "2026-02" })
                    all.AddRange(CsvFile.Read<Comment>($"data/comments-{month}.csv").Where(c => c.Tokens.Any(t => t != 0)));
                return all;
            }
        }
        """ + Rows));

    // ───────────────────────── More look-alikes

    [Fact]
    public Task Scaler_fitted_on_every_row_only_to_print_the_feature_scales_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var overview = Standardizer.Fit(loans);
            for (int i = 0; i < overview.Features.Count; i++)
                Console.WriteLine($"{overview.Features[i],-16} shift {overview.Shift[i],10:F2} scale {overview.Scale[i],10:F4}");

            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 33 });
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 33);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score("test "));
        }
        """));

    [Fact]
    public Task Inner_split_of_the_training_part_used_to_choose_the_batch_size_then_one_test_score_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = CsvFile.Read<Listing>(path);
            var outer = listings.Split(new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 44 });
            var inner = outer.Train.Split(new SplitOptions { Validation = 0, Test = 0.25, Seed = 45 });
            int bestBatch = 0;
            double bestMae = double.MaxValue;
            foreach (int batch in new[] { 16, 32, 64 })
            {
                using var candidate = new ListingNet(seed: 44);
                candidate.Fit(inner.Train, null, new FitOptions { BatchSize = batch, Epochs = 40 });
                double mae = candidate.Evaluate(inner.Test).MeanAbsoluteError;
                if (mae < bestMae) { bestMae = mae; bestBatch = batch; }
            }
            using var model = new ListingNet(seed: 44);
            model.Fit(outer.Train, outer.Validation, new FitOptions { BatchSize = bestBatch, Epochs = 40, EarlyStoppingPatience = 5 });
            Console.WriteLine($"batch {bestBatch}: test MAE {model.Evaluate(outer.Test).MeanAbsoluteError:F0}");
        }
        """));

    [Fact]
    public Task Validation_rows_taken_from_the_training_rows_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var listings = CsvFile.Read<Listing>(path);
            var split = listings.Split(new SplitOptions { Validation = 0, Test = 0.2, Seed = 44 });
            var monitor = split.Train.OrderBy(l => l.Area).Where((l, i) => i % 10 == 0).ToList();
            using var model = new ListingNet(seed: 44);
            model.Fit(split.Train, {|#0:monitor|}, new FitOptions { Epochs = 100, EarlyStoppingPatience = 8 });
            Console.WriteLine($"test MAE {model.Evaluate(split.Test).MeanAbsoluteError:F0}");
        }
        """), "MLDSL0020");

    [Fact]
    public Task Count_and_ordinal_features_that_look_like_identifiers_are_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public float NumberOfSupportCalls { get; init; }
            [Feature] public float WeekNumber { get; init; }
            [Feature] public float BodyMassIndex { get; init; }
            [Feature] public float MonthlyFee { get; init; }
            [Label(Classes = 2)] public int Cancelled { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class SubscriberNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Pipeline(typeof(SubscriberNet), ClassNames = new[] { "stayed", "cancelled" })]
        [Split(Kind = SplitKind.Stratified, Seed = 8)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 20)]
        [Export("artifacts/subscribers")]
        public sealed partial class SubscriberPipeline
        {
            [Ingest] private static IReadOnlyList<Subscriber> Load() => CsvFile.Read<Subscriber>("data/subscribers.csv");
        }
        """));

    [Fact]
    public Task Customer_number_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public int {|#0:CustomerNumber|} { get; init; }
            [Feature] public float NumberOfSupportCalls { get; init; }
            [Feature] public float MonthlyFee { get; init; }
            [Label(Classes = 2)] public int Cancelled { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class SubscriberNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Pipeline(typeof(SubscriberNet), ClassNames = new[] { "stayed", "cancelled" })]
        [Split(Kind = SplitKind.Stratified, Seed = 8)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 20)]
        [Export("artifacts/subscribers")]
        public sealed partial class SubscriberPipeline
        {
            [Ingest] private static IReadOnlyList<Subscriber> Load() => CsvFile.Read<Subscriber>("data/subscribers.csv");
        }
        """), "MLDSL0021");

    [Fact]
    public Task Trailing_load_mean_in_a_for_loop_before_a_time_split_is_silent() => Expect(Script("""
        public static void Run(string path)
        {
            var raw = Exports.ReadMeter(path).OrderBy(r => r.At).ToList();
            var readings = new List<Reading>();
            for (int i = 24; i < raw.Count; i++)
            {
                float previousDay = raw.Skip(i - 24).Take(24).Average(r => r.Load);
                readings.Add(new Reading { At = raw[i].At, Temperature = raw[i].Temperature, LoadLag1 = raw[i - 1].Load, LoadLag24 = previousDay, Load = raw[i].Load });
            }
            var (train, validation, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
            using var model = new ReadingNet(seed: 2);
            model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
            Console.WriteLine(model.Evaluate(test).Score());
        }
        """));

    [Fact]
    public Task Lag_feature_that_reads_the_next_hours_load_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var raw = Exports.ReadMeter(path).OrderBy(r => r.At).ToList();
            var readings = new List<Reading>();
            for (int i = 24; i < raw.Count - 1; i++)
            {
                readings.Add(new Reading
                {
                    At = raw[i].At,
                    Temperature = raw[i].Temperature,
                    {|#0:LoadLag1 = (raw[i - 1].Load + raw[i + 1].Load) / 2|},
                    LoadLag24 = raw[i - 24].Load,
                    Load = raw[i].Load,
                });
            }
            var (train, validation, test) = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
            using var model = new ReadingNet(seed: 2);
            model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
            Console.WriteLine(model.Evaluate(test).Score());
        }
        """), "MLDSL0017");

    [Fact]
    public Task Test_accuracy_per_patient_age_band_and_a_constant_gate_is_silent() => Expect(Script("""
        public static int Run(string path)
        {
            var visits = CsvFile.Read<Visit>(path);
            var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 5 });
            using var model = new VisitNet(seed: 5);
            model.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 4 });
            foreach (var band in split.Test.GroupBy(v => (int)(v.Age / 20) * 20).OrderBy(g => g.Key))
                Console.WriteLine($"age {band.Key}-{band.Key + 19}: {model.Evaluate(band.ToList()).Accuracy:P1} on {band.Count()} visits");
            double overall = model.Evaluate(split.Test).Accuracy;
            Console.WriteLine($"overall {overall:P1}");
            return overall >= 0.75 ? 0 : 4;
        }
        """));

    [Fact]
    public Task Scoring_a_new_unlabelled_export_after_the_evaluation_is_silent() => Expect(Script("""
        public static void Run(string path, string incomingPath)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 61 });
            var scaler = Standardizer.Fit(split);
            using var model = new LoanNet(seed: 61);
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 5 });
            Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Score("test "));

            var incoming = scaler.Apply(CsvFile.Read<Loan>(incomingPath));
            int[] decisions = model.Predict(incoming);
            Console.WriteLine($"{decisions.Count(d => d == 1)} of {incoming.Length} applications flagged");
        }
        """));

    [Fact]
    public Task Every_row_trained_on_while_validating_on_the_validation_part_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var comments = CsvFile.Read<Comment>(path);
            var split = comments.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0, Seed = 62 });
            using var model = new CommentNet(seed: 62);
            var report = model.Fit(comments, {|#0:split.Validation|}, new FitOptions { Epochs = 30, EarlyStoppingPatience = 3 });
            Console.WriteLine($"best validation accuracy {report.Epochs.Max(e => e.Validation?.Accuracy ?? 0):P1}");
        }
        """), "MLDSL0020");

    [Fact]
    public Task Threshold_chosen_by_counting_right_test_predictions_in_a_loop_is_reported() => Expect(Script("""
        public static void Run(string path)
        {
            var loans = CsvFile.Read<Loan>(path);
            var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 63 });
            using var model = new LoanNet(seed: 63);
            model.Fit(split.Train, split.Validation);
            float[][] scores = model.PredictProbabilities({|#0:split.Test|});
            float bestThreshold = 0.5f;
            int bestCorrect = -1;
            for (float t = 0.05f; t < 1f; t += 0.05f)
            {
                int correct = 0;
                for (int i = 0; i < split.Test.Count; i++)
                    if ((scores[i][1] >= t ? 1 : 0) == split.Test[i].Defaulted) correct++;
                if (correct > bestCorrect) { bestCorrect = correct; bestThreshold = t; }
            }
            Console.WriteLine($"threshold {bestThreshold:F2}: {bestCorrect} of {split.Test.Count} right");
        }
        """), "MLDSL0018");
}
