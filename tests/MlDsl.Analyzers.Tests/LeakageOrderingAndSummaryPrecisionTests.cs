using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixP's precision kinds, each with look-alikes that must stay silent and the leaky twin that must keep firing:
/// an ordering of test results that only reaches a printout or a file is not a choice (P1); test scores of several
/// seeds only averaged are not selection (P5). Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageOrderingAndSummaryPrecisionTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Ignore] public string Region { get; init; } = "";
            [Label(Classes = 2)] public int Defaulted { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    // ───────────── P1: ordering test results after the final evaluation is error analysis, not a choice ─────────────

    private const string Candidates = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(train);
                Loan[] fitRows = scaler.Apply(train), watchRows = scaler.Apply(validation), testRows = scaler.Apply(test);
                var results = new List<(double Rate, LoanNet Net, double Accuracy)>();
                foreach (double rate in new[] { 1e-2, 1e-3, 1e-4 })
                {
                    var net = new LoanNet();
                    net.Fit(fitRows, watchRows, new FitOptions { LearningRate = rate });
                    results.Add((rate, net, net.Evaluate({|#0:testRows|}).Accuracy));
                }
                TAIL
            }
        """;

    [Fact]
    public Task Candidates_scored_on_test_ordered_and_the_first_saved_is_reported() =>
        Expect(Script(Candidates.Replace("TAIL", "var ranked = results.OrderByDescending(r => r.Accuracy).ToArray(); ranked[0].Net.Save(\"best.mldsl\");")), "MLDSL0018");

    [Fact]
    public Task Rate_taken_from_the_front_of_an_ordering_by_test_accuracy_is_reported() =>
        Expect(Script(Candidates.Replace("TAIL", "double chosen = results.OrderByDescending(r => r.Accuracy).Select(r => r.Rate).First(); Console.WriteLine(chosen);")), "MLDSL0018");

    [Fact]
    public Task Loop_over_an_ordering_by_test_accuracy_that_keeps_the_first_is_reported() =>
        Expect(Script(Candidates.Replace("TAIL", "foreach (var r in results.OrderByDescending(r => r.Accuracy)) { r.Net.Save(\"best.mldsl\"); break; }")), "MLDSL0018");

    private const string ErrorAnalysis = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(train, validation);
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
                int[] predicted = net.Predict(test);
                float[][] probabilities = net.PredictProbabilities(test);
                TAIL
            }
        """;

    [Fact]
    public Task Error_rates_per_region_ordered_and_printed_are_silent() =>
        Expect(Script(ErrorAnalysis.Replace("TAIL", """
                var byRegion = test.Select((loan, i) => (loan.Region, Wrong: predicted[i] != loan.Defaulted)).GroupBy(x => x.Region)
                    .Select(g => (Region: g.Key, Rate: g.Average(x => x.Wrong ? 1.0 : 0.0))).OrderByDescending(g => g.Rate).ThenBy(g => g.Region).ToList();
                foreach (var (region, rate) in byRegion) Console.WriteLine($"{region}: {rate:P1}");
            """)));

    [Fact]
    public Task Most_confident_mistakes_written_to_a_file_are_silent() =>
        Expect(Script(ErrorAnalysis.Replace("TAIL", """
                IEnumerable<string> worst = Enumerable.Range(0, test.Count).Where(i => predicted[i] != test[i].Defaulted)
                    .OrderByDescending(i => probabilities[i][predicted[i]]).Take(20).Select(i => $"{test[i].Region},{probabilities[i][predicted[i]]:F3}");
                File.WriteAllLines("worst.csv", worst);
                Console.WriteLine(string.Join(", ", probabilities.Select(p => p[1]).OrderBy(p => p).Take(3)));
            """)));

    // ───────────── P5: test scores of several seeds averaged choose nothing; keeping the best seed does ─────────────

    private const string Seeds = """
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("loans.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var accuracies = new List<double>();
                double best = 0;
                foreach (int seed in Enumerable.Range(1, 5))
                {
                    using var net = new LoanNet(seed: seed);
                    net.Fit(train, validation, new FitOptions { Seed = seed });
                    double accuracy = net.Evaluate({|#0:test|}).Accuracy;
                    accuracies.Add(accuracy);
                    KEEP
                }
                double Mean(List<double> xs) => xs.Average();
                double Spread(List<double> xs) => Math.Sqrt(xs.Average(x => (x - xs.Average()) * (x - xs.Average())));
                Console.WriteLine($"test accuracy {Mean(accuracies):P2} ± {Spread(accuracies):P2}");
            }
        """;

    [Fact]
    public Task Test_accuracy_of_every_seed_averaged_by_local_functions_is_silent() =>
        Expect(Script(Seeds.Replace("{|#0:test|}", "test").Replace("KEEP", "")));

    [Fact]
    public Task Seed_kept_when_its_test_accuracy_beats_the_best_so_far_is_reported() =>
        Expect(Script(Seeds.Replace("KEEP", "if (accuracy > best) { best = accuracy; net.Save(\"best.mldsl\"); }")), "MLDSL0018");
}
