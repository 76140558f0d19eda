using MlDsl.Examples.Mnist;
using MlDsl.Pipelines;
using MlDsl.Training;

namespace MlDsl.Tests.Pipelines;

/// <summary>The spectrogram figure: which rows it shows, that it is a real picture, and that an audio pipeline writes it.</summary>
public sealed class SpectrogramPlotTests() : TemporaryFolder("mldsl-spectrograms")
{
    [Fact]
    public void A_model_without_audio_layers_gets_no_spectrogram_plot()
    {
        using var model = new PointMlp(seed: 1);

        Assert.Null(PipelinePlots.Spectrograms(model, SyntheticData.Points(6, seed: 1), null, Root));
        Assert.Empty(Directory.GetFiles(Root));
    }

    [Fact]
    public void The_figure_is_a_png_of_one_heatmap_per_class_side_by_side()
    {
        using var model = new ToneNet(seed: 1);

        string? path = PipelinePlots.Spectrograms(model, ToneClips.Make(6, seed: 4), new[] { "low", "high" }, Root);

        Assert.Equal(Path.Combine(Root, "spectrograms.png"), path);
        PngFiles.AssertPicture(path!, width: 1000, height: 300, minimumColouredShare: 0.25); // two heatmaps side by side, one grid row: 55% coloured measured
    }

    [Fact]
    public void Examples_are_the_first_row_of_each_class_in_class_order_at_most_six()
    {
        int[] labels = { 9, 2, 7, 2, 0, 5, 1, 3, 0, 4 };
        List<Digit> digits = labels.Select(label => new Digit { Pixels = new float[784], Value = label }).ToList();

        var examples = SpectrogramExamples.Pick(digits, Enumerable.Range(0, 10).Select(digit => $"digit {digit}").ToList());

        Assert.Equal(new[] { (4, "digit 0"), (6, "digit 1"), (1, "digit 2"), (7, "digit 3"), (9, "digit 4"), (5, "digit 5") }, examples);
        Assert.Equal((1, "class 2"), SpectrogramExamples.Pick(digits, null)[2]);
    }

    [Fact]
    public void Rows_without_a_class_label_are_shown_in_order_by_index()
    {
        List<ToneFrequency> tones = Enumerable.Range(0, 8).Select(i => new ToneFrequency { Samples = new float[8000], Hertz = 100 * i }).ToList();

        Assert.Equal(Enumerable.Range(0, 6).Select(i => (i, $"row {i}")), SpectrogramExamples.Pick(tones, null));
    }

    [Fact]
    public void An_audio_pipeline_writes_spectrograms_next_to_its_report()
    {
        List<Tone> tones = ToneClips.Make(40, seed: 5);
        var pipeline = new PipelineDefinition<Tone, ToneNet>("TonePipeline", () => tones, seed => new ToneNet(seed), ToneNet.Load, ToneNet.ModelName)
        {
            Training = new FitOptions { Epochs = 2, BatchSize = 16 },
            ClassNames = new[] { "low", "high" },
            ExportDirectory = Path.Combine(Root, "artifact"),
        };

        PipelineRun run = PipelineRunner.Run(pipeline, new PipelineOptions { OutputDirectory = Path.Combine(Root, "out"), Quiet = true });

        Assert.Contains(Path.Combine(Root, "out", "spectrograms.png"), run.Files);
        PngFiles.AssertPicture(Path.Combine(Root, "out", "spectrograms.png"), width: 1000, height: 300, minimumColouredShare: 0.25);
    }
}
