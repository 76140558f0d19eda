namespace MlDsl.Analyzers.Tests;

/// <summary>Set M, kind 1: statistics learned from rows that later reach validation or test, and fits that stay harmless.</summary>
public sealed partial class FreshLeakageCasesM
{
    // scikit-learn "Common pitfalls" (data leakage during pre-processing), in the shape of a notebook's utility module:
    // an extension method rescales alcohol by the largest value of whatever rows it is called on, before the split.
    [Fact]
    public Task Extension_method_rescaling_by_the_largest_alcohol_of_every_wine_is_reported() => Expect(Program("""
        public static class WineFrames
        {
            public static List<Wine> RescaledByMax(this IReadOnlyList<Wine> wines)
            {
                float top = wines.Max(w => w.Alcohol);
                return wines.Select(w => w with { Alcohol = w.Alcohol / top }).ToList();
            }
        }

        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var scaled = {|#0:wines.RescaledByMax()|};
                var (train, validation, test) = scaled.Split(new SplitOptions { Seed = 7 });
                using var net = new WineNet();
                net.Fit(train, validation);
                Console.WriteLine($"test MAE {net.Evaluate(test).MeanAbsoluteError:F2}");
            }
        }
        """), "MLDSL0016");

    // Kaggle "Porto Seguro / IEEE fraud" kernels: frequency features per garage computed on the whole claim table
    // (a feature statistic, not the label), kept in a static property of a feature class, then split.
    [Fact]
    public Task Mean_claim_per_garage_kept_in_a_static_property_over_every_claim_is_reported() => Expect(Program("""
        public static class GarageFeatures
        {
            public static Dictionary<string, float> MeanAmount { get; private set; } = new();

            public static void Learn(IReadOnlyList<Claim> claims) =>
                MeanAmount = claims.GroupBy(c => c.Garage).ToDictionary(g => g.Key, g => g.Average(c => c.Amount));

            public static Claim With(Claim c) => c with { GarageRate = c.Amount / MeanAmount[c.Garage] };
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                {|#0:GarageFeatures.Learn(claims)|};
                var featured = claims.Select(GarageFeatures.With).ToList();
                var split = featured.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Cross Validated "Impute missing values before or after splitting?" (accepted answer: after). Here a cleaner class
    // learns the cohort's medians in its constructor from every pupil and the notebook then splits by school.
    [Fact]
    public Task Cleaner_class_learning_medians_from_every_pupil_in_its_constructor_is_reported() => Expect(Program("""
        public sealed class Cleaner
        {
            private readonly Imputer imputer;

            public Cleaner(IReadOnlyList<Pupil> cohort) => imputer = Imputer.Fit(cohort, ImputeStrategy.Median);

            public Pupil[] Clean(IReadOnlyList<Pupil> pupils) => imputer.Apply(pupils);
        }

        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var cleaner = {|#0:new Cleaner(pupils)|};
                var split = cleaner.Clean(pupils).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Kaggle wind-power forecasting kernels that call MinMaxScaler().fit_transform on the full SCADA frame before a
    // chronological split; here inside an async loading helper.
    [Fact]
    public Task Min_max_scaler_fitted_on_every_reading_in_an_async_loader_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            static async Task<Reading[]> PrepareAsync(string path)
            {
                var readings = await Task.Run(() => CsvFile.Read<Reading>(path));
                return MinMaxScaler.Fit(readings).Apply(readings);
            }

            public static async Task Main()
            {
                var scaled = await {|#0:PrepareAsync("scada.csv")|};
                var split = scaled.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // scikit-learn "Common pitfalls", the SelectKBest example, written with a switch expression choosing the selector by
    // a configuration string; every claim scores the features before the split.
    [Fact]
    public Task Selector_chosen_by_a_switch_expression_and_fitted_on_every_claim_is_reported() => Expect(Program("""
        public sealed record Config(string Selection, int K);

        public static class FraudNotebook
        {
            public static void Main()
            {
                var config = new Config("anova", 3);
                var claims = CsvFile.Read<Claim>("claims.csv");
                SelectKBest selector = config.Selection switch
                {
                    "chi2" => SelectKBest.Fit({|#1:claims|}, ScoreFunction.ChiSquare, config.K),
                    _ => SelectKBest.Fit({|#0:claims|}, ScoreFunction.AnovaF, config.K),
                };
                var kept = selector.Apply(claims);
                var split = kept.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016", "MLDSL0016");

    // A z-score written by hand with running sums (the "Welford" loop from a numerics answer on Stack Overflow), over
    // every wine in a local function, then the standardised wines are split.
    [Fact]
    public Task Running_sums_over_every_wine_in_a_local_function_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                (float Mean, float Sd) Moments(IEnumerable<Wine> rows)
                {
                    double sum = 0, squares = 0; int n = 0;
                    foreach (var w in rows) { sum += w.Sulphates; squares += w.Sulphates * w.Sulphates; n++; }
                    double mean = sum / n;
                    return ((float)mean, (float)Math.Sqrt(squares / n - mean * mean));
                }
                var (mean, sd) = {|#0:Moments(wines)|};
                var standardised = wines.Select(w => w with { Sulphates = (w.Sulphates - mean) / sd }).ToList();
                var split = standardised.Split();
                using var net = new WineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Kaufman et al., "Leakage in data mining" (KDD 2011), global normalisation in time series: the wind speed is
    // centred on the mean of the whole record, written in query syntax, before the chronological split.
    [Fact]
    public Task Wind_centred_on_the_mean_of_the_whole_record_in_query_syntax_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv");
                float windMean = {|#0:readings.Average(r => r.Wind)|};
                var centred = (from r in readings
                               let w = r.Wind - windMean
                               select r with { Wind = w }).ToList();
                var (train, validation, test) = centred.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // The same scaler as a property of an experiment object: fitted on the Rows property (every claim) in Prepare, then
    // Run splits the transformed rows. ("Leakage and the reproducibility crisis", Kapoor & Narayanan: L1.2 pre-processing
    // on train and test.)
    [Fact]
    public Task Standardizer_fitted_on_an_experiments_rows_property_before_its_split_is_reported() => Expect(Program("""
        public sealed class Experiment
        {
            public IReadOnlyList<Claim> Rows { get; }
            public Standardizer? Scaler { get; private set; }

            public Experiment(string path) => Rows = CsvFile.Read<Claim>(path);

            public void Prepare() => Scaler = Standardizer.Fit({|#0:Rows|});

            public double Run()
            {
                var split = Scaler!.Apply(Rows).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                return net.Evaluate(split.Test).Accuracy;
            }
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var experiment = new Experiment("claims.csv");
                experiment.Prepare();
                Console.WriteLine(experiment.Run());
            }
        }
        """), "MLDSL0016");

    // Look-alike (exploratory data analysis cell): a standardizer fitted on every wine only to print the feature
    // means and spreads; the model's own scaler is fitted on the training part.
    [Fact]
    public Task Standardizer_over_every_wine_only_printed_is_silent() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var overview = Standardizer.Fit(wines);
                for (int i = 0; i < overview.Features.Count; i++)
                    Console.WriteLine($"{overview.Features[i],-10} shift {overview.Shift[i]:F2} scale {overview.Scale[i]:F2}");
                var split = wines.Split(new SplitOptions { Seed = 7 });
                var scaler = Standardizer.Fit(split.Train);
                using var net = new WineNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike (the fix of the garage case): means per garage learned from the training claims only, with the
    // training mean as the fallback for garages never seen.
    [Fact]
    public Task Mean_claim_per_garage_from_training_claims_with_a_fallback_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            static List<Claim> WithGarage(IEnumerable<Claim> claims, IReadOnlyDictionary<string, float> means, float fallback) =>
                claims.Select(c => c with { GarageRate = c.Amount / means.GetValueOrDefault(c.Garage, fallback) }).ToList();

            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var means = train.GroupBy(c => c.Garage).ToDictionary(g => g.Key, g => g.Average(c => c.Amount));
                float fallback = train.Average(c => c.Amount);
                using var net = new ClaimNet();
                net.Fit(WithGarage(train, means, fallback), WithGarage(validation, means, fallback));
                Console.WriteLine(net.Evaluate(WithGarage(test, means, fallback)).Accuracy);
            }
        }
        """));

    // Look-alike (plotting cell): histogram bins over every pupil's attendance written to a file for a figure; the
    // model's inputs never see them.
    [Fact]
    public Task Attendance_histogram_over_every_pupil_written_for_a_figure_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                float top = pupils.Max(p => p.Attendance);
                var counts = new int[10];
                foreach (var p in pupils)
                    counts[Math.Min(9, (int)(p.Attendance / top * 10))]++;
                File.WriteAllLines("attendance-histogram.csv", counts.Select((c, i) => $"{i},{c}"));
                var split = pupils.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (scikit-learn Pipeline inside cross_val_score): a min-max scaler refitted inside every fold of the
    // training wines, fold scores only averaged.
    [Fact]
    public Task Min_max_scaler_refitted_in_every_fold_of_the_training_wines_is_silent() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var (train, _, test) = wines.Split(new SplitOptions { Validation = 0 });
                var errors = new List<double>();
                foreach (var fold in Folds.Of(train, new FoldOptions { Folds = 5, Shuffle = true }))
                {
                    var fit = fold.Train.Select(i => train[i]).ToList();
                    var held = fold.Validation.Select(i => train[i]).ToList();
                    var scaler = MinMaxScaler.Fit(fit);
                    using var net = new WineNet();
                    net.Fit(scaler.Apply(fit));
                    errors.Add(net.Evaluate(scaler.Apply(held)).MeanAbsoluteError);
                }
                Console.WriteLine($"CV MAE {errors.Average():F2} over {errors.Count} folds");
            }
        }
        """));

    // Look-alike: a record of fitted steps made by a helper from the DataSplit overloads (which fit on the training
    // part), applied to each part.
    [Fact]
    public Task Record_of_steps_fitted_through_the_split_overloads_is_silent() => Expect(Program("""
        public sealed record Prep(Imputer Imputer, Standardizer Scaler)
        {
            public static Prep Learn(DataSplit<Pupil> split)
            {
                var imputer = Imputer.Fit(split, ImputeStrategy.Median);
                return new Prep(imputer, Standardizer.Fit(imputer.Apply(split.Train)));
            }

            public Pupil[] Apply(IReadOnlyList<Pupil> pupils) => Scaler.Apply(Imputer.Apply(pupils));
        }

        public static class DropoutStudy
        {
            public static void Main()
            {
                var split = CsvFile.Read<Pupil>("pupils.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var prep = Prep.Learn(split);
                using var net = new PupilNet();
                net.Fit(prep.Apply(split.Train), prep.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(prep.Apply(split.Test)).Accuracy);
            }
        }
        """));
}
