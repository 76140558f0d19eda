namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, choices made by a method group or local function used as the ordering key, and per-ward statistics only printed.</summary>
public sealed partial class FreshLeakageCasesK
{
    private const string Candidates = """
        public static class Zoo
        {
            static readonly List<Visit> Visits = CsvFile.Read<Visit>("visits.csv").ToList();

            public static void Main()
            {
                var (train, validation, test) = Visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var models = new List<VisitNet>();
                foreach (int epochs in new[] { 10, 30, 90 })
                {
                    var m = new VisitNet();
                    m.Fit(train, validation, new FitOptions { Epochs = epochs });
                    models.Add(m);
                }
                double Accuracy(VisitNet m) => m.Evaluate(validation).Accuracy;
                var best = models.OrderByDescending(Accuracy).First();
                Console.WriteLine($"test accuracy of the chosen model {best.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Model_kept_by_a_local_function_key_scoring_validation_is_silent() => Expect(Program(Candidates));

    // The same program choosing by a local function that scores on the test part (method group as the key).
    [Fact]
    public Task Model_kept_by_a_local_function_key_scoring_test_is_reported() =>
        Expect(Program(Mutate(Candidates, "double Accuracy(VisitNet m) => m.Evaluate(validation).Accuracy;", "double Accuracy(VisitNet m) => m.Evaluate({|#0:test|}).Accuracy;")), "MLDSL0018");

    // Look-alike: per-ward medians of every visit only printed as a table.
    [Fact]
    public Task Per_ward_medians_of_every_visit_only_printed_are_silent() => Expect(Program("""
        public static class Table
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var medians = new Dictionary<string, float>();
                foreach (var group in visits.GroupBy(v => v.Ward))
                {
                    var sorted = group.Select(v => v.Glucose).OrderBy(g => g).ToList();
                    medians[group.Key] = sorted[sorted.Count / 2];
                }
                foreach (var (ward, median) in medians.OrderBy(kv => kv.Key))
                    Console.WriteLine($"{ward,-12} {median,8:F1}");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
