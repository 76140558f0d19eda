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
/// Adversarial leakage cases written against the public API only (kinds: test rows steering a choice,
/// scores on training rows, same rows for training and validation, group/time leakage). Both leakage
/// analyzers run, as a user sees them; the union of their diagnostics is asserted by id and location.
/// </summary>
public sealed partial class FreshLeakageCasesB
{
    private const string T18 = "MLDSL0018", T27 = "MLDSL0027", T20 = "MLDSL0020", T19 = "MLDSL0019", T16 = "MLDSL0016";

    // Extra rows: scans grouped by patient (no timestamp), churn rows without metadata.
    private const string Extra = """

        [Dataset]
        public sealed partial record Scan
        {
            [Feature] public float Density { get; init; }
            [Feature] public float Size { get; init; }
            [Label(Classes = 2)] public int Malignant { get; init; }
            [GroupKey] public string Patient { get; init; } = "";
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string Script(string body) =>
        LeakageSources.Usings + "using MlDsl.Data.Tuning;\n\npublic static class Script\n{\n" + body + "\n}\n" + LeakageSources.Visit + Extra;

    /// <summary>One expected diagnostic: one of <paramref name="ids"/> at one of the marked spans; optional ones may be absent.</summary>
    private sealed record Want(string[] Ids, int[] Marks, bool Optional = false);

    private static Want W(string id, params int[] marks) => new(new[] { id }, marks.Length == 0 ? new[] { 0 } : marks);
    private static Want Either(string id1, string id2, params int[] marks) => new(new[] { id1, id2 }, marks.Length == 0 ? new[] { 0 } : marks);
    private static Want Maybe(string id, params int[] marks) => new(new[] { id }, marks, Optional: true);

    private static async Task Check(string source, params Want[] wants)
    {
        TestFileMarkupParser.GetSpans(source, out string plain, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(plain, parse, "Script.cs");
        var compilation = CSharpCompilation.Create("FreshB", new[] { tree }, References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                specificDiagnosticOptions: References.UnificationNoticesOff));
        CSharpGeneratorDriver.Create(new[] { new MlDslGenerator().AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
        string[] errors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(errors.Length == 0, "the case does not compile:\n" + string.Join("\n", errors));

        ImmutableArray<Diagnostic> found = await generated
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LeakageAnalyzer(), new DatasetLeakageAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic[] actual = found.Where(d => d.Location.SourceTree == tree).ToArray();
        SourceText text = tree.GetText();
        int Line(int position) => text.Lines.GetLineFromPosition(position).LineNumber;
        string Describe(Diagnostic d) => $"{d.Id} line {Line(d.Location.SourceSpan.Start) + 1}: '{text.ToString(d.Location.SourceSpan)}' ({d.GetMessage()})";
        string Report() => actual.Length == 0 ? "(no leakage diagnostics)" : string.Join("\n", actual.Select(Describe));

        // A diagnostic matches a mark when it overlaps the marked span and starts on the same line.
        bool At(Diagnostic d, int mark)
        {
            TextSpan marked = spans["#" + mark].Single(), span = d.Location.SourceSpan;
            return (span.OverlapsWith(marked) || marked.Contains(span) || span.Contains(marked)) && Line(span.Start) == Line(marked.Start);
        }
        bool Matches(Want want, Diagnostic d) => want.Ids.Contains(d.Id) && want.Marks.Any(mark => At(d, mark));

        var problems = new List<string>();
        foreach (Want want in wants.Where(w => !w.Optional))
            if (!actual.Any(d => Matches(want, d)))
                problems.Add($"missing {string.Join("/", want.Ids)} at mark(s) {string.Join(",", want.Marks.Select(m => "#" + m))}");
        foreach (Diagnostic d in actual.Where(d => !wants.Any(w => Matches(w, d))))
            problems.Add("unexpected " + Describe(d));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nreported:\n" + Report());
    }

    // ---------------------------------------------------------------- Kind 1: test rows steering a choice (MLDSL0018)

    [Fact]
    public Task Test_split_passed_as_early_stopping_validation_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var model = new ReadingNet(seed: 7);
                model.Fit(split.Train, {|#0:split.Test|}, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        """), W(T18, 0), Maybe(T27, 1));

    [Fact]
    public Task Deconstructed_test_rows_passed_as_validation_with_options_in_a_variable_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Seed = 3 });
                var options = new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 };
                using var model = new ReadingNet();
                FitReport report = model.Fit(train, {|#0:test|}, options);
                Console.WriteLine($"best epoch {report.BestEpoch}, {validation.Count} validation rows unused");
            }
        """), W(T18, 0));

    [Fact]
    public Task Test_rows_handed_to_a_training_helper_as_its_watch_set_are_reported_at_the_call() => Check(Script("""
            private static ReadingNet Train(IReadOnlyList<Reading> train, IReadOnlyList<Reading> watch)
            {
                var model = new ReadingNet(seed: 1);
                model.Fit(train, watch, new FitOptions { EarlyStoppingPatience = 5 });
                return model;
            }

            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split();
                using var model = Train(split.Train, {|#0:split.Test|});
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        """), W(T18, 0), Maybe(T27, 1));

    [Fact]
    public Task Learning_rate_kept_by_its_test_accuracy_inside_a_loop_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double bestAccuracy = 0, bestRate = 0;
                foreach (double rate in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    using var model = new ReadingNet(seed: 1);
                    model.Fit(train, validation, new FitOptions { LearningRate = rate });
                    double accuracy = model.Evaluate({|#0:test|}).Accuracy;
                    if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestRate = rate; }
                }
                Console.WriteLine($"best learning rate {bestRate}: {bestAccuracy:P1}");
            }
        """), W(T18, 0));

    [Fact]
    public Task Two_models_scored_on_test_one_after_another_and_the_better_kept_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var small = new ReadingNet(seed: 1);
                var large = new ReadingNet(seed: 2);
                small.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
                large.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
                double smallScore = small.Evaluate({|#0:split.Test|}).Accuracy;
                double largeScore = large.Evaluate({|#1:split.Test|}).Accuracy;
                ReadingNet chosen = smallScore >= largeScore ? small : large;
                chosen.Save("readings.mldsl");
            }
        """), W(T18, 0, 1));

    [Fact]
    public Task Best_of_a_list_of_candidates_picked_by_MaxBy_on_test_accuracy_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split();
                var candidates = new List<ReadingNet> { new ReadingNet(seed: 1), new ReadingNet(seed: 2), new ReadingNet(seed: 3) };
                foreach (ReadingNet candidate in candidates) candidate.Fit(train, validation);
                ReadingNet best = candidates.MaxBy(candidate => candidate.Evaluate({|#0:test|}).Accuracy)!;
                best.Save("best.mldsl");
            }
        """), W(T18, 0));

    [Fact]
    public Task Decision_threshold_swept_over_test_probabilities_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
                using var model = new ReadingNet(seed: 4);
                model.Fit(split.Train, split.Validation);
                float[][] probabilities = model.PredictProbabilities({|#0:split.Test|});
                float bestThreshold = 0.5f;
                int bestCorrect = -1;
                for (float threshold = 0.1f; threshold < 0.9f; threshold += 0.05f)
                {
                    int correct = 0;
                    for (int i = 0; i < split.Test.Count; i++)
                        if ((probabilities[i][1] >= threshold ? 1 : 0) == split.Test[i].Sick) correct++;
                    if ({|#1:correct > bestCorrect|}) { bestCorrect = correct; bestThreshold = threshold; }
                }
                Console.WriteLine($"threshold {bestThreshold}: {bestCorrect / (double)split.Test.Count:P1}");
            }
        """), W(T18, 0, 1));

    [Fact]
    public Task Number_of_epochs_chosen_through_a_scoring_helper_on_test_is_reported_at_the_call() => Check(Script("""
            private static double ScoreWithEpochs(int epochs, IReadOnlyList<Reading> train, IReadOnlyList<Reading> heldOut)
            {
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, null, new FitOptions { Epochs = epochs });
                return model.Evaluate(heldOut).Accuracy;
            }

            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Seed = 5 });
                int epochs = new[] { 5, 10, 20, 40 }.MaxBy(e => ScoreWithEpochs(e, split.Train, {|#0:split.Test|}));
                using var final = new ReadingNet(seed: 1);
                final.Fit(split.Train, null, new FitOptions { Epochs = epochs });
                final.Save("final.mldsl");
            }
        """), W(T18, 0));

    [Fact]
    public Task Class_weights_from_the_test_labels_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float positive = (float){|#0:split.Test.Average(r => r.Sick)|};
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation, {|#1:new FitOptions { ClassWeights = new[] { positive, 1 - positive } }|});
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), Either(T18, T16, 0, 1));

    [Fact]
    public Task Feature_shifted_by_the_mean_of_sick_test_visits_through_a_local_function_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
                float sickHeart = {|#0:test.Where(v => v.Sick == 1).Average(v => v.Heart)|};
                Visit[] Centre(IEnumerable<Visit> part) => part.Select(v => v with { Heart = v.Heart - sickHeart }).ToArray();
                using var model = new VisitNet();
                {|#1:model.Fit(Centre(train), Centre(validation))|};
                Console.WriteLine(model.Evaluate({|#2:Centre(test)|}).Accuracy);
            }
        """), Either(T18, T16, 0), Maybe(T16, 1, 2));

    [Fact]
    public Task Fix_early_stopping_on_the_validation_split_then_one_test_score_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var model = new ReadingNet(seed: 7);
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Fix_learning_rate_kept_by_validation_accuracy_then_tested_once_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                double bestAccuracy = 0, bestRate = 0;
                foreach (double rate in new[] { 1e-4, 1e-3, 1e-2 })
                {
                    using var model = new ReadingNet(seed: 1);
                    model.Fit(train, validation, new FitOptions { LearningRate = rate });
                    double accuracy = model.Evaluate(validation).Accuracy;
                    if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestRate = rate; }
                }
                using var final = new ReadingNet(seed: 1);
                final.Fit(train, validation, new FitOptions { LearningRate = bestRate });
                Console.WriteLine($"learning rate {bestRate}: test accuracy {final.Evaluate(test).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Fix_two_models_compared_on_validation_and_the_winner_tested_once_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var small = new ReadingNet(seed: 1);
                var large = new ReadingNet(seed: 2);
                small.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
                large.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
                double smallScore = small.Evaluate(split.Validation).Accuracy;
                double largeScore = large.Evaluate(split.Validation).Accuracy;
                ReadingNet chosen = smallScore >= largeScore ? small : large;
                Console.WriteLine($"test accuracy of the chosen model: {chosen.Evaluate(split.Test).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Fix_threshold_swept_on_validation_then_test_accuracy_at_that_threshold_is_silent() => Check(Script("""
            private static int Correct(float[][] probabilities, IReadOnlyList<Reading> rows, float threshold)
            {
                int correct = 0;
                for (int i = 0; i < rows.Count; i++)
                    if ((probabilities[i][1] >= threshold ? 1 : 0) == rows[i].Sick) correct++;
                return correct;
            }

            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
                using var model = new ReadingNet(seed: 4);
                model.Fit(split.Train, split.Validation);
                float[][] validationProbabilities = model.PredictProbabilities(split.Validation);
                float bestThreshold = 0.5f;
                int bestCorrect = -1;
                for (float threshold = 0.1f; threshold < 0.9f; threshold += 0.05f)
                {
                    int correct = Correct(validationProbabilities, split.Validation, threshold);
                    if (correct > bestCorrect) { bestCorrect = correct; bestThreshold = threshold; }
                }
                int testCorrect = Correct(model.PredictProbabilities(split.Test), split.Test, bestThreshold);
                Console.WriteLine($"threshold {bestThreshold}: test accuracy {testCorrect / (double)split.Test.Count:P1}");
            }
        """));

    [Fact]
    public Task Fix_number_of_epochs_chosen_on_validation_through_a_helper_is_silent() => Check(Script("""
            private static double ScoreWithEpochs(int epochs, IReadOnlyList<Reading> train, IReadOnlyList<Reading> heldOut)
            {
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, null, new FitOptions { Epochs = epochs });
                return model.Evaluate(heldOut).Accuracy;
            }

            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Seed = 5 });
                int epochs = new[] { 5, 10, 20, 40 }.MaxBy(e => ScoreWithEpochs(e, split.Train, split.Validation));
                using var final = new ReadingNet(seed: 1);
                final.Fit(split.Train, null, new FitOptions { Epochs = epochs });
                Console.WriteLine(final.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Fix_class_weights_from_the_training_labels_are_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float positive = (float)split.Train.Average(r => r.Sick);
                using var model = new ReadingNet();
                model.Fit(split.Train, split.Validation, new FitOptions { ClassWeights = new[] { positive, 1 - positive } });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Look_alike_manual_cross_validation_averaging_fold_scores_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scores = new List<double>();
                foreach (Fold fold in Folds.Of(split.Train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var foldTrain = fold.Train.Select(i => split.Train[i]).ToList();
                    var foldValidation = fold.Validation.Select(i => split.Train[i]).ToList();
                    using var model = new ReadingNet(seed: 1);
                    model.Fit(foldTrain);
                    scores.Add(model.Evaluate(foldValidation).Accuracy);
                }
                Console.WriteLine($"CV accuracy {scores.Average():P1} over {scores.Count} folds");
            }
        """));

    [Fact]
    public Task Look_alike_cross_validation_run_printed_as_mean_and_deviation_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                CrossValidationResult result = CrossValidation.Run(rows,
                    CrossValidation.TrainModel<Reading, ReadingNet>(() => new ReadingNet(seed: 2), new FitOptions { Epochs = 20 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 10, Shuffle = true });
                Console.WriteLine($"10-fold accuracy: {result}");
            }
        """));

    [Fact]
    public Task Look_alike_grid_search_on_the_validation_split_then_one_test_evaluation_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                SearchResult<double> search = GridSearch.OnValidation(split, new[] { 1e-4, 3e-4, 1e-3, 3e-3 },
                    rate => CrossValidation.TrainModel<Reading, ReadingNet>(() => new ReadingNet(seed: 1), new FitOptions { LearningRate = rate }));
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { LearningRate = search.BestParameters });
                Console.WriteLine($"rate {search.BestParameters}: test {model.Evaluate(split.Test).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Look_alike_grid_search_by_cross_validation_over_training_rows_then_one_test_evaluation_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var grid = GridSearch.Grid(new[] { 10, 30 }, new[] { 1e-3, 1e-2 });
                var search = GridSearch.CrossValidate(train, grid,
                    p => CrossValidation.TrainModel<Reading, ReadingNet>(() => new ReadingNet(seed: 3), new FitOptions { Epochs = p.Item1, LearningRate = p.Item2 }),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 3 });
                (int epochs, double rate) = search.BestParameters;
                using var model = new ReadingNet(seed: 3);
                model.Fit(train, validation, new FitOptions { Epochs = epochs, LearningRate = rate });
                Evaluation final = model.Evaluate(test);
                Console.WriteLine($"{epochs} epochs at {rate}: {final.Accuracy:P1} on {final.Count} test rows");
            }
        """));

    [Fact]
    public Task Look_alike_tuning_on_the_test_part_of_a_split_of_the_training_rows_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var outer = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2, Seed = 1 });
                var inner = outer.Train.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.25, Seed = 2 });
                double bestScore = double.MinValue;
                int bestEpochs = 10;
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    using var candidate = new ReadingNet(seed: 1);
                    candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = epochs });
                    double score = candidate.Evaluate(inner.Test).Accuracy;
                    if (score > bestScore) { bestScore = score; bestEpochs = epochs; }
                }
                using var final = new ReadingNet(seed: 1);
                final.Fit(outer.Train, outer.Validation, new FitOptions { Epochs = bestEpochs });
                Console.WriteLine(final.Evaluate(outer.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Look_alike_go_no_go_gate_on_the_test_score_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 9);
                model.Fit(split.Train, split.Validation, new FitOptions { EarlyStoppingPatience = 4 });
                double accuracy = model.Evaluate(split.Test).Accuracy;
                if (accuracy < 0.85)
                    throw new InvalidOperationException($"test accuracy {accuracy:P1} is below the 85% bar; not shipping");
                model.Save("readings.mldsl");
            }
        """));

    [Fact]
    public Task Look_alike_train_loss_logged_next_to_the_test_score_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                FitReport report = model.Fit(train, validation, new FitOptions { Epochs = 30, OnEpoch = Console.WriteLine });
                Evaluation onTest = model.Evaluate(test);
                Console.WriteLine($"final train loss {report.Last.TrainLoss:F4}, test loss {onTest.Loss:F4}, test accuracy {onTest.Accuracy:P1}");
                if (report.Last.TrainAccuracy - onTest.Accuracy > 0.1) Console.WriteLine("overfitting: train accuracy is well above test");
            }
        """));

    [Fact]
    public Task Second_round_epochs_chosen_from_the_first_test_score_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new ReadingNet(seed: 1);
                first.Fit(train, validation, new FitOptions { Epochs = 10 });
                double firstAccuracy = first.Evaluate({|#0:test|}).Accuracy;
                var options = new FitOptions { Epochs = {|#1:firstAccuracy < 0.9|} ? 40 : 10 };
                using var second = new ReadingNet(seed: 1);
                second.Fit(train, validation, {|#2:options|});
                Console.WriteLine(second.Evaluate(test).Accuracy);
            }
        """), W(T18, 0, 1, 2));

    [Fact]
    public Task Training_on_train_plus_test_concatenated_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit({|#0:split.Train.Concat(split.Test).ToList()|}, split.Validation);
                Console.WriteLine($"test accuracy {model.Evaluate({|#1:split.Test|}).Accuracy:P1}");
            }
        """), Either(T18, T27, 0, 1));

    [Fact]
    public Task Look_alike_candidates_ordered_by_validation_accuracy_then_tested_once_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var candidates = new[] { 1, 2, 3 }.Select(seed => new ReadingNet(seed: seed)).ToList();
                foreach (ReadingNet candidate in candidates) candidate.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
                ReadingNet best = candidates.OrderByDescending(candidate => candidate.Evaluate(validation).Accuracy).First();
                Console.WriteLine($"chosen by validation; test accuracy {best.Evaluate(test).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Look_alike_best_epoch_from_the_validation_curve_used_to_refit_then_tested_once_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var probe = new ReadingNet(seed: 1);
                FitReport report = probe.Fit(split.Train, split.Validation, new FitOptions { Epochs = 60, EarlyStoppingPatience = 6 });
                int epochs = report.BestEpoch ?? 60;
                using var final = new ReadingNet(seed: 1);
                final.Fit(split.Train.Concat(split.Validation).ToList(), null, new FitOptions { Epochs = epochs });
                Console.WriteLine($"{epochs} epochs; test accuracy {final.Evaluate(split.Test).Accuracy:P1}");
            }
        """));

    // ---------------------------------------------------------------- Kind 2: scores on rows the model trained on (MLDSL0027)

    [Fact]
    public Task Accuracy_on_the_training_split_reported_as_the_score_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train);
                Console.WriteLine($"accuracy: {model.Evaluate({|#0:split.Train|}).Accuracy:P1}");
            }
        """), W(T27, 0));

    [Fact]
    public Task Fit_on_all_rows_then_evaluate_all_rows_through_an_alias_is_reported() => Check(Script("""
            public static void Run(string path)
            {
                IReadOnlyList<Reading> readings = CsvFile.Read<Reading>(path);
                var everything = readings;
                using var model = new ReadingNet(seed: 1);
                model.Fit(everything, null, new FitOptions { Epochs = 25 });
                Evaluation score = model.Evaluate({|#0:readings|});
                Console.WriteLine(score.Accuracy);
            }
        """), W(T27, 0));

    [Fact]
    public Task Helper_that_fits_and_scores_the_same_rows_is_reported() => Check(Script("""
            private static Evaluation TrainAndScore(ReadingNet model, IReadOnlyList<Reading> rows)
            {
                model.Fit(rows, null, new FitOptions { Epochs = 20 });
                return model.Evaluate({|#0:rows|});
            }

            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split();
                using var model = new ReadingNet(seed: 1);
                Console.WriteLine(TrainAndScore(model, {|#1:split.Train|}).Accuracy);
            }
        """), W(T27, 0, 1));

    [Fact]
    public Task Score_on_the_early_stopping_rows_reported_as_the_final_score_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, _) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, validation, new FitOptions { Epochs = 100, EarlyStoppingPatience = 8 });
                Console.WriteLine($"model accuracy: {model.Evaluate({|#0:validation|}).Accuracy:P1}");
            }
        """), W(T27, 0));

    [Fact]
    public Task Scaled_copy_of_the_training_rows_evaluated_after_fitting_on_them_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                using var model = new ReadingNet(seed: 1);
                model.Fit(scaler.Apply(split.Train));
                Evaluation evaluation = model.Evaluate({|#0:scaler.Apply(split.Train)|});
                Console.WriteLine(evaluation.Accuracy);
            }
        """), W(T27, 0));

    [Fact]
    public Task Fit_on_train_plus_validation_then_validation_reported_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var split = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new SaleNet(seed: 1);
                model.Fit(split.Train.Concat(split.Validation).ToList(), null, new FitOptions { Epochs = 40 });
                double mae = model.Evaluate({|#0:split.Validation|}).MeanAbsoluteError;
                Console.WriteLine($"MAE {mae:F2} units");
            }
        """), W(T27, 0));

    [Fact]
    public Task Training_rows_filtered_after_fitting_and_scored_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                IReadOnlyList<Reading> data = rows;
                using var model = new ReadingNet();
                model.Fit(data);
                data = data.Where(r => r.Heart > 0).ToList(); // drop sensor dropouts before reporting
                Console.WriteLine(model.Evaluate({|#0:data|}).Accuracy);
            }
        """), W(T27, 0));

    [Fact]
    public Task Fix_training_split_fitted_and_the_test_split_scored_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                using var model = new ReadingNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Evaluation evaluation = model.Evaluate(scaler.Apply(split.Test));
                Console.WriteLine(evaluation.Accuracy);
            }
        """));

    [Fact]
    public Task Fix_train_on_train_plus_validation_and_score_the_later_test_block_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var split = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new SaleNet(seed: 1);
                model.Fit(split.Train.Concat(split.Validation).ToList(), null, new FitOptions { Epochs = 40 });
                Console.WriteLine($"MAE {model.Evaluate(split.Test).MeanAbsoluteError:F2} units");
            }
        """));

    [Fact]
    public Task Look_alike_train_score_beside_the_test_score_as_an_overfitting_check_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                double trainAccuracy = model.Evaluate(split.Train).Accuracy;
                double testAccuracy = model.Evaluate(split.Test).Accuracy;
                Console.WriteLine($"train {trainAccuracy:P1} vs test {testAccuracy:P1}: gap {trainAccuracy - testAccuracy:P1}");
            }
        """));

    [Fact]
    public Task Look_alike_refit_on_all_rows_to_ship_after_the_test_score_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using (var model = new ReadingNet(seed: 1))
                {
                    model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 30 });
                    Console.WriteLine($"held-out accuracy {model.Evaluate(split.Test).Accuracy:P1}");
                }
                using var shipped = new ReadingNet(seed: 1);
                shipped.Fit(rows, null, new FitOptions { Epochs = 30 });
                shipped.Save("readings.mldsl");
            }
        """));

    [Fact]
    public Task Look_alike_fit_on_one_file_and_score_a_separate_holdout_file_is_silent() => Check(Script("""
            public static void Run()
            {
                IReadOnlyList<Reading> train = CsvFile.Read<Reading>("readings-2024.csv");
                IReadOnlyList<Reading> holdout = CsvFile.Read<Reading>("readings-2025.csv");
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, null, new FitOptions { Epochs = 15 });
                Console.WriteLine($"2025 accuracy {model.Evaluate(holdout).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Look_alike_report_loop_over_the_train_and_test_parts_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                var parts = new Dictionary<string, IReadOnlyList<Reading>> { ["train"] = split.Train, ["test"] = split.Test };
                foreach ((string name, IReadOnlyList<Reading> part) in parts)
                    Console.WriteLine($"{name}: {model.Evaluate(part).Accuracy:P1}");
            }
        """));

    [Fact]
    public Task Only_the_training_part_in_a_report_dictionary_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train);
                var parts = new Dictionary<string, IReadOnlyList<Reading>> { ["train"] = split.Train };
                foreach ((string name, IReadOnlyList<Reading> part) in parts)
                    Console.WriteLine($"{name}: {model.Evaluate({|#0:part|}).Accuracy:P1}");
            }
        """), W(T27, 0));

    [Fact]
    public Task Accuracy_on_the_whole_dataset_after_training_on_its_training_split_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"accuracy on the dataset: {model.Evaluate({|#0:rows|}).Accuracy:P1}");
            }
        """), W(T27, 0));

    // ---------------------------------------------------------------- Kind 3: same rows for training and validation (MLDSL0020)

    [Fact]
    public Task Training_split_passed_as_its_own_validation_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, {|#0:split.Train|}, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), W(T20, 0));

    [Fact]
    public Task All_rows_as_training_and_as_validation_through_a_second_variable_are_reported() => Check(Script("""
            public static void Run(string path)
            {
                var readings = CsvFile.Read<Reading>(path);
                var validationRows = CsvFile.Read<Reading>(path);
                using var model = new ReadingNet(seed: 1);
                model.Fit(readings, {|#0:validationRows|}, new FitOptions { Epochs = 20 });
                model.Save("readings.mldsl");
            }
        """), W(T20, 0));

    [Fact]
    public Task Validation_split_of_rows_that_are_all_trained_on_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReadingNet(seed: 1);
                model.Fit(rows, {|#0:split.Validation|});
                model.Save("readings.mldsl");
            }
        """), W(T20, 0));

    [Fact]
    public Task Holdout_helper_taking_the_tail_of_the_training_rows_is_reported() => Check(Script("""
            private static IReadOnlyList<Reading> Holdout(IReadOnlyList<Reading> rows) => rows.Skip(rows.Count * 4 / 5).ToList();

            public static void Run(IReadOnlyList<Reading> rows)
            {
                using var model = new ReadingNet(seed: 1);
                model.Fit(rows, {|#0:Holdout(rows)|}, new FitOptions { EarlyStoppingPatience = 3 });
                model.Save("readings.mldsl");
            }
        """), W(T20, 0));

    [Fact]
    public Task Scaled_copy_of_the_training_rows_used_as_validation_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                Reading[] train = scaler.Apply(split.Train);
                Reading[] check = scaler.Apply(split.Train.Where(r => r.Sick == 1).ToList());
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, {|#0:check|});
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """), W(T20, 0));

    [Fact]
    public Task Fix_training_and_validation_parts_of_one_split_after_scaling_are_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split);
                Reading[] train = scaler.Apply(split.Train);
                Reading[] check = scaler.Apply(split.Validation);
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, check);
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """));

    [Fact]
    public Task Fix_holdout_tail_removed_from_the_training_rows_with_take_and_skip_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                int cut = rows.Count * 4 / 5;
                var train = rows.Take(cut).ToList();
                var validation = rows.Skip(cut).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 3 });
                model.Save("readings.mldsl");
            }
        """));

    [Fact]
    public Task Look_alike_tail_named_holdout_used_only_for_early_stopping_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                int cut = rows.Count * 4 / 5;
                var train = rows.Take(cut).ToList();
                var holdout = rows.Skip(cut).ToList();
                using var model = new ReadingNet(seed: 1);
                model.Fit(train, holdout, new FitOptions { EarlyStoppingPatience = 3 });
                model.Save("readings.mldsl");
            }
        """));

    [Fact]
    public Task Training_rows_validated_on_their_own_positive_subset_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                using var model = new ReadingNet(seed: 1);
                model.Fit(rows, {|#0:rows.Where(r => r.Sick == 1).ToList()|});
                model.Save("readings.mldsl");
            }
        """), W(T20, 0));

    [Fact]
    public Task Look_alike_fold_train_and_fold_validation_built_from_fold_indices_are_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var losses = new List<double>();
                foreach (Fold fold in Folds.Of(train, new FoldOptions { Folds = 4, Shuffle = true, Seed = 3 }))
                {
                    Reading[] foldTrain = fold.Train.Select(i => train[i]).ToArray();
                    Reading[] foldValidation = fold.Validation.Select(i => train[i]).ToArray();
                    using var model = new ReadingNet(seed: 1);
                    FitReport report = model.Fit(foldTrain, foldValidation, new FitOptions { EarlyStoppingPatience = 3 });
                    losses.Add(report.Last.Validation!.Loss);
                }
                Console.WriteLine($"mean fold validation loss {losses.Average():F4}");
            }
        """));

    [Fact]
    public Task Look_alike_sales_cut_by_date_into_earlier_training_and_later_validation_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var cutoff = new DateTime(2025, 7, 1);
                var earlier = sales.Where(s => s.Day < cutoff).ToList();
                var later = sales.Where(s => s.Day >= cutoff).ToList();
                using var model = new SaleNet(seed: 1);
                model.Fit(earlier, later, new FitOptions { EarlyStoppingPatience = 5 });
                model.Save("sales.mldsl");
            }
        """));

    // ---------------------------------------------------------------- Kind 4: group and time leakage (MLDSL0019, MLDSL0016)

    [Fact]
    public Task Stratified_split_of_visits_with_a_patient_key_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = {|#0:visits.Split({|#1:new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 }|})|};
                using var model = new VisitNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), W(T19, 0, 1));

    [Fact]
    public Task Default_split_of_scans_grouped_by_patient_is_reported() => Check(Script("""
            public static void Run(string path)
            {
                IReadOnlyList<Scan> scans = CsvFile.Read<Scan>(path);
                var (train, validation, test) = {|#0:scans.Split()|};
                using var model = new ScanNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """), W(T19, 0));

    [Fact]
    public Task Split_options_rewritten_to_random_with_a_with_expression_are_reported() => Check(Script("""
            private static readonly SplitOptions Defaults = new() { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.15 };

            public static void Run(IReadOnlyList<Scan> scans)
            {
                SplitOptions options = Defaults with { Kind = SplitKind.Random, Seed = 3 };
                var split = {|#0:scans.Split({|#1:options|})|};
                using var model = new ScanNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), W(T19, 0, 1));

    [Fact]
    public Task Pipeline_with_a_random_split_over_rows_grouped_by_patient_is_reported() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(ScanNet))]
        [{|#0:Split(Kind = SplitKind.Random, Test = 0.2)|}]
        [Transform(TransformKind.Standardize)]
        public sealed partial class {|#1:ScanPipeline|}
        {
            [Ingest] private static IReadOnlyList<Scan> Load() => CsvFile.Read<Scan>("scans.csv");
        }
        """, W(T19, 0, 1));

    [Fact]
    public Task Pipeline_without_a_split_attribute_over_timestamped_sales_is_reported() => Check(Script("""
            public static void Run() { }
        """) + """

        [{|#1:Pipeline(typeof(SaleNet))|}]
        [Train(Epochs = 30)]
        public sealed partial class {|#0:SalesPipeline|}
        {
            [Ingest] private static IReadOnlyList<Sale> Load() => CsvFile.Read<Sale>("sales.csv");
        }
        """, W(T19, 0, 1));

    [Fact]
    public Task Ingest_that_standardizes_every_row_before_the_pipeline_splits_is_reported() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(ReadingNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class ReadingPipeline
        {
            [Ingest]
            private static IReadOnlyList<Reading> Load()
            {
                IReadOnlyList<Reading> rows = CsvFile.Read<Reading>("readings.csv");
                var scaler = {|#0:Standardizer.Fit(rows)|};
                return scaler.Apply(rows);
            }
        }
        """, W(T16, 0));

    [Fact]
    public Task Ingest_that_min_max_scales_through_a_helper_is_reported_at_the_call() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(ReadingNet))]
        [Split(Kind = SplitKind.Stratified)]
        public sealed partial class ScaledReadingPipeline
        {
            private static Reading[] Normalize(IReadOnlyList<Reading> rows) => MinMaxScaler.Fit(rows).Apply(rows);

            [Ingest] private static IReadOnlyList<Reading> Load() => {|#0:Normalize(CsvFile.Read<Reading>("readings.csv"))|};
        }
        """, W(T16, 0));

    [Fact]
    public Task Shuffled_k_fold_over_timestamped_sales_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var split = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                var errors = new List<double>();
                foreach (Fold fold in {|#0:Folds.Of(split.Train, {|#1:new FoldOptions { Kind = FoldKind.KFold, Shuffle = true, Folds = 5 }|})|})
                {
                    using var model = new SaleNet(seed: 1);
                    model.Fit(fold.Train.Select(i => split.Train[i]).ToList());
                    errors.Add(model.Evaluate(fold.Validation.Select(i => split.Train[i]).ToList()).MeanAbsoluteError);
                }
                Console.WriteLine($"CV MAE {errors.Average():F2}");
            }
        """), W(T19, 0, 1));

    [Fact]
    public Task Shuffled_cross_validation_run_over_timestamped_sales_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                CrossValidationResult result = {|#0:CrossValidation.Run(sales,
                    CrossValidation.TrainModel<Sale, SaleNet>(() => new SaleNet(seed: 1)),
                    {|#1:new FoldOptions { Shuffle = true, Folds = 5, Seed = 7 }|})|};
                Console.WriteLine($"MAE (negated) {result}");
            }
        """), W(T19, 0, 1));

    [Fact]
    public Task Scaler_fitted_on_every_visit_before_a_grouped_split_is_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var scaler = Standardizer.Fit({|#0:visits|});
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new VisitNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """), W(T16, 0));

    [Fact]
    public Task Fix_grouped_split_of_visits_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Visit> visits)
            {
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
                var scaler = Standardizer.Fit(split);
                using var model = new VisitNet(seed: 1);
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(scaler.Apply(split.Test)).Accuracy);
            }
        """));

    [Fact]
    public Task Fix_pipeline_with_a_grouped_split_over_scans_is_silent() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(ScanNet))]
        [Split(Kind = SplitKind.Grouped, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        public sealed partial class ScanPipeline
        {
            [Ingest] private static IReadOnlyList<Scan> Load() => CsvFile.Read<Scan>("scans.csv");
        }
        """);

    [Fact]
    public Task Fix_pipeline_with_a_time_split_and_a_standardize_transform_over_sales_is_silent() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(SaleNet))]
        [Split(Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2)]
        [Transform(TransformKind.Standardize)]
        public sealed partial class SalesPipeline
        {
            [Ingest] private static IReadOnlyList<Sale> Load() => CsvFile.Read<Sale>("sales.csv").Where(s => s.Price > 0).ToList();
        }
        """);

    [Fact]
    public Task Fix_time_series_folds_over_sales_are_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Sale> sales)
            {
                var split = sales.Split(new SplitOptions { Kind = SplitKind.ByTime });
                CrossValidationResult result = CrossValidation.Run(split.Train,
                    CrossValidation.TrainModel<Sale, SaleNet>(() => new SaleNet(seed: 1)),
                    new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5 });
                Console.WriteLine($"MAE (negated) {result}");
            }
        """));

    [Fact]
    public Task Look_alike_random_split_of_rows_without_groups_or_time_is_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Reading> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Random, Seed = 13 });
                using var model = new ReadingNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Look_alike_grouped_folds_over_the_training_scans_are_silent() => Check(Script("""
            public static void Run(IReadOnlyList<Scan> scans)
            {
                var split = scans.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var search = GridSearch.CrossValidate(split.Train, new[] { 10, 20 },
                    epochs => CrossValidation.TrainModel<Scan, ScanNet>(() => new ScanNet(seed: 1), new FitOptions { Epochs = epochs }),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 });
                using var model = new ScanNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """));

    [Fact]
    public Task Look_alike_ingest_that_drops_rows_with_missing_readings_is_silent() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(ReadingNet))]
        [Split(Kind = SplitKind.Stratified)]
        [Transform(TransformKind.Standardize)]
        public sealed partial class CleanReadingPipeline
        {
            [Ingest]
            private static IReadOnlyList<Reading> Load()
            {
                var rows = new List<Reading>();
                foreach (Reading row in CsvFile.Read<Reading>("readings.csv"))
                    if (!float.IsNaN(row.Heart)) rows.Add(row);
                return rows;
            }
        }
        """);

    [Fact]
    public Task Stratified_folds_over_scans_grouped_by_patient_in_a_grid_search_are_reported() => Check(Script("""
            public static void Run(IReadOnlyList<Scan> scans)
            {
                var split = scans.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var search = {|#0:GridSearch.CrossValidate(split.Train, new[] { 10, 20 },
                    epochs => CrossValidation.TrainModel<Scan, ScanNet>(() => new ScanNet(seed: 1), new FitOptions { Epochs = epochs }),
                    {|#1:new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }|})|};
                using var model = new ScanNet(seed: 1);
                model.Fit(split.Train, split.Validation, new FitOptions { Epochs = search.BestParameters });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        """), W(T19, 0, 1));

    [Fact]
    public Task Look_alike_ingest_that_concatenates_two_monthly_files_is_silent() => Check(Script("""
            public static void Run() { }
        """) + """

        [Pipeline(typeof(SaleNet))]
        [Split(Kind = SplitKind.ByTime)]
        public sealed partial class MonthlySalesPipeline
        {
            [Ingest]
            private static IReadOnlyList<Sale> Load() =>
                CsvFile.Read<Sale>("sales-2025-05.csv").Concat(CsvFile.Read<Sale>("sales-2025-06.csv")).OrderBy(s => s.Day).ToList();
        }
        """);
}
