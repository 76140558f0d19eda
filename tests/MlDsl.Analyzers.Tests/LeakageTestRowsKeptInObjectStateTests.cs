using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixold's kind (issue 15, "the test part steering a choice"): split parts handed to an object when it is made and kept in
/// its state (a property or a field its constructor fills, a primary constructor's parameter, a positional record's property,
/// a member set by an object initializer), then read by its methods to choose (the best epochs kept by comparing scores) or
/// to fit (the kept rows watched for early stopping). The leak is reported where the test rows are handed to the object.
/// Each shape beside its fix and look-alikes that must stay silent: validation rows handed instead, test rows kept only for
/// one final report, and a class that chooses on its validation part while it also keeps the test part.
/// </summary>
public sealed class LeakageTestRowsKeptInObjectStateTests
{
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

        """;

    private static string Program(string types) => LeakageSources.AllUsings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }

    // The choosing method, the same in every shape: the epochs whose model scores best on the rows the object keeps as Kept.
    private const string Choose = """
            public int Best(IEnumerable<int> epochs)
            {
                int best = 0; double bestScore = double.MinValue;
                foreach (int e in epochs)
                {
                    using var net = new BiopsyNet();
                    net.Fit(Fitted, null, new FitOptions { Epochs = e });
                    double score = net.Evaluate(Kept).Accuracy;
                    if (score > bestScore) { bestScore = score; best = e; }
                }
                return best;
            }
        """;

    private const string Main = """

        public static class Clinic
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var chooser = new Chooser(split.Train, {|#0:split.Test|});
                Console.WriteLine($"epochs {chooser.Best(new[] { 10, 20, 40 })}");
            }
        }
        """;

    // ───────────── 1. A constructor keeping the parts in properties ─────────────

    private static readonly string WithConstructor = """
        public sealed class Chooser
        {
            private IReadOnlyList<Biopsy> Fitted { get; }
            private IReadOnlyList<Biopsy> Kept { get; }

            public Chooser(IReadOnlyList<Biopsy> fitted, IReadOnlyList<Biopsy> kept) { Fitted = fitted; Kept = kept; }

        """ + Choose + "\n}\n" + Main;

    [Fact]
    public Task Best_epochs_by_the_test_rows_a_constructor_kept_in_a_property_are_reported() => Expect(Program(WithConstructor), "MLDSL0018");

    // Fix: the object is handed the validation part to choose on.
    [Fact]
    public Task Best_epochs_by_the_validation_rows_a_constructor_kept_are_silent() =>
        Expect(Program(Mutate(WithConstructor, "{|#0:split.Test|}", "split.Validation")));

    // The same kept in private fields.
    [Fact]
    public Task Best_epochs_by_the_test_rows_a_constructor_kept_in_a_field_are_reported() => Expect(Program(Mutate(WithConstructor,
        "private IReadOnlyList<Biopsy> Fitted { get; }\n    private IReadOnlyList<Biopsy> Kept { get; }",
        "private readonly IReadOnlyList<Biopsy> Fitted;\n    private readonly IReadOnlyList<Biopsy> Kept;")), "MLDSL0018");

    // Look-alike: the test rows kept beside a validation part; the choice is made on the validation part, the test part reports once.
    [Fact]
    public Task Choice_on_the_validation_part_while_the_test_part_is_also_kept_is_silent() => Expect(Program("""
        public sealed class Chooser
        {
            private IReadOnlyList<Biopsy> Fitted { get; }
            private IReadOnlyList<Biopsy> Kept { get; }
            private IReadOnlyList<Biopsy> Final { get; }

            public Chooser(IReadOnlyList<Biopsy> fitted, IReadOnlyList<Biopsy> kept, IReadOnlyList<Biopsy> final) { Fitted = fitted; Kept = kept; Final = final; }

        """ + Choose + """

            public double Report(int epochs)
            {
                using var net = new BiopsyNet();
                net.Fit(Fitted, null, new FitOptions { Epochs = epochs });
                return net.Evaluate(Final).Accuracy;
            }
        }

        public static class Clinic
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var chooser = new Chooser(split.Train, split.Validation, split.Test);
                int best = chooser.Best(new[] { 10, 20, 40 });
                Console.WriteLine($"epochs {best}, test accuracy {chooser.Report(best):P1}");
            }
        }
        """));

    // Look-alike: an object holding the test rows only to report the one model's score once, nothing chosen by it.
    [Fact]
    public Task Object_holding_the_test_rows_for_one_final_report_is_silent() => Expect(Program("""
        public sealed class Reporter
        {
            private IReadOnlyList<Biopsy> Held { get; }

            public Reporter(IReadOnlyList<Biopsy> held) => Held = held;

            public void Print(BiopsyNet net) => Console.WriteLine($"test accuracy {net.Evaluate(Held).Accuracy:P1}");
        }

        public static class Clinic
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new BiopsyNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 30, EarlyStoppingPatience = 4 });
                new Reporter(split.Test).Print(net);
            }
        }
        """));

    // ───────────── 2. A primary constructor's parameters read by the method ─────────────

    private static readonly string WithPrimaryConstructor = """
        public sealed class Chooser(IReadOnlyList<Biopsy> Fitted, IReadOnlyList<Biopsy> Kept)
        {
        """ + Choose + "\n}\n" + Main;

    [Fact]
    public Task Best_epochs_by_the_test_rows_of_a_primary_constructor_are_reported() => Expect(Program(WithPrimaryConstructor), "MLDSL0018");

    [Fact]
    public Task Best_epochs_by_the_validation_rows_of_a_primary_constructor_are_silent() =>
        Expect(Program(Mutate(WithPrimaryConstructor, "{|#0:split.Test|}", "split.Validation")));

    // ───────────── 3. A positional record ─────────────

    private static readonly string WithRecord = """
        public sealed record Chooser(IReadOnlyList<Biopsy> Fitted, IReadOnlyList<Biopsy> Kept)
        {
        """ + Choose + "\n}\n" + Main;

    [Fact]
    public Task Best_epochs_by_the_test_rows_of_a_positional_record_are_reported() => Expect(Program(WithRecord), "MLDSL0018");

    [Fact]
    public Task Best_epochs_by_the_validation_rows_of_a_positional_record_are_silent() =>
        Expect(Program(Mutate(WithRecord, "{|#0:split.Test|}", "split.Validation")));

    // ───────────── 4. An object initializer ─────────────

    private static readonly string WithInitializer = """
        public sealed class Chooser
        {
            public IReadOnlyList<Biopsy> Fitted { get; init; } = Array.Empty<Biopsy>();
            public IReadOnlyList<Biopsy> Kept { get; init; } = Array.Empty<Biopsy>();

        """ + Choose + """

        }

        public static class Clinic
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var chooser = new Chooser { Fitted = split.Train, Kept = {|#0:split.Test|} };
                Console.WriteLine($"epochs {chooser.Best(new[] { 10, 20, 40 })}");
            }
        }
        """;

    [Fact]
    public Task Best_epochs_by_the_test_rows_set_by_an_object_initializer_are_reported() => Expect(Program(WithInitializer), "MLDSL0018");

    [Fact]
    public Task Best_epochs_by_the_validation_rows_set_by_an_object_initializer_are_silent() =>
        Expect(Program(Mutate(WithInitializer, "{|#0:split.Test|}", "split.Validation")));

    // ───────────── 5. Kept rows watched by a fit (early stopping) ─────────────

    private const string Watcher = """
        public sealed class Trainer
        {
            private readonly IReadOnlyList<Biopsy> fitted;
            private readonly IReadOnlyList<Biopsy> watched;

            public Trainer(IReadOnlyList<Biopsy> fitted, IReadOnlyList<Biopsy> watched) { this.fitted = fitted; this.watched = watched; }

            public BiopsyNet Train()
            {
                var net = new BiopsyNet();
                net.Fit(fitted, watched, new FitOptions { Epochs = 100, EarlyStoppingPatience = 5 });
                return net;
            }
        }

        public static class Clinic
        {
            public static void Main()
            {
                var split = CsvFile.Read<Biopsy>("biopsies.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new Trainer(split.Train, {|#0:split.Test|}).Train();
                Console.WriteLine("trained");
            }
        }
        """;

    [Fact]
    public Task Test_rows_a_constructor_kept_watched_for_early_stopping_are_reported() => Expect(Program(Watcher), "MLDSL0018");

    [Fact]
    public Task Validation_rows_a_constructor_kept_watched_for_early_stopping_are_silent() =>
        Expect(Program(Mutate(Watcher, "{|#0:split.Test|}", "split.Validation")));
}
