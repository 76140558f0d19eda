using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// fixV's kind 1: summarising scores is no choice. Test scores of several runs (seeds) reported as their mean, lowest,
/// highest, sum or count choose nothing; a lowest or highest score whose value then decides something (an <c>if</c>) is
/// still a choice made on the test set (MLDSL0018). Both leakage analyzers run (<see cref="LeakageExpectation"/>).
/// </summary>
public sealed class LeakageScoreSummaryTests
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Pressure { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    /// <summary>Five seeds trained on the training part, each scored on PART; REPORT uses the list <c>accuracies</c>.</summary>
    private static string Seeds(string part, string report) => Usings + """
        public static class Study
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Patient>("patients.csv").Split();
                var accuracies = new List<double>();
                for (int seed = 0; seed < 5; seed++)
                {
                    using var net = new PatientNet();
                    net.Fit(train, validation, new FitOptions { Seed = seed });
                    accuracies.Add(net.Evaluate(PART).Accuracy);
                }
                REPORT
            }
        }
        """.Replace("PART", part).Replace("REPORT", report) + Rows;

    [Fact]
    public Task Highest_test_accuracy_deciding_what_to_do_is_reported() => LeakageExpectation.Expect(Seeds("{|#0:test|}",
        """
        Console.WriteLine($"mean {accuracies.Average():P1}");
        if (accuracies.Max() > 0.9) Console.WriteLine("ship it");
        """), "MLDSL0018");

    [Fact]
    public Task Highest_validation_accuracy_deciding_what_to_do_is_silent() => LeakageExpectation.Expect(Seeds("validation",
        """
        Console.WriteLine($"mean {accuracies.Average():P1}");
        if (accuracies.Max() > 0.9) Console.WriteLine("ship it");
        """));

    [Fact]
    public Task Test_accuracies_printed_as_mean_deviation_and_range_are_silent() => LeakageExpectation.Expect(Seeds("test",
        """
        double mean = accuracies.Average();
        double sd = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
        Console.WriteLine($"{mean:P1} ± {sd:P1} (from {accuracies.Min():P1} to {accuracies.Max():P1})");
        """));

    [Fact]
    public Task Test_accuracies_printed_as_sum_over_count_and_range_are_silent() => LeakageExpectation.Expect(Seeds("test",
        """
        Console.WriteLine($"{accuracies.Sum() / accuracies.Count:P1}, worst {accuracies.Min():P1}, best {accuracies.Max():P1}");
        """));
}
