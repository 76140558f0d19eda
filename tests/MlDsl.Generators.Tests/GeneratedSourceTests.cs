using Microsoft.CodeAnalysis;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

public sealed class GeneratedSourceTests
{
    [Theory]
    [InlineData("DigitCnn", new[] { Sources.Digit, Sources.DigitCnn }, "Samples.DigitCnn.Model.g.cs")]
    [InlineData("Digit", new[] { Sources.Digit, Sources.DigitCnn }, "Samples.Digit.Dataset.g.cs")]
    [InlineData("TumourMlp", new[] { Sources.Tumour }, "Samples.TumourMlp.Model.g.cs")]
    [InlineData("Tumour", new[] { Sources.Tumour }, "Samples.Tumour.Dataset.g.cs")]
    [InlineData("PatchNet", new[] { Sources.SmallImages }, "PatchNet.Model.g.cs")]
    [InlineData("Patch", new[] { Sources.SmallImages }, "Patch.Dataset.g.cs")]
    [InlineData("TumourPipeline", new[] { Sources.Tumour, Sources.TumourPipeline }, "Samples.TumourPipeline.Pipeline.g.cs")]
    [InlineData("House", new[] { Sources.HousePrices }, "Samples.House.Dataset.g.cs")]
    [InlineData("PriceMlp", new[] { Sources.HousePrices }, "Samples.PriceMlp.Model.g.cs")]
    [InlineData("Photo", new[] { Sources.TaggedPhotos }, "Samples.Photo.Dataset.g.cs")]
    [InlineData("Sample", new[] { Sources.TaggedPhotos }, "Samples.Sample.Dataset.g.cs")]
    [InlineData("TagNet", new[] { Sources.TaggedPhotos }, "Samples.TagNet.Model.g.cs")]
    [InlineData("ResUnit", new[] { Sources.ResidualBlock, Sources.ResidualNet }, "Samples.ResUnit.Block.g.cs")]
    [InlineData("Stage", new[] { Sources.ResidualBlock, Sources.ResidualNet }, "Samples.Stage.Block.g.cs")]
    [InlineData("TileResNet", new[] { Sources.ResidualBlock, Sources.ResidualNet }, "Samples.TileResNet.Model.g.cs")]
    [InlineData("ClipNet", new[] { Sources.SpokenClips }, "Samples.ClipNet.Model.g.cs")]
    [InlineData("Clip", new[] { Sources.SpokenClips }, "Samples.Clip.Dataset.g.cs")]
    [InlineData("DenseDigitNet", new[] { Sources.Digit, Sources.DenseDigitNet }, "Samples.DenseDigitNet.Model.g.cs")]
    [InlineData("DenseLayer", new[] { Sources.Digit, Sources.DenseBlocks }, "Samples.DenseLayer.Block.g.cs")]
    [InlineData("SkipUnit", new[] { Sources.Digit, Sources.DenseBlocks }, "Samples.SkipUnit.Block.g.cs")]
    [InlineData("DenseBlockNet", new[] { Sources.Digit, Sources.DenseBlocks }, "Samples.DenseBlockNet.Model.g.cs")]
    [InlineData("InceptionBlock", new[] { Sources.Digit, Sources.Inception }, "Samples.InceptionBlock.Block.g.cs")]
    [InlineData("InceptionNet", new[] { Sources.Digit, Sources.Inception }, "Samples.InceptionNet.Model.g.cs")]
    public void Generated_source_matches_its_snapshot(string snapshot, string[] sources, string hintName)
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(sources);

        Snapshot.Match(snapshot, GeneratorHarness.GeneratedSource(result, hintName));
    }

    public static TheoryData<string[]> CorrectSamples => new()
    {
        new[] { Sources.Digit, Sources.DigitCnn },
        new[] { Sources.Tumour },
        new[] { Sources.SmallImages },
        new[] { Sources.Tumour, Sources.TumourPipeline },
        new[] { Sources.HousePrices },
        new[] { Sources.TaggedPhotos },
        new[] { Sources.ResidualBlock, Sources.ResidualNet },
        new[] { Sources.SpokenClips },
        new[] { Sources.Digit, Sources.DenseDigitNet },
        new[] { Sources.Digit, Sources.DenseBlocks },
        new[] { Sources.Digit, Sources.Inception },
    };

    [Theory]
    [MemberData(nameof(CorrectSamples))]
    public void Generated_code_compiles_with_zero_warnings(string[] sources)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(sources);

        Assert.Empty(result.Diagnostics);
        Diagnostic[] warnings = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(warnings.Length == 0, string.Join("\n", warnings.Select(warning => warning.ToString())));
    }

    [Fact]
    public void Summary_table_is_computed_at_compile_time_with_keras_parameter_counts()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn);
        string model = GeneratorHarness.GeneratedSource(result, "DigitCnn.Model.g.cs");

        // Keras reports 1,199,882 parameters for this network.
        Assert.Contains("public const long ParameterCount = 1199882;", model);
        Assert.Contains("\"fc1 (Linear)                  (N, 128)                 1,179,776\\n\"", model);
    }
}
