using MlDsl.Analyzers.Tests.Infrastructure;
using static MlDsl.Analyzers.Tests.Infrastructure.Verifier;

namespace MlDsl.Analyzers.Tests;

/// <summary>A [Pipeline] whose stages cannot work together is reported at the attribute or member at fault.</summary>
public sealed class PipelineRuleTests
{
    private const string Stays = """
        using System.Collections.Generic;
        using MlDsl;
        using MlDsl.Data.Splits;

        [Dataset]
        public sealed partial record Stay
        {
            [Feature] public float Heart { get; init; }
            [Label] public float Days { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    private static string Pipeline(string split, string ingest = "[Ingest] private static IReadOnlyList<Stay> Load() => new List<Stay>();", string model = "StayNet") =>
        Stays + $$"""
        [Pipeline(typeof({{model}}))]
        {{split}}
        public sealed partial class StayPipeline
        {
            {{ingest}}
        }
        """;

    [Fact]
    public Task A_stratified_pipeline_split_of_a_regression_label_is_reported() => AnalyzerAsync(
        Pipeline("[{|#0:Split(Kind = SplitKind.Stratified)|}]"),
        Diagnostic("MLDSL0025").WithLocation(0).WithMessage(
            "Stay.Days is a number to predict (regression), not a class, so there are no class shares for a stratified split to keep; split randomly (or by group or time)"));

    [Fact]
    public Task A_target_encoding_of_a_member_the_row_lacks_is_reported_at_its_attribute() => AnalyzerAsync(
        Pipeline("[Split]\n[{|#0:TargetEncode(\"Ward\", Into = nameof(Stay.Heart))|}]"),
        Diagnostic("MLDSL0041").WithLocation(0).WithMessage("Stay has no member 'Ward' to read the category from; name a string member of Stay"));

    [Fact]
    public Task A_random_pipeline_split_of_a_regression_label_is_silent() => AnalyzerAsync(Pipeline("[Split(Kind = SplitKind.Random)]"));

    [Fact]
    public Task A_pipeline_without_an_ingest_method_is_reported() => AnalyzerAsync(
        Pipeline("[Split]", ingest: "private static IReadOnlyList<Stay> {|#0:Load|}() => new List<Stay>();").Replace("public sealed partial class StayPipeline", "public sealed partial class {|#0:StayPipeline|}")
            .Replace("{|#0:Load|}", "Load"),
        Diagnostic("MLDSL0023").WithLocation(0).WithMessage("Pipeline 'StayPipeline' needs one static, parameterless [Ingest] method returning IReadOnlyList<Stay>"));

    [Fact]
    public Task A_pipeline_over_a_class_that_is_no_model_is_reported() => AnalyzerAsync(
        Pipeline("[Split]", model: "Plain").Replace("[Pipeline(typeof(Plain))]", "[{|#0:Pipeline(typeof(Plain))|}]") + "\npublic sealed class Plain { }\n",
        Diagnostic("MLDSL0022").WithLocation(0).WithMessage("Pipeline 'StayPipeline' trains 'Plain', which has no [Model(typeof(row))] attribute"));
}
