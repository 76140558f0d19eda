using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixT's kind: which rows a model trained on, or which split part a member holds, carried in object state and in returned
/// tuples. A class whose one method fits a member model on rows it keeps in a member and whose other method scores that model
/// on the same member (MLDSL0027); a helper returning (model, the rows it trained on) as a named tuple that the caller scores the
/// model on (MLDSL0027); a class made from a split that keeps the Test part in a property and scores on it, with candidates
/// chosen by a maximum over that method while the calling body itself touches no rows (MLDSL0018). Each with its fix and
/// look-alikes that must stay silent: held-out rows given to the constructor, a validation member, two objects of one class
/// holding different rows, a tuple carrying held-out rows, a choice by a validation score. Both leakage analyzers run.
/// </summary>
public sealed class LeakageRowsAndModelsCarriedInObjectsTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Biopsy
        {
            [Feature] public float Size { get; init; }
            [Feature] public float Texture { get; init; }
            [Feature] public float Symmetry { get; init; }
            [Label(Classes = 2)] public int Malignant { get; init; }
        }

        [Model(typeof(Biopsy))]
        public sealed partial class BiopsyNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Meter
        {
            [Feature] public float Hour { get; init; }
            [Feature] public float Outside { get; init; }
            [Feature] public float LoadLag1 { get; init; }
            [Label] public float Load { get; init; }
        }

        [Model(typeof(Meter))]
        public sealed partial class MeterNet
        {
            [Linear(24), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    private static string Program(string types) => Usings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }

    // ───────────── 1. A class fitting a member model in one method and scoring it in another ─────────────

    private const string Trainer = """
        public sealed class Trainer
        {
            public BiopsyNet Net { get; } = new();
            public IReadOnlyList<Biopsy> Seen { get; private set; } = Array.Empty<Biopsy>();
            public IReadOnlyList<Biopsy> Holdout { get; }

            public Trainer(IReadOnlyList<Biopsy> holdout) => Holdout = holdout;

            public void Run(IReadOnlyList<Biopsy> rows)
            {
                Seen = rows;
                Net.Fit(rows);
            }

            public double Accuracy() => Net.Evaluate(Holdout).Accuracy;
        }

        public static class Clinic
        {
            public static void Main()
            {
                var biopsies = CsvFile.Read<Biopsy>("biopsies.csv");
                var split = biopsies.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var trainer = new Trainer(split.Test);
                trainer.Run(split.Train);
                Console.WriteLine($"accuracy {trainer.Accuracy():P1} after {trainer.Seen.Count} biopsies");
            }
        }
        """;

    // Fix: the rows scored are the held-out rows the object was created with.
    [Fact]
    public Task Member_model_scored_on_the_held_out_rows_given_to_the_constructor_is_silent() => Expect(Program(Trainer));

    [Fact]
    public Task Member_model_scored_on_the_rows_another_method_trained_it_on_is_reported() =>
        Expect(Program(Mutate(Trainer, "Net.Evaluate(Holdout)", "Net.Evaluate({|#0:Seen|})")), "MLDSL0027");

    // The same through a field the training method reads instead of its parameter.
    [Fact]
    public Task Member_model_fitted_on_a_member_and_scored_on_that_member_is_reported() =>
        Expect(Program(Mutate(Mutate(Trainer, "Net.Fit(rows);", "Net.Fit(Seen);"), "Net.Evaluate(Holdout)", "Net.Evaluate({|#0:Seen|})")), "MLDSL0027");

    // Look-alike: a class that splits its own file keeps the training and validation parts; it fits on one and scores the other.
    private const string SplitStudy = """
        public sealed class Study
        {
            private readonly BiopsyNet net = new();
            public IReadOnlyList<Biopsy> Train { get; }
            public IReadOnlyList<Biopsy> Check { get; }

            public Study(string path)
            {
                var split = CsvFile.Read<Biopsy>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                Train = split.Train;
                Check = split.Validation;
            }

            public void Run() => net.Fit(Train);

            public double Score() => net.Evaluate(Check).Accuracy;
        }

        public static class StudyMain
        {
            public static void Main()
            {
                var study = new Study("biopsies.csv");
                study.Run();
                Console.WriteLine($"validation accuracy {study.Score():P1}");
            }
        }
        """;

    [Fact]
    public Task Member_model_scored_on_the_validation_part_the_constructor_split_off_is_silent() => Expect(Program(SplitStudy));

    [Fact]
    public Task Member_model_scored_on_the_training_part_the_constructor_split_off_is_reported() =>
        Expect(Program(Mutate(SplitStudy, "net.Evaluate(Check)", "net.Evaluate({|#0:Train|})")), "MLDSL0027");

    // Look-alike: two objects of one class, made with different rows; one trains, and is scored on the other's rows.
    [Fact]
    public Task Model_of_one_object_scored_on_the_rows_of_another_object_is_silent() => Expect(Program("""
        public sealed class Cohort
        {
            private readonly BiopsyNet net = new();
            public IReadOnlyList<Biopsy> Rows { get; }

            public Cohort(IReadOnlyList<Biopsy> rows) => Rows = rows;

            public void Train() => net.Fit(Rows);

            public double ScoreOn(Cohort other) => net.Evaluate(other.Rows).Accuracy;
        }

        public static class Cohorts
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var fitted = new Cohort(split.Train);
                var held = new Cohort(split.Test);
                fitted.Train();
                Console.WriteLine($"test accuracy {fitted.ScoreOn(held):P1}");
            }
        }
        """));

    // ───────────── 2. A helper returning (model, rows) as a named tuple ─────────────

    private const string TupleHelper = """
        public static class Grid
        {
            static (MeterNet Model, IReadOnlyList<Meter> Rows) TrainOn(IReadOnlyList<Meter> fit, IReadOnlyList<Meter> held)
            {
                var net = new MeterNet();
                net.Fit(fit);
                return (net, held);
            }

            public static void Main()
            {
                var meters = CsvFile.Read<Meter>("meters.csv");
                var split = meters.Split(new SplitOptions { Kind = SplitKind.Random });
                var run = TrainOn(split.Train, split.Test);
                Console.WriteLine($"MAE {run.Model.Evaluate(run.Rows).MeanAbsoluteError:F2}");
            }
        }
        """;

    // Fix: the tuple carries the held-out rows beside the model.
    [Fact]
    public Task Tuple_of_a_model_and_held_out_rows_scored_together_is_silent() => Expect(Program(TupleHelper));

    [Fact]
    public Task Tuple_of_a_model_and_the_rows_it_trained_on_scored_together_is_reported() =>
        Expect(Program(Mutate(Mutate(TupleHelper, "return (net, held);", "return (net, fit);"), "Evaluate(run.Rows)", "Evaluate({|#0:run.Rows|})")), "MLDSL0027");

    // The unnamed elements (Item1, Item2) are the same elements.
    [Fact]
    public Task Unnamed_tuple_elements_of_a_model_and_its_training_rows_are_reported() =>
        Expect(Program(Mutate(Mutate(TupleHelper, "return (net, held);", "return (net, fit);"), "run.Model.Evaluate(run.Rows)", "run.Item1.Evaluate({|#0:run.Item2|})")), "MLDSL0027");

    // Look-alike: two runs of the helper on different parts; the model of one is scored on the rows the other carries.
    [Fact]
    public Task Model_of_one_tuple_scored_on_the_rows_of_another_tuple_is_silent() => Expect(Program(Mutate(Mutate(TupleHelper,
        "return (net, held);", "return (net, fit);"),
        "var run = TrainOn(split.Train, split.Test);\n        Console.WriteLine($\"MAE {run.Model.Evaluate(run.Rows).MeanAbsoluteError:F2}\");",
        "var run = TrainOn(split.Train, split.Test);\n        var other = TrainOn(split.Validation, split.Test);\n        Console.WriteLine($\"MAE {run.Model.Evaluate(other.Rows).MeanAbsoluteError:F2}\");")));

    // ───────────── 3. A class holding its Test part; candidates chosen by a maximum over its score methods ─────────────

    private const string Experiment = """
        public sealed class Experiment
        {
            public IReadOnlyList<Biopsy> Train { get; }
            public IReadOnlyList<Biopsy> Validation { get; }
            public IReadOnlyList<Biopsy> Test { get; }

            public Experiment(string path)
            {
                var split = CsvFile.Read<Biopsy>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
                (Train, Validation, Test) = (split.Train, split.Validation, split.Test);
            }

            public BiopsyNet Fit(int epochs)
            {
                var net = new BiopsyNet();
                net.Fit(Train, Validation, new FitOptions { Epochs = epochs });
                return net;
            }

            public double ValidationAccuracy(BiopsyNet net) => net.Evaluate(Validation).Accuracy;

            public double TestAccuracy(BiopsyNet net) => net.Evaluate(Test).Accuracy;
        }

        public static class ExperimentMain
        {
            public static void Main()
            {
                var experiment = new Experiment("biopsies.csv");
                var nets = new[] { 10, 20, 40 }.Select(epochs => experiment.Fit(epochs)).ToList();
                var best = nets.MaxBy(net => experiment.ValidationAccuracy(net))!;
                Console.WriteLine($"test accuracy {experiment.TestAccuracy(best):P2}");
            }
        }
        """;

    // Fix: the choice is made on the validation part; the test part scores the choice once.
    [Fact]
    public Task Choice_by_the_validation_score_of_a_class_holding_its_parts_is_silent() => Expect(Program(Experiment));

    [Fact]
    public Task Choice_by_the_test_score_of_a_class_holding_its_parts_is_reported() =>
        Expect(Program(Mutate(Experiment, "nets.MaxBy(net => experiment.ValidationAccuracy(net))", "nets.MaxBy(net => {|#0:experiment.TestAccuracy(net)|})")), "MLDSL0018");

    // Look-alike: every candidate's test score printed, nothing chosen by it.
    [Fact]
    public Task Test_scores_of_a_class_holding_its_parts_only_printed_are_silent() =>
        Expect(Program(Mutate(Experiment, "Console.WriteLine($\"test accuracy {experiment.TestAccuracy(best):P2}\");",
            "foreach (var net in nets) Console.WriteLine($\"test accuracy {experiment.TestAccuracy(net):P2}\");")));
}
