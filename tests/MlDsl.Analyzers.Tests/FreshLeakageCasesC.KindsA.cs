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
/// The kinds behind set C's misses on data kept in class state, stored lambdas, iterators, awaited tasks and
/// models or predictions handed back by helpers: for each kind, another leaky shape (another rule where one
/// fits) and a correct look-alike in the same shape that must stay silent. Same harness as
/// <see cref="FreshLeakageCasesC"/>: the union of both leakage analyzers' diagnostics must be exactly the marks.
/// </summary>
public sealed class FreshLeakageKindsA
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float NeighbourPrice { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    /// <summary>A script class around <paramref name="body"/>, with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;


    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    /// <summary>A whole program of several types (no script class), with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    // ───────────────────────── class state: what fields and properties hold, joined over the type's members

    [Fact]
    public Task Field_loaded_in_one_method_and_min_max_fitted_on_it_in_another_before_the_split_is_reported() => Expect(Program("""
        public sealed class Study
        {
            private IReadOnlyList<House> houses = Array.Empty<House>();
            private MinMaxScaler? scaler;

            public void Load() => houses = CsvFile.Read<House>("houses.csv");
            public void Prepare() => scaler = MinMaxScaler.Fit({|#0:houses|});

            public double Run()
            {
                var (train, validation, test) = houses.Split();
                using var net = new HouseNet();
                net.Fit(scaler!.Apply(train), scaler.Apply(validation));
                return net.Evaluate(scaler.Apply(test)).MeanAbsoluteError;
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Field_holding_the_split_and_a_scaler_fitted_on_its_training_part_in_another_method_is_silent() => Expect(Program("""
        public sealed class Study
        {
            private DataSplit<House>? split;
            private MinMaxScaler? scaler;

            public void Load() => split = CsvFile.Read<House>("houses.csv").Split();
            public void Prepare() => scaler = MinMaxScaler.Fit(split!.Train);

            public double Run()
            {
                using var net = new HouseNet();
                net.Fit(scaler!.Apply(split!.Train), scaler.Apply(split.Validation));
                return net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError;
            }
        }
        """));

    // ───────────────────────── delegates kept in locals: summarised where they are invoked

    [Fact]
    public Task Method_group_in_a_Func_invoked_with_Invoke_on_all_rows_before_the_split_is_reported() => Expect(Script("""
            static House[] ScaleAll(IReadOnlyList<House> rows) => Standardizer.Fit(rows).Apply(rows);

            public static void Main()
            {
                Func<IReadOnlyList<House>, House[]> scale = ScaleAll;
                var houses = CsvFile.Read<House>("houses.csv");
                var (train, validation, test) = {|#0:scale.Invoke(houses)|}.Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Func_that_trains_with_early_stopping_given_the_test_part_to_watch_is_reported() => Expect(Script("""
            public static void Main()
            {
                Func<IReadOnlyList<Patient>, IReadOnlyList<Patient>, PatientNet> train = (fitRows, watchRows) =>
                {
                    var net = new PatientNet();
                    net.Fit(fitRows, watchRows, new FitOptions { EarlyStoppingPatience = 5 });
                    return net;
                };
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = train(split.Train, {|#0:split.Test|});
                model.Save("artifacts/model.pt");
            }
        """), "MLDSL0018");

    [Fact]
    public Task Func_scoring_a_model_invoked_on_the_test_part_after_training_on_train_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                Func<PatientNet, IReadOnlyList<Patient>, double> accuracy = (m, rows) => m.Evaluate(rows).Accuracy;
                using var net = new PatientNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"accuracy: {accuracy(net, split.Test):P2}");
            }
        """));

    // ───────────────────────── iterators: two yields of one row are copies

    [Fact]
    public Task For_loop_iterator_yielding_each_row_and_a_jittered_copy_before_the_split_is_reported() => Expect(Script("""
            static IEnumerable<House> Jittered(IReadOnlyList<House> rows)
            {
                for (int i = 0; i < rows.Count; i++)
                {
                    yield return rows[i];
                    yield return rows[i] with { Area = rows[i].Area * 1.01f };
                }
            }

            public static void Main()
            {
                var houses = CsvFile.Read<House>("houses.csv");
                var (train, validation, test) = {|#0:Jittered(houses)|}.ToArray().Split();
                using var net = new HouseNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        """), "MLDSL0026");

    [Fact]
    public Task Iterator_yielding_either_the_row_or_a_repaired_row_in_an_if_else_is_silent() => Expect(Script("""
            static IEnumerable<Patient> Repaired(IEnumerable<Patient> rows)
            {
                foreach (var row in rows)
                {
                    if (row.Bmi == 0) yield return row with { Bmi = 32f };
                    else yield return row;
                }
            }

            public static void Main()
            {
                var patients = Repaired(CsvFile.Read<Patient>("pima.csv")).ToList();
                var (train, validation, test) = patients.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        """));

    // ───────────────────────── await, and a path handed to a loader: the same file is the same rows

    [Fact]
    public Task Async_loader_called_twice_on_one_file_with_the_scaler_fitted_on_the_second_read_is_reported() => Expect(Script("""
            static async Task<IReadOnlyList<Patient>> ReadAsync(string path)
            {
                await Task.Yield();
                return CsvFile.Read<Patient>(path);
            }

            public static async Task Main()
            {
                var rows = await ReadAsync("pima.csv");
                var again = await ReadAsync("pima.csv");
                var scaler = Standardizer.Fit({|#0:again|});
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new PatientNet();
                net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Async_loader_reading_a_training_file_and_a_separate_test_file_is_silent() => Expect(Script("""
            static async Task<IReadOnlyList<Patient>> ReadAsync(string path)
            {
                await Task.Yield();
                return CsvFile.Read<Patient>(path);
            }

            public static async Task Main()
            {
                var fitRows = await ReadAsync("pima-train.csv");
                var heldOut = await ReadAsync("pima-test.csv");
                var scaler = Standardizer.Fit(fitRows);
                using var net = new PatientNet();
                net.Fit(scaler.Apply(fitRows));
                Console.WriteLine(net.Evaluate(scaler.Apply(heldOut)).Accuracy);
            }
        """));

    // ───────────────────────── models, predictions and out parameters handed back by helpers

    [Fact]
    public Task Model_returned_by_a_helper_assigned_to_an_existing_variable_then_scored_on_its_training_rows_is_reported() => Expect(Script("""
            static PatientNet TrainOn(IReadOnlyList<Patient> rows)
            {
                var net = new PatientNet();
                net.Fit(rows, null, new FitOptions { Epochs = 30 });
                return net;
            }

            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                PatientNet net;
                net = TrainOn(split.Train);
                Console.WriteLine(net.Evaluate({|#0:split.Train|}).Accuracy);
            }
        """), "MLDSL0027");

    [Fact]
    public Task User_extension_method_returning_the_fitted_model_then_scored_on_the_test_part_is_silent() => Expect(Program("""
        public static class ModelExtensions
        {
            public static HouseNet TrainedOn(this HouseNet net, IReadOnlyList<House> rows, IReadOnlyList<House> watch)
            {
                net.Fit(rows, watch, new FitOptions { Epochs = 30 });
                return net;
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<House>("houses.csv").Split();
                using var net = new HouseNet().TrainedOn(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Out_parameters_handing_back_all_rows_and_a_scaler_fitted_on_them_before_the_split_is_reported() => Expect(Script("""
            static void Load(out IReadOnlyList<House> all, out Standardizer scaler)
            {
                all = CsvFile.Read<House>("houses.csv");
                scaler = Standardizer.Fit({|#0:all|});
            }

            public static void Main()
            {
                Load(out var houses, out var scaler);
                var (train, validation, test) = houses.Split();
                using var net = new HouseNet();
                net.Fit(scaler.Apply(train), scaler.Apply(validation));
                Console.WriteLine(net.Evaluate(scaler.Apply(test)).MeanAbsoluteError);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Out_parameters_named_neutrally_holding_the_training_and_validation_parts_are_silent() => Expect(Script("""
            static void Divide(IReadOnlyList<Patient> rows, out IReadOnlyList<Patient> first, out IReadOnlyList<Patient> second, out IReadOnlyList<Patient> third)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                first = split.Train;
                second = split.Validation;
                third = split.Test;
            }

            public static void Main()
            {
                Divide(CsvFile.Read<Patient>("pima.csv"), out var first, out var second, out var third);
                using var net = new PatientNet();
                net.Fit(first, second, new FitOptions { EarlyStoppingPatience = 8 });
                Console.WriteLine(net.Evaluate(third).Accuracy);
            }
        """));

    [Fact]
    public Task Helper_returning_out_of_sample_predictions_of_its_own_model_zipped_into_features_is_silent() => Expect(Script("""
            static float[] ScoreOthers(IReadOnlyList<House> fitRows, IReadOnlyList<House> others)
            {
                var model = new HouseNet();
                model.Fit(fitRows, null, new FitOptions { Epochs = 25 });
                return model.Predict(others);
            }

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<House>("houses.csv").Split();
                var scores = ScoreOthers(validation, train);
                var stacked = train.Zip(scores, (h, s) => h with { NeighbourPrice = s }).ToList();
                using var second = new HouseNet();
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(test).MeanAbsoluteError);
            }
        """));

    // ───────────────────────── objects created with rows: constructor arguments read where the object is used

    [Fact]
    public Task Static_helper_ordering_candidates_by_their_score_on_the_rows_it_is_given_the_test_part_is_reported() => Expect(Script("""
            static PatientNet PickBest(IEnumerable<PatientNet> candidates, IReadOnlyList<Patient> rows) =>
                candidates.OrderByDescending(n => n.Evaluate({|#0:rows|}).Accuracy).First();

            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var candidates = new List<PatientNet>();
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    var net = new PatientNet();
                    net.Fit(split.Train, split.Validation, new FitOptions { Epochs = epochs });
                    candidates.Add(net);
                }
                var best = PickBest(candidates, split.Test);
                best.Save("artifacts/best.pt");
            }
        """), "MLDSL0018");

    [Fact]
    public Task Reporter_class_created_with_the_validation_part_choosing_the_candidate_is_silent() => Expect(Program("""
        public sealed class Reporter
        {
            private readonly IReadOnlyList<Patient> rows;
            public Reporter(IReadOnlyList<Patient> rows) => this.rows = rows;

            public PatientNet Best(IEnumerable<PatientNet> candidates) => candidates.MaxBy(n => n.Evaluate(rows).Accuracy)!;
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var candidates = new List<PatientNet>();
                foreach (double decay in new[] { 0.0, 1e-3 })
                {
                    var net = new PatientNet();
                    net.Fit(split.Train, null, new FitOptions { WeightDecay = decay });
                    candidates.Add(net);
                }
                var best = new Reporter(split.Validation).Best(candidates);
                Console.WriteLine(best.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Stacker_class_fitted_on_the_training_part_adding_its_score_to_the_validation_rows_is_silent() => Expect(Program("""
        public sealed class Stacker
        {
            private readonly PatientNet first = new();

            public Stacker(IReadOnlyList<Patient> rows) => first.Fit(rows, null, new FitOptions { Epochs = 20 });

            public List<Patient> WithScore(IReadOnlyList<Patient> rows) =>
                rows.Select(r => r with { Bmi = first.PredictProbabilities(r)[1] }).ToList();
        }

        public static class Program
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("pima.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var stacker = new Stacker(train);
                var stacked = stacker.WithScore(validation);
                var stackedTest = stacker.WithScore(test);
                using var second = new PatientNet();
                second.Fit(stacked);
                Console.WriteLine(second.Evaluate(stackedTest).Accuracy);
            }
        }
        """));

    // ───────────────────────── [Ingest] delegating to a loader: the path it passes names the rows

    [Fact]
    public Task Ingest_method_delegating_to_a_loader_that_appends_every_row_twice_is_reported() => Expect(Program("""
        public static class Loader
        {
            public static List<Patient> LoadDoubled(string path)
            {
                var rows = CsvFile.Read<Patient>(path);
                return rows.Concat(rows.Where(r => r.Diabetic == 1)).ToList();
            }
        }

        [Pipeline(typeof(PatientNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class DiabetesPipeline
        {
            [Ingest] private static IReadOnlyList<Patient> Load() => {|#0:Loader.LoadDoubled("pima.csv")|};
        }
        """), "MLDSL0026");

    [Fact]
    public Task Ingest_method_delegating_to_a_loader_that_only_filters_rows_is_silent() => Expect(Program("""
        public static class Loader
        {
            public static List<Patient> LoadValid(string path) => CsvFile.Read<Patient>(path).Where(r => r.Bmi > 0).ToList();
        }

        [Pipeline(typeof(PatientNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class DiabetesPipeline
        {
            [Ingest] private static IReadOnlyList<Patient> Load() => Loader.LoadValid("pima.csv");
        }
        """));
}
