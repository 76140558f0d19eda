namespace MlDsl.Analyzers.Tests;

/// <summary>Set C, leaky programs: each one leaks, and the analyzers must say so at the marked span.</summary>
public sealed partial class FreshLeakageCasesC
{
    // ───────────────────────── classes with fields and properties

    [Fact]
    public Task Class_field_scaler_fitted_in_constructor_on_all_rows_then_split_in_another_method_is_reported() => Expect(Program("""
        public sealed class DiabetesStudy
        {
            private readonly IReadOnlyList<Patient> rows;
            private readonly Standardizer scaler;

            public DiabetesStudy(string path)
            {
                rows = CsvFile.Read<Patient>(path);
                scaler = Standardizer.Fit({|#0:rows|});
            }

            public double Run()
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var net = new PatientNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                return net.Evaluate(scaler.Apply(split.Test)).Accuracy;
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Properties_set_in_Init_hold_the_test_part_watched_by_early_stopping_in_Train_is_reported() => Expect(Program("""
        public sealed class ChurnExperiment
        {
            public IReadOnlyList<Patient> TrainRows { get; private set; } = Array.Empty<Patient>();
            public IReadOnlyList<Patient> HoldoutRows { get; private set; } = Array.Empty<Patient>();

            public void Init(string path)
            {
                var split = CsvFile.Read<Patient>(path).Split(new SplitOptions { Validation = 0, Test = 0.25 });
                TrainRows = split.Train;
                HoldoutRows = split.Test;
            }

            public PatientNet Train()
            {
                var net = new PatientNet();
                net.Fit(TrainRows, {|#0:HoldoutRows|}, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
                Console.WriteLine($"held-out accuracy {net.Evaluate({|#1:HoldoutRows|}).Accuracy:P1}");
                return net;
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Static_field_min_max_fitted_on_the_file_that_Main_reads_again_and_splits_is_reported() => Expect(Program("""
        public static class Prices
        {
            private static readonly MinMaxScaler Scaler = MinMaxScaler.Fit({|#0:CsvFile.Read<House>("data/houses.csv")|});

            public static void Main()
            {
                var houses = CsvFile.Read<House>("data/houses.csv");
                var (train, validation, test) = Scaler.Apply(houses).Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Static_property_of_fitted_imputer_built_from_all_rows_and_applied_before_the_split_is_reported() => Expect(Program("""
        public static class Clinic
        {
            public static IReadOnlyList<Patient> All { get; } = CsvFile.Read<Patient>("pima.csv");
            public static Imputer Filler { get; } = Imputer.Fit({|#0:All|}, ImputeStrategy.Median);

            public static void Main()
            {
                var filled = Filler.Apply(All);
                var split = filled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // ───────────────────────── LINQ query syntax

    [Fact]
    public Task Query_syntax_fills_zero_bmi_with_the_mean_of_all_rows_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var rows = CsvFile.Read<Patient>("pima.csv");
                float meanBmi = {|#0:(from r in rows where r.Bmi > 0 select r.Bmi).Average()|};
                var cleaned = (from r in rows
                               select r.Bmi == 0 ? r with { Bmi = meanBmi } : r).ToList();
                var (train, validation, test) = cleaned.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Query_syntax_labels_diabetes_by_thresholding_the_glucose_that_is_also_a_feature_is_reported() => Expect(Script("""
            public static IReadOnlyList<Patient> Load(IEnumerable<RawPatient> raws) =>
                (from raw in raws
                 where raw.Age >= 21
                 select new Patient
                 {
                     Glucose = raw.Glucose,
                     Bmi = raw.Bmi,
                     Age = raw.Age,
                     {|#0:Diabetic = raw.Glucose >= 126 ? 1 : 0|},
                 }).ToList();
        """), "MLDSL0017");

    [Fact]
    public Task Query_syntax_with_let_computes_a_feature_from_the_label_is_reported() => Expect(Script("""
            public static IReadOnlyList<Patient> Enrich(IReadOnlyList<Patient> rows) =>
                (from p in rows
                 let risk = p.Diabetic * 40f + p.Age
                 select p with { {|#0:Age = risk|} }).ToList();
        """), "MLDSL0017");

    // ───────────────────────── lambdas stored in Func<>, local functions

    [Fact]
    public Task Func_variable_that_standardizes_its_argument_invoked_on_all_rows_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                Func<IReadOnlyList<Patient>, Patient[]> normalize = rows => Standardizer.Fit(rows).Apply(rows);
                var all = CsvFile.Read<Patient>("pima.csv");
                var scaled = {|#0:normalize(all)|};
                var split = scaled.Split();
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Func_variable_scoring_a_model_invoked_on_the_rows_it_was_fitted_on_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                Func<PatientNet, IReadOnlyList<Patient>, double> accuracy = (m, rows) => m.Evaluate(rows).Accuracy;
                using var net = new PatientNet();
                net.Fit(split.Train);
                Console.WriteLine($"accuracy: {accuracy(net, {|#0:split.Train|}):P2}");
            }
        """), "MLDSL0027");

    [Fact]
    public Task Local_function_taking_the_largest_pixel_of_all_scans_to_rescale_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("scans.csv");
                float Peak(IEnumerable<Scan> items) => items.Max(s => s.Pixels.Max());
                float peak = {|#0:Peak(scans)|};
                var rescaled = scans.Select(s => s with { Pixels = s.Pixels.Select(p => p / peak).ToArray() }).ToList();
                var (train, validation, test) = rescaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScanNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Local_function_that_trains_and_returns_its_own_training_accuracy_is_reported() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();

                double TrainAndScore(IReadOnlyList<House> rows)
                {
                    using var net = new HouseNet();
                    net.Fit(rows, null, new FitOptions { Epochs = 50 });
                    return net.Evaluate({|#0:rows|}).MeanAbsoluteError;
                }

                Console.WriteLine($"MAE {TrainAndScore(train):F0}");
            }
        """), "MLDSL0027");

    // ───────────────────────── tuples and out parameters

    [Fact]
    public Task Tuple_returning_holdout_helper_whose_second_element_is_the_test_part_used_as_validation_is_reported() => Expect(Script("""
            static (IReadOnlyList<Patient> Fit, IReadOnlyList<Patient> Check) Holdout(IReadOnlyList<Patient> rows)
            {
                var split = rows.Split(new SplitOptions { Validation = 0, Test = 0.3, Seed = 3 });
                return (split.Train, split.Test);
            }

            public static void Main()
            {
                var (fitRows, checkRows) = Holdout(CsvFile.Read<Patient>("pima.csv"));
                using var net = new PatientNet();
                net.Fit(fitRows, {|#0:checkRows|}, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(net.Evaluate({|#1:checkRows|}).Accuracy);
            }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Named_tuple_of_parts_whose_training_element_is_also_scored_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Sale>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                var parts = (Learn: split.Train, Later: split.Test);
                using var net = new SaleNet();
                net.Fit(parts.Learn);
                var report = net.Evaluate({|#0:parts.Learn|});
                Console.WriteLine($"MAE {report.MeanAbsoluteError:F2}");
            }
        """), "MLDSL0027");

    [Fact]
    public Task Out_parameter_helper_fitting_a_scaler_on_its_input_before_splitting_it_is_reported() => Expect(Script("""
            static void Prepare(IReadOnlyList<House> houses, out House[] train, out House[] test)
            {
                var scaler = Standardizer.Fit({|#0:houses|});
                var split = houses.Split(new SplitOptions { Validation = 0, Test = 0.2 });
                train = scaler.Apply(split.Train);
                test = scaler.Apply(split.Test);
            }

            public static void Main()
            {
                Prepare(CsvFile.Read<House>("houses.csv"), out var train, out var test);
                using var net = new HouseNet();
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Out_parameters_named_neutrally_carry_the_test_part_into_early_stopping_is_reported() => Expect(Script("""
            static void Divide(IReadOnlyList<Visit> rows, out IReadOnlyList<Visit> first, out IReadOnlyList<Visit> second)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0, Test = 0.25 });
                first = split.Train;
                second = split.Test;
            }

            public static void Main()
            {
                Divide(CsvFile.Read<Visit>("falls.csv"), out var first, out var second);
                using var net = new VisitNet();
                net.Fit(first, {|#0:second|}, new FitOptions { Epochs = 100, EarlyStoppingPatience = 8 });
                Console.WriteLine(net.Evaluate({|#1:second|}).Accuracy);
            }
        """), "MLDSL0018", "MLDSL0027");

    // ───────────────────────── arrays and dictionaries of parts

    [Fact]
    public Task Array_of_parts_whose_index_two_is_passed_as_validation_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                IReadOnlyList<Patient>[] parts = { split.Train, split.Validation, split.Test };
                using var net = new PatientNet();
                net.Fit(parts[0], {|#0:parts[2]|});
                Console.WriteLine(net.Evaluate({|#1:parts[2]|}).Accuracy);
            }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Array_of_parts_with_the_same_index_for_training_and_validation_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Scan>("scans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var parts = new[] { split.Train, split.Validation, split.Test };
                const int Fit = 0;
                using var net = new ScanNet();
                net.Fit(parts[Fit], {|#0:parts[Fit]|}, new FitOptions { EarlyStoppingPatience = 3 });
                Console.WriteLine(net.Evaluate(parts[2]).Accuracy);
            }
        """), "MLDSL0020");

    [Fact]
    public Task Dictionary_keyed_by_split_name_whose_test_entry_picks_the_learning_rate_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var sets = new Dictionary<string, IReadOnlyList<Patient>>
                {
                    ["train"] = split.Train,
                    ["valid"] = split.Validation,
                    ["test"] = split.Test,
                };
                double best = 0, bestRate = 0;
                foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
                {
                    using var net = new PatientNet();
                    net.Fit(sets["train"], sets["valid"], new FitOptions { LearningRate = rate });
                    double accuracy = net.Evaluate({|#0:sets["test"]|}).Accuracy;
                    if (accuracy > best) { best = accuracy; bestRate = rate; }
                }
                Console.WriteLine($"best rate {bestRate} ({best:P1})");
            }
        """), "MLDSL0018");

    [Fact]
    public Task Dictionary_of_parts_whose_test_entry_is_added_to_the_training_rows_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                var sets = new Dictionary<string, IReadOnlyList<House>> { ["train"] = split.Train, ["test"] = split.Test };
                var everything = new List<House>(sets["train"]);
                everything.AddRange(sets["test"]);
                using var net = new HouseNet();
                net.Fit(everything);
                Console.WriteLine($"test MAE {net.Evaluate({|#0:sets["test"]|}).MeanAbsoluteError:F0}");
            }
        """), "MLDSL0027");

    // ───────────────────────── iterators

    [Fact]
    public Task Yield_return_iterator_duplicating_positive_patients_before_the_split_is_reported() => Expect(Script("""
            static IEnumerable<Patient> Balanced(IEnumerable<Patient> rows)
            {
                foreach (var row in rows)
                {
                    yield return row;
                    if (row.Diabetic == 1) yield return row;
                }
            }

            public static void Main()
            {
                var all = CsvFile.Read<Patient>("pima.csv");
                var balanced = {|#0:Balanced(all)|}.ToList();
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0026");

    [Fact]
    public Task Yield_return_iterator_adding_flipped_scans_before_cross_validation_is_reported() => Expect(Script("""
            static float[] Mirror(float[] pixels)
            {
                var flipped = new float[pixels.Length];
                for (int y = 0; y < 8; y++)
                    for (int x = 0; x < 8; x++)
                        flipped[y * 8 + x] = pixels[y * 8 + 7 - x];
                return flipped;
            }

            static IEnumerable<Scan> WithMirrors(IEnumerable<Scan> scans)
            {
                foreach (var scan in scans)
                {
                    yield return scan;
                    yield return scan with { Pixels = Mirror(scan.Pixels) };
                }
            }

            public static void Main()
            {
                var augmented = {|#0:WithMirrors(CsvFile.Read<Scan>("scans.csv"))|}.ToList();
                var cv = CrossValidation.Run(augmented, CrossValidation.TrainModel<Scan, ScanNet>(() => new ScanNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine(cv);
            }
        """), "MLDSL0026");

    // ───────────────────────── generic helpers and extension methods

    [Fact]
    public Task Generic_Scale_helper_called_on_all_rows_before_the_split_is_reported() => Expect(Script("""
            static T[] Scale<T>(IReadOnlyList<T> rows) where T : IDatasetRow<T>
            {
                var scaler = MinMaxScaler.Fit(rows);
                return scaler.Apply(rows);
            }

            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var scaled = {|#0:Scale(houses)|};
                var (train, validation, test) = scaled.Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Generic_feature_selection_helper_fitted_on_every_row_then_split_is_reported() => Expect(Script("""
            static T[] KeepBest<T>(IReadOnlyList<T> rows, int k) where T : IDatasetRow<T> =>
                SelectKBest.Fit(rows, ScoreFunction.AnovaF, k).Apply(rows);

            public static void Main()
            {
                var patients = CsvFile.Read<Patient>("pima.csv");
                var reduced = {|#0:KeepBest(patients, 2)|};
                var split = reduced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task User_extension_method_standardizing_rows_chained_before_Split_is_reported() => Expect(Program("""
        public static class PatientExtensions
        {
            public static Patient[] Standardized(this IReadOnlyList<Patient> rows) => Standardizer.Fit(rows).Apply(rows);
        }

        public static class Program
        {
            public static void Main()
            {
                var split = {|#0:CsvFile.Read<Patient>("pima.csv").Standardized()|}.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task User_extension_method_returning_the_fitted_model_then_scored_on_its_training_rows_is_reported() => Expect(Program("""
        public static class ModelExtensions
        {
            public static HouseNet TrainedOn(this HouseNet net, IReadOnlyList<House> rows)
            {
                net.Fit(rows, null, new FitOptions { Epochs = 30 });
                return net;
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                using var net = new HouseNet().TrainedOn(split.Train);
                Console.WriteLine($"MAE: {net.Evaluate({|#0:split.Train|}).MeanAbsoluteError:F0}");
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task User_extension_method_oversampling_with_Smote_chained_before_Split_is_reported() => Expect(Program("""
        public static class Balancing
        {
            public static Patient[] Balanced(this IReadOnlyList<Patient> rows) => Oversampler.Smote(rows, k: 5, seed: 1);
        }

        public static class Program
        {
            public static void Main()
            {
                var rows = CsvFile.Read<Patient>("pima.csv");
                var balanced = {|#0:rows.Balanced()|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // ───────────────────────── switch expressions and ternaries

    [Fact]
    public Task Switch_expression_choosing_the_test_part_as_validation_in_quick_mode_is_reported() => Expect(Script("""
            public static void Main(string[] args)
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                string mode = args.Length > 0 ? args[0] : "full";
                var watch = mode switch
                {
                    "quick" => split.Test,
                    _ => split.Validation,
                };
                using var net = new PatientNet();
                net.Fit(split.Train, {|#0:watch|}, new FitOptions { EarlyStoppingPatience = 4 });
                Console.WriteLine(net.Evaluate({|#1:split.Test|}).Accuracy);
            }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Ternary_choosing_all_rows_or_the_training_part_to_fit_the_scaler_is_reported() => Expect(Script("""
            public static void Main(string[] args)
            {
                var all = CsvFile.Read<House>("houses.csv");
                var split = all.Split();
                bool useEverything = args.Contains("--full-stats");
                var statsRows = useEverything ? all : split.Train;
                var scaler = Standardizer.Fit({|#0:statsRows|});
                using var net = new HouseNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    // ───────────────────────── async

    [Fact]
    public Task Async_loader_awaited_then_imputer_fitted_on_everything_before_the_split_is_reported() => Expect(Script("""
            static async Task<IReadOnlyList<House>> LoadAsync(string path)
            {
                await Task.Yield();
                return CsvFile.Read<House>(path);
            }

            public static async Task Main()
            {
                var houses = await LoadAsync("houses.csv");
                var imputer = Imputer.Fit({|#0:houses|}, ImputeStrategy.Median);
                var (train, validation, test) = imputer.Apply(houses).Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Async_training_helper_awaited_then_scored_on_its_training_rows_is_reported() => Expect(Script("""
            static async Task<SaleNet> TrainAsync(IReadOnlyList<Sale> rows)
            {
                await Task.Yield();
                var net = new SaleNet();
                net.Fit(rows, null, new FitOptions { Epochs = 40 });
                return net;
            }

            public static async Task Main()
            {
                var split = CsvFile.Read<Sale>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = await TrainAsync(split.Train);
                Console.WriteLine($"MAE {net.Evaluate({|#0:split.Train|}).MeanAbsoluteError:F2}");
            }
        """), "MLDSL0027");

    [Fact]
    public Task Async_lambdas_train_candidates_in_parallel_and_the_best_on_test_is_kept_is_reported() => Expect(Script("""
            public static async Task Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var runs = new[] { 8, 16, 32, 64 }.Select(async batch =>
                {
                    await Task.Yield();
                    var net = new PatientNet();
                    net.Fit(train, validation, new FitOptions { BatchSize = batch });
                    return (Batch: batch, Net: net, Accuracy: net.Evaluate({|#0:test|}).Accuracy);
                });
                var results = await Task.WhenAll(runs);
                var best = results.MaxBy(r => r.Accuracy);
                Console.WriteLine($"batch {best.Batch}: {best.Accuracy:P1}");
            }
        """), "MLDSL0018");

    // ───────────────────────── loops building lists

    [Fact]
    public Task Foreach_adding_each_row_and_a_jittered_copy_of_positives_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var rows = new List<Patient>();
                foreach (var patient in CsvFile.Read<Patient>("pima.csv"))
                {
                    rows.Add(patient);
                    if (patient.Diabetic == 1)
                        {|#0:rows.Add(patient with { Glucose = patient.Glucose * 1.01f })|};
                }
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        """), "MLDSL0026");

    [Fact]
    public Task Foreach_AddRange_of_the_minority_three_times_before_cross_validation_is_reported() => Expect(Script("""
            public static void Main()
            {
                var all = CsvFile.Read<Visit>("falls.csv");
                var pool = new List<Visit>(all);
                for (int copy = 0; copy < 3; copy++)
                    {|#0:pool.AddRange(all.Where(v => v.Fell == 1))|};
                var cv = CrossValidation.Run(pool, CrossValidation.TrainModel<Visit, VisitNet>(() => new VisitNet()),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
                Console.WriteLine(cv.Mean);
            }
        """), "MLDSL0026");

    [Fact]
    public Task Foreach_building_a_bag_of_words_over_all_tweets_before_the_split_is_reported() => Expect(Script("""
            static int[] Encode(string text, Dictionary<string, int> vocabulary) =>
                text.Split(' ').Take(16).Select(w => vocabulary.TryGetValue(w, out int id) ? id : 0)
                    .Concat(Enumerable.Repeat(0, 16)).Take(16).ToArray();

            public static void Main()
            {
                var tweets = CsvFile.Read<Tweet>("tweets.csv");
                var vocabulary = new Dictionary<string, int>();
                foreach (var tweet in {|#0:tweets|})
                    foreach (var word in tweet.Text.Split(' '))
                        if (!vocabulary.ContainsKey(word) && vocabulary.Count < 999)
                            vocabulary[word] = vocabulary.Count + 1;
                var encoded = tweets.Select(t => t with { Tokens = Encode(t.Text, vocabulary) }).ToList();
                var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TweetNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    // ───────────────────────── try / catch / finally

    [Fact]
    public Task Try_block_fitting_the_normalizer_on_all_scans_with_a_logging_finally_is_reported() => Expect(Script("""
            public static void Main()
            {
                var scans = CsvFile.Read<Scan>("scans.csv");
                Scan[] normalized;
                try
                {
                    var normalizer = ChannelNormalizer.Fit({|#0:scans|});
                    normalized = normalizer.Apply(scans);
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"normalization failed: {e.Message}");
                    throw;
                }
                finally
                {
                    Console.WriteLine("normalization step done");
                }
                var (train, validation, test) = normalized.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ScanNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Finally_block_reporting_the_score_on_the_training_part_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                try
                {
                    net.Fit(split.Train, null, new FitOptions { Epochs = 100 });
                }
                finally
                {
                    Console.WriteLine($"accuracy after training: {net.Evaluate({|#0:split.Train|}).Accuracy:P1}");
                }
            }
        """), "MLDSL0027");

    // ───────────────────────── fluent chains across statements

    [Fact]
    public Task Fluent_chain_across_statements_fits_min_max_on_filtered_all_rows_then_splits_is_reported() => Expect(Script("""
            public static void Main()
            {
                var query = CsvFile.Read<House>("houses.csv").AsEnumerable();
                query = query.Where(h => h.Area > 0);
                query = query.OrderBy(h => h.District);
                var cleaned = query.ToList();
                var scaler = MinMaxScaler.Fit({|#0:cleaned|});
                var scaled = scaler.Apply(cleaned);
                var (train, validation, test) = scaled.Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    // Expectation corrected: the district mean of the label includes each row's own price (in-sample target encoding),
    // which MLDSL0017 reports as the A and B target-mean cases and the rule page do, beside the MLDSL0016 of the split.
    [Fact]
    public Task Fluent_chain_mean_per_district_of_all_prices_written_into_a_feature_before_the_split_is_reported() => Expect(Script("""
            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var byDistrict = {|#0:houses.GroupBy(h => h.District)|}
                    .ToDictionary(g => g.Key, g => g.Average(h => h.Price));
                var enriched = houses
                    .Select(h => h with { {|#1:NeighbourPrice = byDistrict[h.District]|} })
                    .ToList();
                var (train, validation, test) = enriched.Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016", "MLDSL0017");

    // ───────────────────────── records of parts passed between methods, several classes

    [Fact]
    public Task Record_of_parts_passed_to_a_trainer_that_validates_on_its_Test_member_is_reported() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<Sale> Train, IReadOnlyList<Sale> Test);

        public static class Data
        {
            public static Parts Make(IReadOnlyList<Sale> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
                return new Parts(split.Train, split.Test);
            }
        }

        public static class Trainer
        {
            public static SaleNet Train(Parts parts)
            {
                var net = new SaleNet();
                net.Fit(parts.Train, {|#0:parts.Test|}, new FitOptions { EarlyStoppingPatience = 6 });
                return net;
            }

            public static void Main()
            {
                var parts = Data.Make(CsvFile.Read<Sale>("sales.csv"));
                using var net = Train(parts);
                Console.WriteLine(net.Evaluate({|#1:parts.Test|}).MeanAbsoluteError);
            }
        }
        """), "MLDSL0018", "MLDSL0027");

    [Fact]
    public Task Preprocessor_class_fitting_the_scaler_on_the_Test_member_of_a_parts_record_is_reported() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<House> Train, IReadOnlyList<House> Test);

        public sealed class Preprocessor
        {
            public Parts Prepare(Parts parts)
            {
                var scaler = MinMaxScaler.Fit({|#0:parts.Test|});
                return new Parts(scaler.Apply(parts.Train), scaler.Apply(parts.Test));
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Validation = 0 });
                var parts = new Preprocessor().Prepare(new Parts(split.Train, split.Test));
                using var net = new HouseNet();
                net.Fit(parts.Train);
                Console.WriteLine(net.Evaluate(parts.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Reporter_class_keeping_the_candidate_with_the_best_test_accuracy_is_reported() => Expect(Program("""
        public sealed class CandidateFactory
        {
            public List<PatientNet> TrainAll(IReadOnlyList<Patient> train, IReadOnlyList<Patient> validation)
            {
                var nets = new List<PatientNet>();
                foreach (double decay in new[] { 0.0, 1e-4, 1e-3 })
                {
                    var net = new PatientNet();
                    net.Fit(train, validation, new FitOptions { WeightDecay = decay });
                    nets.Add(net);
                }
                return nets;
            }
        }

        public sealed class Reporter
        {
            private readonly IReadOnlyList<Patient> finalRows;
            public Reporter(IReadOnlyList<Patient> finalRows) => this.finalRows = finalRows;

            public PatientNet Best(IEnumerable<PatientNet> candidates) => candidates.MaxBy(n => n.Evaluate({|#0:finalRows|}).Accuracy)!;
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var candidates = new CandidateFactory().TrainAll(split.Train, split.Validation);
                var best = new Reporter(split.Test).Best(candidates);
                Console.WriteLine(best.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Stacker_class_with_a_first_model_fitted_on_all_rows_in_its_constructor_is_reported() => Expect(Program("""
        public sealed class Stacker
        {
            private readonly PatientNet first = new();

            public Stacker(IReadOnlyList<Patient> rows) => first.Fit(rows, null, new FitOptions { Epochs = 20 });

            public List<Patient> WithScore(IReadOnlyList<Patient> rows) =>
                rows.Select(r => r with { Bmi = {|#0:first.PredictProbabilities(r)|}[1] }).ToList();
        }

        public static class Program
        {
            public static void Main()
            {
                var all = CsvFile.Read<Patient>("pima.csv");
                var stacked = new Stacker(all).WithScore(all);
                var split = stacked.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new PatientNet();
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    [Fact]
    public Task Tuple_returning_helper_handing_back_a_model_and_its_predictions_on_its_own_training_rows_is_reported() => Expect(Script("""
            static (HouseNet Model, float[] Scores) FitAndScore(IReadOnlyList<House> rows)
            {
                var model = new HouseNet();
                model.Fit(rows, null, new FitOptions { Epochs = 25 });
                return (model, {|#0:model.Predict(rows)|});
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                var (first, scores) = FitAndScore(train);
                var stacked = train.Zip(scores, (h, s) => h with { NeighbourPrice = s }).ToList();
                using var second = new HouseNet();
                second.Fit(stacked);
                var testStacked = test.Select(h => h with { NeighbourPrice = first.Predict(h) }).ToList();
                Console.WriteLine(second.Evaluate(testStacked).MeanAbsoluteError);
            }
        """), "MLDSL0028");

    // ───────────────────────── choices on test: threshold, class weights

    [Fact]
    public Task Threshold_swept_over_probabilities_of_the_rows_in_the_last_array_slot_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var parts = new[] { split.Train, split.Validation, split.Test };
                using var net = new PatientNet();
                net.Fit(parts[0], parts[1]);
                var scored = parts[^1];
                float[][] probabilities = net.PredictProbabilities({|#0:scored|});
                float bestThreshold = 0.5f;
                int bestCorrect = -1;
                for (float t = 0.1f; t < 0.9f; t += 0.05f)
                {
                    int correct = 0;
                    for (int i = 0; i < scored.Count; i++)
                        if ((probabilities[i][1] >= t ? 1 : 0) == scored[i].Diabetic) correct++;
                    if (correct > bestCorrect) { bestCorrect = correct; bestThreshold = t; }
                }
                Console.WriteLine($"threshold {bestThreshold}");
            }
        """), "MLDSL0018");

    [Fact]
    public Task Local_function_computing_class_weights_called_with_the_test_part_is_reported() => Expect(Script("""
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Visit>("falls.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });

                float[] Weights(IReadOnlyList<Visit> rows)
                {
                    float fell = rows.Count(v => v.Fell == 1);
                    return new[] { 1f, (rows.Count - fell) / Math.Max(fell, 1f) };
                }

                using var net = new VisitNet();
                net.Fit(train, validation, new FitOptions { ClassWeights = {|#0:Weights(test)|} });
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """), "MLDSL0018");

    // ───────────────────────── groups and time

    [Fact]
    public Task Static_readonly_split_options_without_a_kind_used_on_grouped_visits_is_reported() => Expect(Program("""
        public static class FallStudy
        {
            private static readonly SplitOptions Holdout = new() { Validation = 0.1, Test = 0.2, Seed = 11 };

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("falls.csv");
                var split = visits.Split({|#0:Holdout|});
                using var net = new VisitNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Options_property_copied_with_a_new_test_fraction_and_used_on_timestamped_sales_is_reported() => Expect(Program("""
        public sealed class Forecast
        {
            private static readonly SplitOptions Defaults = new() { Kind = SplitKind.Random, Seed = 5 };

            public void Run(IReadOnlyList<Sale> sales)
            {
                var options = Defaults with { Test = 0.3 };
                var (train, validation, test) = sales.Split({|#0:options|});
                using var net = new SaleNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Local_function_making_shuffled_k_folds_over_grouped_visits_is_reported() => Expect(Script("""
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("falls.csv");
                IReadOnlyList<Fold> MakeFolds(IReadOnlyList<Visit> rows) => Folds.Of(rows, {|#0:new FoldOptions { Folds = 5, Shuffle = true }|});
                var scores = new List<double>();
                foreach (var fold in MakeFolds(visits))
                {
                    var foldTrain = fold.Train.Select(i => visits[i]).ToList();
                    var foldValidation = fold.Validation.Select(i => visits[i]).ToList();
                    using var net = new VisitNet();
                    net.Fit(foldTrain);
                    scores.Add(net.Evaluate(foldValidation).Accuracy);
                }
                Console.WriteLine(scores.Average());
            }
        """), "MLDSL0019");

    [Fact]
    public Task Grid_search_with_k_folds_on_the_training_part_of_timestamped_sales_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Sale>("sales.csv").Split(new SplitOptions { Kind = SplitKind.ByTime });
                var search = GridSearch.CrossValidate(split.Train, new[] { 1e-2, 1e-3 },
                    rate => CrossValidation.TrainModel<Sale, SaleNet>(() => new SaleNet(), new FitOptions { LearningRate = rate }),
                    {|#0:new FoldOptions { Kind = FoldKind.KFold, Folds = 4 }|});
                using var net = new SaleNet();
                net.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        """), "MLDSL0019");

    [Fact]
    public Task Pipeline_class_with_a_stratified_Split_attribute_over_grouped_visits_is_reported() => Expect(Program("""
        [Pipeline(typeof(VisitNet))]
        [{|#0:Split(Kind = SplitKind.Stratified, Test = 0.2)|}]
        [Train(Epochs = 20)]
        public sealed partial class FallPipeline
        {
            [Ingest] private static IReadOnlyList<Visit> Load() => CsvFile.Read<Visit>("falls.csv");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Ingest_method_delegating_to_a_loader_class_that_standardizes_every_row_is_reported() => Expect(Program("""
        public static class Loader
        {
            public static Patient[] LoadScaled(string path)
            {
                var rows = CsvFile.Read<Patient>(path);
                var scaler = Standardizer.Fit(rows);
                return scaler.Apply(rows);
            }
        }

        [Pipeline(typeof(PatientNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class DiabetesPipeline
        {
            [Ingest] private static IReadOnlyList<Patient> Load() => {|#0:Loader.LoadScaled("pima.csv")|};
        }
        """), "MLDSL0016");

    // ───────────────────────── declarations: identifiers and timing

    [Fact]
    public Task Customer_number_feature_on_a_record_in_a_program_of_several_classes_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public int {|#0:CustomerNumber|} { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class SubscriberNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<Subscriber>("telco.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new SubscriberNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Feature_computed_through_a_static_helper_class_from_a_member_known_after_the_label_is_reported() => Expect(Declarations("""
        public static class Ratios
        {
            public static float Share(float part, float whole) => whole == 0 ? 0 : part / whole;
        }

        [Dataset]
        public sealed partial record Payment
        {
            [Feature] public float Amount { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float ChargebackAmount { get; init; }
            [Feature] public float {|#0:ChargebackShare|} => Ratios.Share(ChargebackAmount, Amount);
            [Label(Classes = 2)] public int Fraud { get; init; }
        }
        """), "MLDSL0029");
}
