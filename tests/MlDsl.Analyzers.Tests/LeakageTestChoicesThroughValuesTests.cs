using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixR's kinds, each a leaky program, its minimal fix and look-alikes that must stay silent: a test score reaching a choice
/// through values the plain rules did not follow (MLDSL0018) — a scoring function kept in a tuple of candidates, a
/// <c>FoldScorer</c> invoked by hand, a filter keeping candidates whose test score passes a bar, wrong test predictions counted
/// by <c>Where(...).Count()</c> in a <c>MinBy</c> key, a class that splits its file and scores on its own Test part, a rate of the
/// test labels used as the rank of a cutoff; rows copied with <c>Enumerable.Repeat</c> before the split (MLDSL0026); a helper
/// returning the model with the rows it trained on (MLDSL0027); the label copied through a local holding the same row
/// (MLDSL0017); and a mean over raw records in an [Ingest] method (MLDSL0016). Both leakage analyzers run.
/// </summary>
public sealed class LeakageTestChoicesThroughValuesTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Patient))]
        public sealed partial class WidePatientNet
        {
            [Linear(64), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record RiverDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Rain { get; init; }
            [Feature] public float FlowLag1 { get; init; }
            [Label] public float Flow { get; init; }
        }

        [Model(typeof(RiverDay))]
        public sealed partial class RiverNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One day at a river gauge, before it becomes a row.</summary>
        public sealed record Gauge(DateTime Day, float Rain, float Flow);
        """;

    private static string Program(string types) => Usings + types + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    private static string Mutate(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        return program.Remove(at, from.Length).Insert(at, to);
    }

    // ───────────── 1. Scoring functions kept in a tuple of candidates, invoked inside the choosing key ─────────────

    private const string Scorers = """
        public static class Scorers
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
                var small = new PatientNet();
                var wide = new WidePatientNet();
                small.Fit(train, validation);
                wide.Fit(train, validation);
                var candidates = new List<(string Name, Func<IReadOnlyList<Patient>, double> Loss)>
                {
                    ("small", rows => small.Evaluate(rows).Loss),
                    ("wide", rows => wide.Evaluate(rows).Loss),
                };
                var kept = candidates.OrderBy(c => c.Loss(validation)).First();
                Console.WriteLine($"{kept.Name}: test loss {kept.Loss(test):F4}");
            }
        }
        """;

    [Fact]
    public Task Candidates_ordered_by_a_stored_scoring_function_on_validation_then_one_test_score_is_silent() => Expect(Program(Scorers));

    [Fact]
    public Task Candidates_ordered_by_a_stored_scoring_function_on_test_is_reported() =>
        Expect(Program(Mutate(Scorers, "candidates.OrderBy(c => c.Loss(validation)).First()", "candidates.OrderBy(c => c.Loss({|#0:test|})).First()")), "MLDSL0018");

    // Look-alike: every candidate's test loss printed in a table, none chosen by it.
    [Fact]
    public Task Stored_scoring_functions_only_printed_on_test_are_silent() =>
        Expect(Program(Mutate(Scorers, "var kept = candidates.OrderBy(c => c.Loss(validation)).First();\n        Console.WriteLine($\"{kept.Name}: test loss {kept.Loss(test):F4}\");",
            "foreach (var c in candidates) Console.WriteLine($\"{c.Name}: test loss {c.Loss(test):F4}\");")));

    // ───────────── 2. A FoldScorer made by CrossValidation.TrainModel invoked by hand ─────────────

    private const string HandScorer = """
        public static class HandScorer
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 5 });
                var scores = new Dictionary<int, double>();
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    FoldScorer<Patient> scorer = CrossValidation.TrainModel<Patient, PatientNet>(() => new PatientNet(), new FitOptions { Epochs = epochs });
                    scores[epochs] = scorer(train, validation);
                }
                int best = scores.MaxBy(kv => kv.Value).Key;
                using var model = new PatientNet();
                model.Fit(train, null, new FitOptions { Epochs = best });
                Console.WriteLine($"{best} epochs: test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Fold_scorer_invoked_on_validation_to_choose_epochs_is_silent() => Expect(Program(HandScorer));

    [Fact]
    public Task Fold_scorer_invoked_on_test_to_choose_epochs_is_reported() =>
        Expect(Program(Mutate(HandScorer, "scores[epochs] = scorer(train, validation);", "scores[epochs] = scorer(train, {|#0:test|});")), "MLDSL0018");

    // Look-alike: the scorer run on test for each setting, the scores only averaged and printed.
    [Fact]
    public Task Fold_scorer_test_scores_only_averaged_are_silent() =>
        Expect(Program(Mutate(HandScorer, "int best = scores.MaxBy(kv => kv.Value).Key;", "int best = 20; Console.WriteLine($\"mean {scores.Values.Average():P2}\");")
            .Replace("scores[epochs] = scorer(train, validation);", "scores[epochs] = scorer(train, test);")));

    // ───────────── 3. Candidates kept by a bar on their own score ─────────────

    private const string Members = """
        public static class Members
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 6 });
                var members = Enumerable.Range(1, 4).Select(seed => new PatientNet(seed: seed)).ToList();
                foreach (var m in members) m.Fit(train, null, new FitOptions { Epochs = 20 });
                var kept = members.Where(m => m.Evaluate(validation).Accuracy >= 0.75).ToList();
                var votes = kept.Select(m => m.PredictProbabilities(test)).ToList();
                int right = Enumerable.Range(0, test.Count).Count(i => (votes.Average(p => p[i][1]) >= 0.5f ? 1 : 0) == test[i].Readmitted);
                Console.WriteLine($"{kept.Count} members, test accuracy {right / (double)test.Count:P2}");
            }
        }
        """;

    [Fact]
    public Task Members_kept_by_a_bar_on_validation_accuracy_is_silent() => Expect(Program(Members));

    [Fact]
    public Task Members_kept_by_a_bar_on_test_accuracy_is_reported() =>
        Expect(Program(Mutate(Members, "members.Where(m => m.Evaluate(validation).Accuracy >= 0.75)", "members.Where(m => m.Evaluate({|#0:test|}).Accuracy >= 0.75)")), "MLDSL0018");

    // Look-alike: the test rows the ensemble gets wrong, filtered by their predictions and printed (error analysis, no choice).
    [Fact]
    public Task Test_rows_filtered_by_their_predictions_and_printed_are_silent() =>
        Expect(Program(Mutate(Members, "Console.WriteLine($\"{kept.Count} members",
            "var flagged = Enumerable.Range(0, test.Count).Where(i => votes[0][i][1] >= 0.5f).ToList();\n        Console.WriteLine($\"{flagged.Count} flagged, {kept.Count} members")));

    // Look-alike: one final go/no-go gate on the test accuracy of the chosen model.
    [Fact]
    public Task One_gate_on_the_test_accuracy_of_the_ensemble_is_silent() =>
        Expect(Program(Mutate(Members, "Console.WriteLine($\"{kept.Count} members", "if (right / (double)test.Count < 0.7) throw new InvalidOperationException(\"below the bar\");\n        Console.WriteLine($\"{kept.Count} members")));

    // ───────────── 4. A cut-off chosen by counting wrong predictions inside MinBy ─────────────

    private const string Cut = """
        public static class Cut
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var model = new PatientNet();
                model.Fit(train, validation);
                float[][] seen = model.PredictProbabilities(validation);
                float cut = new[] { 0.2f, 0.35f, 0.5f, 0.65f }.MinBy(c => validation.Where((r, i) => (seen[i][1] >= c ? 1 : 0) != r.Readmitted).Count());
                float[][] held = model.PredictProbabilities(test);
                Console.WriteLine($"cut {cut}: {test.Where((r, i) => (held[i][1] >= cut ? 1 : 0) != r.Readmitted).Count()} test errors");
            }
        }
        """;

    [Fact]
    public Task Cut_off_chosen_by_counted_validation_errors_is_silent() => Expect(Program(Cut));

    [Fact]
    public Task Cut_off_chosen_by_counted_test_errors_is_reported() =>
        Expect(Program(Mutate(Cut, "float[][] seen = model.PredictProbabilities(validation);", "float[][] seen = model.PredictProbabilities({|#0:test|});")
            .Replace("validation.Where((r, i) => (seen[i][1]", "test.Where((r, i) => (seen[i][1]")), "MLDSL0018");

    // Look-alike: the wrong test predictions counted for every cut-off and printed as a table.
    [Fact]
    public Task Test_errors_of_every_cut_off_printed_are_silent() =>
        Expect(Program(Mutate(Cut, "Console.WriteLine($\"cut {cut}",
            "foreach (float c in new[] { 0.2f, 0.5f }) Console.WriteLine($\"{c}: {test.Where((r, i) => (held[i][1] >= c ? 1 : 0) != r.Readmitted).Count()}\");\n        Console.WriteLine($\"cut {cut}")));

    // ───────────── 5. A class that reads and splits its file, scoring on its Test part ─────────────

    private const string Study = """
        public sealed class Study
        {
            public IReadOnlyList<Patient> Train { get; }
            public IReadOnlyList<Patient> Check { get; }
            public IReadOnlyList<Patient> Final { get; }

            public Study(string path)
            {
                var split = CsvFile.Read<Patient>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                Train = split.Train;
                Check = split.Validation;
                Final = split.Test;
            }

            public double CheckLoss(PatientNet model) => model.Evaluate(Check).Loss;

            public double FinalLoss(PatientNet model) => model.Evaluate(Final).Loss;
        }

        public static class StudyMain
        {
            public static void Main()
            {
                var study = new Study("patients.csv");
                var models = new[] { 1, 2, 3 }.Select(seed => new PatientNet(seed: seed)).ToList();
                foreach (var m in models) m.Fit(study.Train, null, new FitOptions { Epochs = 15 });
                var best = models.MinBy(m => study.CheckLoss(m))!;
                Console.WriteLine($"test loss {study.FinalLoss(best):F4}");
            }
        }
        """;

    [Fact]
    public Task Class_choosing_by_its_validation_part_then_one_test_score_is_silent() => Expect(Program(Study));

    [Fact]
    public Task Class_choosing_by_its_test_part_is_reported() =>
        Expect(Program(Mutate(Study, "models.MinBy(m => study.CheckLoss(m))", "models.MinBy(m => {|#0:study.FinalLoss(m)|})")), "MLDSL0018");

    /// <summary>Study with its test part scaled by a field fitted in the constructor, chosen by that part.</summary>
    private static string ScaledStudy(string program) =>
        Mutate(Mutate(Mutate(Mutate(program, "models.MinBy(m => study.CheckLoss(m))", "models.MinBy(m => {|#0:study.FinalLoss(m)|})"),
            "Final = split.Test;", "Final = split.Test;\n        scaler = Standardizer.Fit(Train);"),
            "public IReadOnlyList<Patient> Final { get; }", "public IReadOnlyList<Patient> Final { get; }\n    private readonly Standardizer scaler;"),
            "model.Evaluate(Final).Loss", "model.Evaluate(scaler.Apply(Final)).Loss");

    [Fact]
    public Task Class_with_a_scaler_choosing_by_its_test_part_is_reported() => Expect(Program(ScaledStudy(Study)), "MLDSL0018");

    // The parts assigned by one deconstruction.
    [Fact]
    public Task Class_with_deconstructed_parts_and_a_scaler_choosing_by_its_test_part_is_reported() =>
        Expect(Program(ScaledStudy(Mutate(Study, "Train = split.Train;\n        Check = split.Validation;\n        Final = split.Test;",
            "(Train, Check, Final) = (split.Train, split.Validation, split.Test);\n        Final = split.Test;"))), "MLDSL0018");

    // ───────────── 6. A rate of the labels as the rank of a cut-off ("flag the top k%") ─────────────

    private const string TopShare = """
        public static class TopShare
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 9 });
                using var model = new PatientNet();
                model.Fit(train, validation);
                double share = train.Average(p => p.Readmitted);
                float[] risk = model.PredictProbabilities(test).Select(p => p[1]).ToArray();
                float cutoff = risk.OrderByDescending(r => r).ElementAt((int)(share * risk.Length));
                Console.WriteLine($"cutoff {cutoff:F3}: flagged {risk.Count(r => r >= cutoff)} of {test.Count}");
            }
        }
        """;

    [Fact]
    public Task Cut_off_ranked_by_the_training_rate_of_readmissions_is_silent() => Expect(Program(TopShare));

    [Fact]
    public Task Cut_off_ranked_by_the_test_rate_of_readmissions_is_reported() =>
        Expect(Program(Mutate(TopShare, "double share = train.Average(p => p.Readmitted);", "double share = {|#0:test.Average(p => p.Readmitted)|};")), "MLDSL0018");

    // Look-alike: the test rate only printed beside the flagged count.
    [Fact]
    public Task Test_rate_of_readmissions_only_printed_is_silent() =>
        Expect(Program(Mutate(TopShare, "Console.WriteLine($\"cutoff {cutoff:F3}", "Console.WriteLine($\"test rate {test.Average(p => p.Readmitted):P1}\");\n        Console.WriteLine($\"cutoff {cutoff:F3}")));

    // ───────────── 7. Rows repeated with Enumerable.Repeat ─────────────

    private const string Repeat = """
        public static class Repeat
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 10 });
                var balanced = train.Concat(train.Where(p => p.Readmitted == 1).SelectMany(p => Enumerable.Repeat(p, 2))).ToList();
                using var model = new PatientNet();
                model.Fit(balanced, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """;

    [Fact]
    public Task Readmissions_repeated_in_the_training_part_after_the_split_is_silent() => Expect(Program(Repeat));

    [Fact]
    public Task Readmissions_repeated_before_the_split_is_reported() =>
        Expect(Program(Mutate(Repeat, """
            var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 10 });
                    var balanced = train.Concat(train.Where(p => p.Readmitted == 1).SelectMany(p => Enumerable.Repeat(p, 2))).ToList();
            """, """
            var all = CsvFile.Read<Patient>("patients.csv");
                    var (balanced, validation, test) = {|#0:all.SelectMany(p => Enumerable.Repeat(p, p.Readmitted == 1 ? 3 : 1))|}.ToList().Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 10 });
            """)), "MLDSL0026");

    // Look-alike: one row repeated as a placeholder list, never split or trained on.
    [Fact]
    public Task A_row_repeated_for_a_printout_is_silent() =>
        Expect(Program(Mutate(Repeat, "Console.WriteLine(model.Evaluate(test).Accuracy);",
            "Console.WriteLine(model.Evaluate(test).Accuracy);\n        Console.WriteLine(string.Join(\", \", Enumerable.Repeat(test[0].Age, 3)));")));

    // ───────────── 8. A helper returning the model with the rows it trained on ─────────────

    private const string Pair = """
        public static class Pair
        {
            private static (PatientNet Model, IReadOnlyList<Patient> Held) Train(DataSplit<Patient> split)
            {
                var model = new PatientNet();
                model.Fit(split.Train, split.Validation);
                return (model, split.Test);
            }

            public static void Main()
            {
                var split = CsvFile.Read<Patient>("patients.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                var (model, held) = Train(split);
                Console.WriteLine($"accuracy {model.Evaluate(held).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Model_returned_with_its_test_rows_and_scored_on_them_is_silent() => Expect(Program(Pair));

    [Fact]
    public Task Model_returned_with_its_training_rows_and_scored_on_them_is_reported() =>
        Expect(Program(Mutate(Pair, "return (model, split.Test);", "return (model, split.Train);").Replace("model.Evaluate(held)", "model.Evaluate({|#0:held|})")), "MLDSL0027");

    // Look-alike: the training rows returned too, but only counted.
    [Fact]
    public Task Model_returned_with_its_training_rows_only_counted_is_silent() =>
        Expect(Program(Mutate(Pair, "return (model, split.Test);", "return (model, split.Train);").Replace("model.Evaluate(held).Accuracy:P2", "held.Count")));

    // ───────────── 9. The label copied into a feature through a local holding the same row ─────────────

    private const string Lags = """
        public static class Lags
        {
            private static IEnumerable<RiverDay> Days(List<Gauge> gauges)
            {
                for (int i = 1; i < gauges.Count; i++)
                {
                    var today = gauges[i];
                    yield return new RiverDay { Day = today.Day, Rain = today.Rain, FlowLag1 = gauges[i - 1].Flow, Flow = today.Flow };
                }
            }

            public static void Main()
            {
                var gauges = File.ReadLines("gauge.csv").Select(l => l.Split(',')).Select(f => new Gauge(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
                var (train, validation, test) = Days(gauges).ToList().Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new RiverNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """;

    [Fact]
    public Task Yesterdays_flow_as_a_lag_beside_a_local_for_today_is_silent() => Expect(Program(Lags));

    [Fact]
    public Task Todays_flow_read_through_the_list_beside_a_local_for_today_is_reported() =>
        Expect(Program(Mutate(Lags, "FlowLag1 = gauges[i - 1].Flow", "{|#0:FlowLag1 = gauges[i].Flow|}")), "MLDSL0017");

    // Look-alike: another local holding yesterday's gauge.
    [Fact]
    public Task Yesterdays_flow_through_a_local_for_yesterday_is_silent() =>
        Expect(Program(Mutate(Lags, "var today = gauges[i];", "var today = gauges[i];\n            var yesterday = gauges[i - 1];").Replace("FlowLag1 = gauges[i - 1].Flow", "FlowLag1 = yesterday.Flow")));
}
