using MlDsl.Deployment;
using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Training;

namespace MlDsl.Tests.Adversarial;

/// <summary>
/// A pipeline option no run can use: a [Monitor] threshold out of range made <c>monitor</c> exit 70 (an unmapped
/// ArgumentOutOfRangeException from the comparison) after reading the data; a share or count out of range surfaced only when
/// its stage ran. The generator now refuses constants on the attribute (MLDSL0043, see PipelineRuleTests); a definition built
/// or changed by hand is refused when the command line or <see cref="PipelineRunner.Run"/> starts, naming the option.
/// </summary>
public sealed class LeftoverHardeningThresholdTests() : TemporaryFolder("mldsl-leftover-thresholds")
{
    private (int Exit, string Errors) Cli(PipelineDefinition<Tumour, TumourMlp> pipeline, params string[] args)
    {
        var errors = new StringWriter();
        int exit = PipelineCommandLine.Run(pipeline with { ExportDirectory = Path.Combine(Root, "no-artifact") }, args, new StringWriter(), errors);
        return (exit, errors.ToString().Trim());
    }

    public static TheoryData<DriftThresholds, string> BadThresholds => new()
    {
        { new DriftThresholds(Psi: -0.25), "Monitoring.Psi = -0.25 is out of range; expected a number of at least 0" },
        { new DriftThresholds(Psi: double.NaN), "Monitoring.Psi = NaN is out of range; expected a number of at least 0" },
        { new DriftThresholds(KsPValue: 1.5), "Monitoring.KsPValue = 1.5 is out of range; expected a share in [0, 1]" },
        { new DriftThresholds(KsStatistic: -0.1), "Monitoring.KsStatistic = -0.1 is out of range; expected a share in [0, 1]" },
        { new DriftThresholds(JensenShannon: double.NaN), "Monitoring.JensenShannon = NaN is out of range; expected a share in [0, 1]" },
    };

    [Theory]
    [MemberData(nameof(BadThresholds))]
    public void A_monitor_threshold_out_of_range_exits_1_naming_it_before_the_data_is_read(DriftThresholds thresholds, string expected)
    {
        (int exit, string errors) = Cli(TumourPipeline.Definition with { Monitoring = thresholds },
            "monitor", "--data", Path.Combine(Root, "never-read.csv"), "--artifact", Path.Combine(Root, "no-artifact"));

        Assert.Equal(1, exit);
        Assert.Equal($"error: pipeline TumourPipeline: {expected}", errors);
    }

    [Fact]
    public void Thresholds_at_the_edges_of_their_ranges_pass_the_check_and_monitor_goes_on_to_its_data()
    {
        (int exit, string errors) = Cli(TumourPipeline.Definition with { Monitoring = new DriftThresholds(0, 1, 0, 1) },
            "monitor", "--data", Path.Combine(Root, "never-read.csv"), "--artifact", Path.Combine(Root, "no-artifact"));

        Assert.Equal(1, exit);
        Assert.DoesNotContain("Monitoring", errors);
        Assert.Contains("never-read.csv", errors);
    }

    [Fact]
    public void Run_refuses_shares_fractions_and_counts_out_of_range_before_it_ingests()
    {
        PipelineDefinition<Tumour, TumourMlp> pipeline = TumourPipeline.Definition with
        {
            Ingest = () => throw new InvalidOperationException("ingest must not be reached"),
        };
        var options = new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true };

        string Refused(PipelineDefinition<Tumour, TumourMlp> changed) =>
            Assert.Throws<PipelineDefinitionException>(() => PipelineRunner.Run(changed, options)).Message;

        Assert.Equal("pipeline TumourPipeline: MinSliceRows = 0 is out of range; expected a whole number of at least 1",
            Refused(pipeline with { MinSliceRows = 0 }));
        Assert.StartsWith("pipeline TumourPipeline: Split.Test = 1 is out of range; expected a fraction in [0, 1)",
            Refused(pipeline with { Split = pipeline.Split with { Test = 1 } }));
        Assert.StartsWith("pipeline TumourPipeline: Validation.MaxMajorityShare = -0.5 is out of range; expected a share in [0, 1]",
            Refused(pipeline with { Validation = pipeline.Validation with { MaxMajorityShare = -0.5 } }));
        Assert.StartsWith("pipeline TumourPipeline: Training.Epochs = 0: FitOptions.Epochs must be at least 1.",
            Refused(pipeline with { Training = pipeline.Training with { Epochs = 0 } }));
        Assert.Equal("SelectK", Assert.Throws<PipelineDefinitionException>(() => PipelineRunner.Run(pipeline with { SelectK = -1 }, options)).ParamName);

        // The valid neighbour gets past the check and reaches the ingest.
        Assert.Equal("ingest must not be reached",
            Assert.Throws<InvalidOperationException>(() => PipelineRunner.Run(pipeline with { MinSliceRows = 1 }, options)).Message);
    }
}
