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

    [Fact]
    public Task Monitor_thresholds_out_of_range_are_reported_on_each_argument() => AnalyzerAsync(
        Pipeline("[Split]\n[Monitor({|#0:Psi = -0.25|}, {|#1:KsPValue = 5|}, KsStatistic = 0.1, {|#2:JensenShannon = double.NaN|})]"),
        Diagnostic("MLDSL0043").WithLocation(0).WithMessage("[Monitor] Psi = -0.25 is out of range; expected a number of at least 0"),
        Diagnostic("MLDSL0043").WithLocation(1).WithMessage("[Monitor] KsPValue = 5 is out of range; expected a share in [0, 1]"),
        Diagnostic("MLDSL0043").WithLocation(2).WithMessage("[Monitor] JensenShannon = NaN is out of range; expected a share in [0, 1]"));

    [Fact]
    public Task Shares_fractions_and_counts_out_of_range_are_reported_on_each_argument() => AnalyzerAsync(
        Pipeline("[Split({|#0:Test = 1.0|})]\n[Validate({|#1:MaxMajorityShare = 1.5|}, {|#2:MinTrainRows = -1|})]\n[Analyze({|#3:MinSliceRows = 0|})]\n"
            + "[Train({|#4:Epochs = 0|}, {|#5:LearningRate = 0|})]\n[Gate({|#6:MinAccuracy = 1.5|}, {|#7:MaxMae = -1|}, {|#8:MinR2 = 2|})]"),
        Diagnostic("MLDSL0043").WithLocation(0).WithMessage("[Split] Test = 1 is out of range; expected a fraction in [0, 1)"),
        Diagnostic("MLDSL0043").WithLocation(1).WithMessage("[Validate] MaxMajorityShare = 1.5 is out of range; expected a share in [0, 1]"),
        Diagnostic("MLDSL0043").WithLocation(2).WithMessage("[Validate] MinTrainRows = -1 is out of range; expected a number of at least 0"),
        Diagnostic("MLDSL0043").WithLocation(3).WithMessage("[Analyze] MinSliceRows = 0 is out of range; expected a whole number of at least 1"),
        Diagnostic("MLDSL0043").WithLocation(4).WithMessage("[Train] Epochs = 0 is out of range; expected a whole number of at least 1"),
        Diagnostic("MLDSL0043").WithLocation(5).WithMessage("[Train] LearningRate = 0 is out of range; expected a number above 0"),
        Diagnostic("MLDSL0043").WithLocation(6).WithMessage("[Gate] MinAccuracy = 1.5 is out of range; expected a share in [0, 1]"),
        Diagnostic("MLDSL0043").WithLocation(7).WithMessage("[Gate] MaxMae = -1 is out of range; expected a number of at least 0"),
        Diagnostic("MLDSL0043").WithLocation(8).WithMessage("[Gate] MinR2 = 2 is out of range; expected a number of at most 1 (R² never exceeds 1)"));

    [Fact]
    public Task Options_at_the_edges_of_their_ranges_and_unset_gate_criteria_are_silent() => AnalyzerAsync(
        Pipeline("[Split(Validation = 0, Test = 0.99)]\n[Validate(MaxMajorityShare = double.NaN, MinTrainRows = 0)]\n[Analyze(MinSliceRows = 1)]\n"
            + "[Train(Epochs = 1, BatchSize = 1, LearningRate = 1e-9, WeightDecay = 0, Threads = 0, EarlyStoppingPatience = 0, GradientClipNorm = 0)]\n"
            + "[Gate(MinAccuracy = double.NaN, MaxMae = 0, MinR2 = -3)]\n[Monitor(Psi = 0, KsPValue = 1, KsStatistic = 0, JensenShannon = 1)]"));
}
