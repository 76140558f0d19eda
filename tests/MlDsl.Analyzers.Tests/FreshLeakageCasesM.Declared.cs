namespace MlDsl.Analyzers.Tests;

/// <summary>Set M, kind 7: group and time leakage in pipelines and by hand, with grouped and time-ordered twins.</summary>
public sealed partial class FreshLeakageCasesM
{
    // Educational data mining with nested data (pupils within schools; Pardos et al. and the "student-level vs.
    // school-level split" discussions): a dropout pipeline stratified by the label, so a school sits on both sides.
    [Fact]
    public Task Dropout_pipeline_stratified_over_pupils_with_a_school_key_is_reported() => Expect(Program("""
        [Pipeline(typeof(PupilNet), ClassNames = new[] { "stays", "drops out" })]
        [Transform(TransformKind.Standardize)]
        [{|#0:Split(Kind = SplitKind.Stratified, Test = 0.25)|}]
        [Train(Epochs = 25)]
        public sealed partial class DropoutPipeline
        {
            [Ingest] private static IReadOnlyList<Pupil> Load() => CsvFile.Read<Pupil>("pupils.csv");
        }
        """), "MLDSL0019");

    // Cerqueira et al., "Evaluating time series forecasting models" (2020), the shuffled-holdout baseline: a SCADA
    // pipeline without any [Split], which splits at random.
    [Fact]
    public Task Turbine_pipeline_without_a_split_attribute_is_reported() => Expect(Program("""
        [{|#0:Pipeline(typeof(TurbineNet))|}]
        [Transform(TransformKind.MinMax)]
        [Train(Epochs = 40, EarlyStoppingPatience = 4)]
        public sealed partial class TurbinePipeline
        {
            [Ingest] private static IReadOnlyList<Reading> Load() => CsvFile.Read<Reading>("scada.csv");
        }
        """), "MLDSL0019");

    // An [Ingest] that calls a cleaning helper standardising every wine (the pipeline then splits what it returns).
    [Fact]
    public Task Wine_pipeline_ingest_calling_a_standardising_helper_is_reported() => Expect(Program("""
        public static class Cleaning
        {
            public static Wine[] Standardised(IReadOnlyList<Wine> wines) => Standardizer.Fit(wines).Apply(wines);
        }

        [Pipeline(typeof(WineNet))]
        [Split(Validation = 0.1, Test = 0.2, Seed = 9)]
        [Train(Epochs = 50)]
        public sealed partial class WinePipeline
        {
            [Ingest]
            private static IReadOnlyList<Wine> Load() => {|#0:Cleaning.Standardised(CsvFile.Read<Wine>("winequality-red.csv"))|};
        }
        """), "MLDSL0016");

    // An [Ingest] that balances the classes with random oversampling before the pipeline splits.
    [Fact]
    public Task Claim_pipeline_ingest_oversampling_every_claim_is_reported() => Expect(Program("""
        [Pipeline(typeof(ClaimNet), ClassNames = new[] { "honest", "fraud" })]
        [Split(Kind = SplitKind.Stratified)]
        [Train(Epochs = 30)]
        public sealed partial class FraudPipeline
        {
            [Ingest]
            private static IReadOnlyList<Claim> Load()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                return {|#0:Oversampler.Random(claims, seed: 4)|};
            }
        }
        """), "MLDSL0026");

    // A hand-written 75/25 split of pupils by shuffling with Guid.NewGuid (the pandas `sample(frac=1)` idiom) in a
    // helper returning a tuple, ignoring the school key.
    [Fact]
    public Task Pupils_shuffled_with_guids_and_cut_in_a_helper_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            static (List<Pupil> Train, List<Pupil> Test) Holdout(IReadOnlyList<Pupil> pupils)
            {
                var shuffled = {|#0:pupils.OrderBy(_ => Guid.NewGuid())|}.ToList();
                int cut = shuffled.Count * 3 / 4;
                return (shuffled.Take(cut).ToList(), shuffled.Skip(cut).ToList());
            }

            public static void Main()
            {
                var (train, test) = Holdout(CsvFile.Read<Pupil>("pupils.csv"));
                using var net = new PupilNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0019");

    // Default folds (5-fold KFold) over pupils that declare a school key: every fold mixes schools.
    [Fact]
    public Task Default_folds_over_pupils_with_a_school_key_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var losses = new List<double>();
                foreach (var fold in {|#0:Folds.Of(pupils)|})
                {
                    using var net = new PupilNet();
                    net.Fit(fold.Train.Select(i => pupils[i]).ToList());
                    losses.Add(net.Evaluate(fold.Validation.Select(i => pupils[i]).ToList()).Loss);
                }
                Console.WriteLine($"CV loss {losses.Average():F3}");
            }
        }
        """), "MLDSL0019");

    // Split options kept in a static readonly field of a settings class, random kind, used on the SCADA readings.
    [Fact]
    public Task Random_split_options_from_a_settings_field_over_readings_is_reported() => Expect(Program("""
        public static class Settings
        {
            public static readonly SplitOptions Holdout = new SplitOptions { Kind = SplitKind.Random, Test = 0.2, Seed = 1 };
        }

        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var split = readings.Split({|#0:Settings.Holdout|});
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    // Look-alike: the SCADA pipeline split by time, its [Ingest] only filtering curtailed records (no statistic).
    [Fact]
    public Task Turbine_pipeline_split_by_time_with_a_filtering_ingest_is_silent() => Expect(Program("""
        [Pipeline(typeof(TurbineNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        [Train(Epochs = 40, EarlyStoppingPatience = 4)]
        public sealed partial class TurbinePipeline
        {
            [Ingest]
            private static IReadOnlyList<Reading> Load() =>
                CsvFile.Read<Reading>("scada.csv").Where(r => r.Power > 0f && r.Wind < 25f).OrderBy(r => r.Time).ToList();
        }
        """));

    // Look-alike (a grouped split by hand, GroupShuffleSplit written out): the schools are shuffled, and every pupil
    // follows their school.
    [Fact]
    public Task Schools_shuffled_and_their_pupils_taken_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var random = new Random(2);
                var schools = pupils.Select(p => p.School).Distinct().OrderBy(_ => random.Next()).ToList();
                var testSchools = schools.Take(schools.Count / 4).ToHashSet();
                var train = pupils.Where(p => !testSchools.Contains(p.School)).ToList();
                var test = pupils.Where(p => testSchools.Contains(p.School)).ToList();
                using var net = new PupilNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike (scikit-learn's TimeSeriesSplit): expanding-window folds with a gap over the training readings.
    [Fact]
    public Task Time_series_folds_with_a_gap_over_training_readings_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var options = new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5, Gap = 144 };
                var result = CrossValidation.Run(split.Train, CrossValidation.TrainModel<Reading, TurbineNet>(() => new TurbineNet()), options);
                Console.WriteLine($"MAE {result.Mean:F1} ± {result.StandardDeviation:F1}");
            }
        }
        """));

    // Look-alike: a settings field holding grouped options, copied `with` a different test size for the pupils.
    [Fact]
    public Task Grouped_settings_copied_with_another_test_size_is_silent() => Expect(Program("""
        public static class Settings
        {
            public static readonly SplitOptions BySchool = new SplitOptions { Kind = SplitKind.Grouped, Seed = 1 };
        }

        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var split = pupils.Split(Settings.BySchool with { Test = 0.3 });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
