using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDsl.CodeFixes;
using static MlDsl.Analyzers.Tests.Infrastructure.LeakageSources;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// A LogSoftmax before cross-entropy is redundant, not wrong (MLDSL0032, a suggestion), while the same layer
/// before other losses and Softmax / Sigmoid before any loss stay the MLDSL0014 warning.
/// </summary>
public sealed class LogSoftmaxRuleTests
{
    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static DiagnosticResult Suggestion(string id) => new(id, DiagnosticSeverity.Info);

    private const string Redundant =
        "'fc2' applies LogSoftmax to the output of 'fc2', which changes nothing: cross-entropy applies log-softmax itself, "
        + "and log-softmax of log-probabilities gives the same log-probabilities, so the loss, its gradients, the predicted classes and their probabilities are unchanged; it can go";

    [Fact]
    public Task LogSoftmax_ending_a_classifier_is_only_a_suggestion() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:LogSoftmax|}]"),
        Suggestion("MLDSL0032").WithLocation(0).WithMessage(Redundant));

    [Fact]
    public Task Two_LogSoftmax_ending_a_classifier_are_both_only_suggestions() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:LogSoftmax|}, {|#1:LogSoftmax|}]"),
        Suggestion("MLDSL0032").WithLocation(0).WithMessage(Redundant),
        Suggestion("MLDSL0032").WithLocation(1).WithMessage(Redundant));

    [Fact]
    public Task Softmax_then_LogSoftmax_keeps_the_warning_on_the_softmax() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:Softmax|}, {|#1:LogSoftmax|}]"),
        Warning("MLDSL0014").WithLocation(0).WithMessage(
            "'fc2' applies Softmax to the output of 'fc2', but training uses cross-entropy, which applies log-softmax to raw logits itself; remove it"),
        Suggestion("MLDSL0032").WithLocation(1).WithMessage(Redundant));

    [Fact]
    public Task LogSoftmax_followed_by_dropout_is_still_a_warning() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:LogSoftmax|}, {|#1:Dropout(0.2)|}]"),
        Warning("MLDSL0014").WithLocation(0),
        Warning("MLDSL0013").WithLocation(1));

    [Fact]
    public Task LogSoftmax_on_a_multi_label_output_is_a_warning() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|#0:LogSoftmax|}]").Replace("[Label(Classes = 10)] public required int Value", "[Label(Classes = 10)] public required int[] Value"),
        Warning("MLDSL0014").WithLocation(0).WithMessage(
            "'fc2' applies LogSoftmax to the output of 'fc2', but training uses binary cross-entropy on raw logits (it applies the sigmoid itself); remove it"));

    [Fact]
    public Task LogSoftmax_on_a_regression_output_is_a_warning() => AnalyzerAsync(
        Models.CnnWith("[Linear(10)]", "[Linear(1), {|#0:LogSoftmax|}]").Replace("[Label(Classes = 10)] public required int Value", "[Label] public required float Value"),
        Warning("MLDSL0014").WithLocation(0).WithMessage(
            "'fc2' applies LogSoftmax to the output of 'fc2', but training uses mean squared error on the raw output; remove it"));

    [Fact]
    public Task LogSoftmax_inside_the_network_is_fine() =>
        AnalyzerAsync(Models.CnnWith("[Linear(128), Relu, Dropout(0.5)]", "[Linear(128), LogSoftmax, Dropout(0.5)]"));

    [Fact]
    public Task The_redundant_LogSoftmax_is_removed_by_the_fix() => CodeFixAsync<RemoveLayerCodeFix>(
        Models.CnnWith("[Linear(10)]", "[Linear(10), {|MLDSL0032:LogSoftmax|}]"),
        Models.Digit + Models.Cnn);
}

/// <summary>
/// BatchNorm with batches of one: an error on the layer where a channel has one value per example
/// (MLDSL0031), only a suggestion on the batch size where it has several (MLDSL0024).
/// </summary>
public sealed class BatchOfOneRuleTests
{
    private static DiagnosticResult Error(string id) => new(id, DiagnosticSeverity.Error);

    private static DiagnosticResult Suggestion(string id) => new(id, DiagnosticSeverity.Info);

    private const string Gauge = """

        [Dataset]
        public sealed partial record Gauge
        {
            [Feature, Shape(6)] public required float[] Values { get; init; }
            [Label(Classes = 2)] public int Alarm { get; init; }
        }

        """;

    private const string Mlp = """
        [Model(typeof(Gauge))]
        public sealed partial class GaugeMlp
        {
            [Linear(16), BatchNorm1d, Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """;

    private static string FitWith(string batchSize, string model = Mlp) =>
        Usings + "public static class Script\n{\n    public static void Run(IReadOnlyList<Gauge> rows)\n    {\n        using var model = new GaugeMlp();\n"
        + "        model.Fit(rows, options: new FitOptions { Epochs = 2, " + batchSize + " });\n    }\n}\n" + Gauge + model;

    [Fact]
    public Task BatchNorm1d_on_flat_rows_trained_one_row_at_a_time_is_an_error_on_the_layer() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        FitWith("{|#1:BatchSize = 1|}", Mlp.Replace("[Linear(16), BatchNorm1d, Relu]", "[Linear(16), {|#0:BatchNorm1d|}, Relu]")),
        Error("MLDSL0031").WithLocation(0).WithLocation(1).WithMessage(
            "'hidden' (BatchNorm1d) receives (16), one value per feature in each example, and the Fit call in 'Script.Run' trains with BatchSize = 1: "
            + "every batch gives each feature a single value, whose variance is undefined: PyTorch refuses to train ('Expected more than 1 value per channel when training') "
            + "and TorchSharp trains on but turns the running variance into NaN, so every prediction after training is NaN; "
            + "use batches of 2 or more (16 or more for steady statistics)"));

    [Fact]
    public Task The_same_model_trained_in_pairs_is_silent() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(FitWith("BatchSize = 2"));

    [Fact]
    public Task LayerNorm_on_flat_rows_trained_one_row_at_a_time_is_silent() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        FitWith("BatchSize = 1", Mlp.Replace("BatchNorm1d", "LayerNorm")));

    [Fact]
    public Task BatchNorm1d_on_a_signal_with_many_steps_is_only_a_suggestion() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        FitWith("{|#0:BatchSize = 1|}", Mlp.Replace("[Linear(16), BatchNorm1d, Relu] Layer hidden;", "[Conv1d(4, Kernel = 2), BatchNorm1d, Relu, Flatten] Layer hidden;"))
            .Replace("[Feature, Shape(6)]", "[Feature, Shape(2, 3)]"),
        Suggestion("MLDSL0024").WithLocation(0).WithMessage(
            "'GaugeMlp' has batch-normalisation layers (hiddenBatchNorm1d) but trains with BatchSize = 1: statistics of a single example are noisy and unlike the running averages used at prediction; batches of 16 or more train more steadily"));

    [Fact]
    public Task BatchNorm2d_after_pooling_to_one_pixel_in_a_pipeline_is_an_error_and_the_other_batch_norm_a_suggestion() => LeakageVerifier<BatchSizeAnalyzer>.AnalyzerAsync(
        Usings + """
        [Dataset]
        public sealed partial record Tile
        {
            [Feature, Shape(3, 8, 8)] public required float[] Pixels { get; init; }
            [Label(Classes = 2)] public int Kind { get; init; }
        }

        [Model(typeof(Tile))]
        public sealed partial class TileNet
        {
            [Conv2d(4, Kernel = 3), BatchNorm2d, Relu] Layer conv;
            [AdaptiveAvgPool2d(1), {|#0:BatchNorm2d|}, Flatten] Layer pool;
            [Linear(2)] Layer head;
        }

        [Pipeline(typeof(TileNet))]
        [Split]
        [{|#1:Train(BatchSize = 1)|}]
        public sealed partial class TilePipeline
        {
            [Ingest] private static IReadOnlyList<Tile> Load() => new List<Tile>();
        }
        """,
        Error("MLDSL0031").WithLocation(0).WithLocation(1).WithMessage(
            "'pool' (BatchNorm2d) receives (4, 1, 1), one value per channel in each example, and the [Train] of pipeline 'TilePipeline' trains with BatchSize = 1: "
            + "every batch gives each channel a single value, whose variance is undefined: PyTorch refuses to train ('Expected more than 1 value per channel when training') "
            + "and TorchSharp trains on but turns the running variance into NaN, so every prediction after training is NaN; "
            + "use batches of 2 or more (16 or more for steady statistics)"),
        Suggestion("MLDSL0024").WithLocation(1).WithMessage(
            "'TileNet' has batch-normalisation layers (convBatchNorm2d) but trains with BatchSize = 1: statistics of a single example are noisy and unlike the running averages used at prediction; batches of 16 or more train more steadily"));
}
