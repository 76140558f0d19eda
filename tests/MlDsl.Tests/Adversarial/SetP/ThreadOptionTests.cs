using MlDsl.Examples.BreastCancer;
using MlDsl.Pipelines;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Tests.Adversarial.SetP;

/// <summary>
/// The command line caps <c>--threads</c>, but the library passed any count on: <see cref="PipelineOptions.Threads"/>
/// of 100000 (or <see cref="FitOptions.Threads"/>) reached <c>torch.set_num_threads</c>, whose thread pool aborts the whole
/// process, and 0 or a negative count was taken without a word. Each is now refused before anything is read, naming the
/// option and the range.
/// </summary>
public sealed class ThreadOptionTests() : TemporaryFolder("mldsl-setp-threads")
{
    private static int Most => ComputeOptions.MaxThreads;

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(100_000)]
    [InlineData(int.MaxValue)]
    public void Pipeline_options_threads_out_of_range_are_refused_before_libtorch_or_the_disk_is_touched(int threads)
    {
        int before = torch.get_num_threads();
        string output = Path.Combine(Root, "out");

        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineRunner.Run(TumourPipeline.Definition, new PipelineOptions { Threads = threads, OutputDirectory = output, Quiet = true }));

        Assert.Equal("Threads", problem.ParamName);
        Assert.StartsWith($"PipelineOptions.Threads must be between 1 and {Most} (4 per logical processor, at least 64; this machine has {Environment.ProcessorCount})", problem.Message);
        Assert.Equal(before, torch.get_num_threads());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Pipeline_options_with_zero_epochs_or_no_output_folder_are_refused_naming_the_option()
    {
        var epochs = Assert.Throws<ArgumentOutOfRangeException>(() => PipelineRunner.Run(TumourPipeline.Definition, new PipelineOptions { Epochs = 0, OutputDirectory = Path.Combine(Root, "out") }));
        var output = Assert.Throws<ArgumentException>(() => PipelineRunner.Run(TumourPipeline.Definition, new PipelineOptions { OutputDirectory = " " }));

        Assert.Equal("Epochs", epochs.ParamName);
        Assert.StartsWith("PipelineOptions.Epochs must be at least 1", epochs.Message);
        Assert.Equal("OutputDirectory", output.ParamName);
    }

    [Fact]
    public void Fit_options_threads_above_the_cap_are_refused_before_libtorch_is_told()
    {
        int before = torch.get_num_threads();
        using var model = new PointMlp(seed: 1);

        var problem = Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(SyntheticData.Points(20, 1), options: new FitOptions { Epochs = 1, Threads = Most + 1 }));

        Assert.Equal("Threads", problem.ParamName);
        Assert.StartsWith($"FitOptions.Threads must be between 0 (libtorch's choice) and {Most}", problem.Message);
        Assert.Equal(before, torch.get_num_threads());
    }

    [Fact]
    public void Fit_options_threads_at_the_cap_and_zero_are_accepted()
    {
        using var model = new PointMlp(seed: 1);

        new FitOptions { Threads = Most }.Validate();
        new FitOptions { Threads = 0 }.Validate();
        model.Fit(SyntheticData.Points(20, 1), options: new FitOptions { Epochs = 1, Threads = 2 });
    }
}
