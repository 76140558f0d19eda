namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, kind 7: group and time leakage, declarative and imperative (patients, users and drives straddling the
/// split; weeks shuffled; an [Ingest] that learns from every row), beside grouped and time-ordered programs.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Roberts et al., "Common pitfalls and recommendations for using machine learning to detect and prognosticate for
    // COVID-19 using chest radiographs and CT scans" (Nature Machine Intelligence 2021): scans of one patient in training
    // and test. A scan pipeline stratified by the label instead of split by patient.
    [Fact]
    public Task Scan_pipeline_stratified_over_a_patient_key_is_reported() => Expect(Program("""
        [Pipeline(typeof(ScanNet), ClassNames = new[] { "normal", "covid" })]
        [Transform(TransformKind.Standardize)]
        [{|#0:Split(Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.15, Seed = 21)|}]
        [Train(Epochs = 20, BatchSize = 32, EarlyStoppingPatience = 3)]
        public sealed partial class CovidScanPipeline
        {
            [Ingest] private static IReadOnlyList<Scan> Load() => CsvFile.Read<Scan>("cxr.csv");
        }
        """), "MLDSL0019");

    // Kapoor & Narayanan (2023) L3.2, non-independence between train and test: web sessions of one user on both sides,
    // the split options kept in a local the way a notebook keeps its "config" cell.
    [Fact]
    public Task Sessions_split_at_random_with_options_in_a_local_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var holdout = new SplitOptions { Validation = 0.1, Test = 0.25, Seed = 7 };
                var (train, validation, test) = sessions.Split({|#0:holdout|});
                using var net = new SessionNet();
                net.Fit(train, validation);
                Console.WriteLine($"conversion accuracy {net.Evaluate(test).Accuracy:P1}");
            }
        }
        """), "MLDSL0019");

    // scikit-learn "Common pitfalls" (data leakage during pre-processing) in its declarative form: an [Ingest] that picks
    // the best features by ANOVA F over every encounter, before the pipeline splits what it returns.
    [Fact]
    public Task Encounter_pipeline_ingest_selecting_features_on_every_row_is_reported() => Expect(Program("""
        [Pipeline(typeof(EncounterNet), ClassNames = new[] { "no", "readmitted" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2)]
        [Train(Epochs = 30)]
        public sealed partial class ReadmissionPipeline
        {
            [Ingest]
            private static IReadOnlyList<Encounter> Load()
            {
                var encounters = CsvFile.Read<Encounter>("diabetic_data.csv");
                var selector = SelectKBest.Fit({|#0:encounters|}, ScoreFunction.AnovaF, 3);
                return selector.Apply(encounters);
            }
        }
        """), "MLDSL0016");

    // Bergmeir & Benítez (2012) and the Kaggle "Walmart Recruiting" forum on shuffled validation: store weeks scored by
    // shuffled 4-fold cross-validation inside a grid search over learning rates.
    [Fact]
    public Task Store_weeks_grid_searched_over_shuffled_folds_is_reported() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("walmart.csv");
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var folds = new FoldOptions { Folds = 4, Shuffle = true, Seed = 3 };
                var search = GridSearch.CrossValidate(split.Train, new[] { 1e-3, 3e-3, 1e-2 },
                    rate => CrossValidation.TrainModel<StoreWeek, StoreNet>(() => new StoreNet(), new FitOptions { LearningRate = rate }),
                    {|#0:folds|});
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    // Roberts et al. (2021), the same patient's images in train and test, in a hand-written "systematic sample": every
    // fifth scan becomes a test scan, so a patient's scans (stored next to each other) fall on both sides.
    [Fact]
    public Task Every_fifth_scan_held_out_by_position_is_reported() => Expect(Program("""
        public static class CovidNotebook
        {
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("cxr.csv");
                var test = {|#0:scans.Where((s, i) => i % 5 == 0)|}.ToList();
                var train = scans.Where((s, i) => i % 5 != 0).ToList();
                using var net = new ScanNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // Backblaze notebooks shuffling drive-days with Random.Shuffle and slicing: a drive's days on both sides.
    [Fact]
    public Task Drive_days_shuffled_in_place_and_sliced_is_reported() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var days = CsvFile.Read<DriveDay>("smart.csv").ToArray();
                var random = new Random(17);
                {|#0:random.Shuffle(days)|};
                int cut = days.Length * 4 / 5;
                var train = days[..cut];
                var test = days[cut..];
                using var net = new DriveNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // Look-alike (Roberts et al.'s recommendation): the scan pipeline split by patient.
    [Fact]
    public Task Scan_pipeline_split_by_patient_is_silent() => Expect(Program("""
        [Pipeline(typeof(ScanNet), ClassNames = new[] { "normal", "covid" })]
        [Transform(TransformKind.Standardize)]
        [Split(Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15, Seed = 21)]
        [Train(Epochs = 20, BatchSize = 32, EarlyStoppingPatience = 3)]
        public sealed partial class CovidScanPipeline
        {
            [Ingest] private static IReadOnlyList<Scan> Load() => CsvFile.Read<Scan>("cxr.csv");
        }
        """));

    // Look-alike: a store-week pipeline split by time whose [Ingest] only orders, filters closed weeks and derives a
    // per-row feature (no statistic over rows), the pipeline's own Standardize stage fitted on training rows.
    [Fact]
    public Task Store_pipeline_split_by_time_with_a_per_row_ingest_is_silent() => Expect(Program("""
        [Pipeline(typeof(StoreNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 40, EarlyStoppingPatience = 5)]
        public sealed partial class WeeklySalesPipeline
        {
            [Ingest]
            private static IReadOnlyList<StoreWeek> Load() =>
                CsvFile.Read<StoreWeek>("walmart.csv")
                    .Where(w => w.Sales > 0f)
                    .Select(w => w with { Holiday = w.Week.Month == 12 && w.Week.Day > 20 ? 1f : w.Holiday })
                    .OrderBy(w => w.Week)
                    .ToList();
        }
        """));

    // Look-alike (scikit-learn GroupShuffleSplit written out): the users are shuffled, and their sessions follow them.
    [Fact]
    public Task Users_shuffled_and_their_sessions_assigned_is_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var users = sessions.Select(s => s.User).Distinct().ToArray();
                new Random(5).Shuffle(users);
                var testUsers = users[..(users.Length / 5)].ToHashSet();
                var train = new List<Session>();
                var test = new List<Session>();
                foreach (var session in sessions)
                    (testUsers.Contains(session.User) ? test : train).Add(session);
                using var net = new SessionNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike (the forecasting holdout Bergmeir & Benítez recommend): a calendar cut-off, training weeks before it.
    [Fact]
    public Task Weeks_cut_at_a_calendar_date_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var weeks = CsvFile.Read<StoreWeek>("walmart.csv");
                var cutoff = new DateTime(2012, 6, 1);
                var validationStart = cutoff.AddDays(-8 * 7);
                var train = weeks.Where(w => w.Week < validationStart).ToList();
                var validation = weeks.Where(w => w.Week >= validationStart && w.Week < cutoff).ToList();
                var test = weeks.Where(w => w.Week >= cutoff).ToList();
                using var net = new StoreNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: grouped folds over the training encounters (GroupKFold by patient), the fold scores averaged.
    [Fact]
    public Task Grouped_folds_over_training_encounters_averaged_is_silent() => Expect(Program("""
        public static class ReadmissionNotebook
        {
            public static void Main()
            {
                var encounters = CsvFile.Read<Encounter>("diabetic_data.csv");
                var split = encounters.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 30 });
                var result = CrossValidation.Run(split.Train,
                    CrossValidation.TrainModel<Encounter, EncounterNet>(() => new EncounterNet(), new FitOptions { Epochs = 15 }),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
                Console.WriteLine($"grouped CV accuracy {result.Mean:P1} ± {result.StandardDeviation:P1}");
            }
        }
        """));

    // Look-alike: an [Ingest] that rescales by fixed, documented constants (SMART raw values capped at the vendor's
    // limits), not by statistics of the rows, in a pipeline split by drive.
    [Fact]
    public Task Drive_pipeline_ingest_rescaling_by_fixed_constants_is_silent() => Expect(Program("""
        [Pipeline(typeof(DriveNet), ClassNames = new[] { "healthy", "failed" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 6)]
        [Train(Epochs = 25)]
        public sealed partial class DriveFailurePipeline
        {
            const float MaxSectors = 65535f;
            const float HoursPerYear = 24f * 365f;

            [Ingest]
            private static IReadOnlyList<DriveDay> Load() =>
                CsvFile.Read<DriveDay>("smart.csv").Select(d => d with
                {
                    Reallocated = Math.Min(d.Reallocated, MaxSectors) / MaxSectors,
                    Pending = Math.Min(d.Pending, MaxSectors) / MaxSectors,
                    PowerOnHours = d.PowerOnHours / HoursPerYear,
                }).ToList();
        }
        """));
}
