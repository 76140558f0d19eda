using System.Text.RegularExpressions;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// What <c>dotnet build</c> prints for a model mistake in a project laid out like examples/Mnist
/// (dataset, model, pipeline, and code that trains the model): the MLDSL diagnostic at its line, and
/// no compiler error that would hide it.
/// </summary>
public sealed class BuildOutputTests
{
    private const string Digit = """
        namespace Probe;

        [Dataset]
        public sealed partial record Digit
        {
            [Feature, Shape(1, 8, 8)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Value { get; init; }
        }
        """;

    private const string DigitCnn = """
        namespace Probe;

        [Model(typeof(Digit))]
        public sealed partial class DigitCnn
        {
            [Conv2d(8, Kernel = 3), Relu] Layer conv;
            [MaxPool2d(2), Flatten] Layer pool;
            [Linear(10)] Layer fc;
        }
        """;

    private const string Pipeline = """
        using MlDsl.Data.Splits;

        namespace Probe;

        [Pipeline(typeof(DigitCnn), CsvHasHeader = false)]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 42)]
        [Train(Epochs = 2, BatchSize = 16)]
        [Gate(MinAccuracy = 0.9)]
        public sealed partial class DigitPipeline
        {
            [Ingest] private static IReadOnlyList<Digit> Load() => new List<Digit>();
        }
        """;

    private const string Uses = """
        using MlDsl.Training;

        namespace Probe;

        public static class Uses
        {
            public static int Run(string[] args) => DigitPipeline.RunCommandLine(args);

            public static double Train(IReadOnlyList<Digit> rows)
            {
                using var model = new DigitCnn(seed: 1);
                model.Fit(rows, rows, new FitOptions { Epochs = 1 });
                return model.Evaluate(rows).Accuracy;
            }
        }
        """;

    private static Dictionary<string, string> Files(string model) => new()
    {
        ["Digit.cs"] = Digit,
        ["DigitCnn.cs"] = model,
        ["DigitPipeline.cs"] = Pipeline,
        ["Uses.cs"] = Uses,
    };

    [Fact]
    public void A_wrong_output_size_fails_the_build_with_MLDSL0005_at_its_line_and_no_compiler_error()
    {
        using var probe = new ProbeProject(Files(DigitCnn.Replace("[Linear(10)]", "[Linear(11)]")));

        (int exit, string output) = probe.Build();

        Assert.NotEqual(0, exit);
        // [Linear(11)] is on line 8 of DigitCnn.cs.
        Assert.Matches(new Regex(@"DigitCnn\.cs\(8,\d+\): error MLDSL0005: The model ends in \(11\)"), output);
        Assert.DoesNotMatch(new Regex(@"(error|warning) CS\d{4}"), output);
    }

    [Fact]
    public void A_model_that_is_not_partial_fails_the_build_with_MLDSL0030_from_the_generator()
    {
        using var probe = new ProbeProject(Files(DigitCnn.Replace("public sealed partial class DigitCnn", "public sealed class DigitCnn")));

        (int exit, string output) = probe.Build();

        Assert.NotEqual(0, exit);
        // Its uses cannot compile without the generated part; the diagnostic that says why is printed beside them.
        Assert.Matches(new Regex(@"DigitCnn\.cs\(4,21\): error MLDSL0030: \[Model\] 'DigitCnn' must be declared partial"), output);
        Assert.DoesNotMatch(new Regex(@"\.g\.cs\(\d+,\d+\): error"), output);
    }
}
