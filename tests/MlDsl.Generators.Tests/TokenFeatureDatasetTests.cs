using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// Datasets with several <c>int[]</c> token features (a question and its answer; a title, a body and tags):
/// the generated <c>WriteFeatures</c> checks each against its own vocabulary and copies each to its own offset.
/// </summary>
public sealed class TokenFeatureDatasetTests
{
    private const string TwoTokenFeatures = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record QuestionPair
        {
            [Feature, Shape(4), Vocabulary(100)] public required int[] Question { get; init; }
            [Feature, Shape(3), Vocabulary(50)] public required int[] Answer { get; init; }
            [Label(Classes = 2)] public required int Duplicate { get; init; }
        }

        public static class Probe
        {
            public static float[] Features(int[] question, int[] answer)
            {
                var destination = new float[QuestionPair.FeatureLength];
                QuestionPair.WriteFeatures(new QuestionPair { Question = question, Answer = answer, Duplicate = 0 }, destination);
                return destination;
            }
        }
        """;

    private const string ThreeTokenFeatures = """
        using MlDsl;

        namespace Samples;

        [Dataset]
        public sealed partial record Post
        {
            [Feature, Shape(3), Vocabulary(100)] public required int[] Title { get; init; }
            [Feature, Shape(5), Vocabulary(200)] public required int[] Body { get; init; }
            [Feature] public required float Score { get; init; }
            [Feature, Shape(2), Vocabulary(10)] public required int[] Tags { get; init; }
            [Label(Classes = 3)] public required int Topic { get; init; }
        }

        public static class Probe
        {
            public static float[] Features(int[] title, int[] body, int[] tags)
            {
                var destination = new float[Post.FeatureLength];
                Post.WriteFeatures(new Post { Title = title, Body = body, Score = 0.5f, Tags = tags, Topic = 0 }, destination);
                return destination;
            }
        }
        """;

    [Theory]
    [InlineData(TwoTokenFeatures)]
    [InlineData(ThreeTokenFeatures)]
    public void Dataset_with_several_token_features_compiles_with_zero_warnings(string source)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(source);

        Assert.Empty(result.Diagnostics);
        Diagnostic[] warnings = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(warnings.Length == 0, string.Join("\n", warnings.Select(warning => warning.ToString())));
    }

    [Fact]
    public void Two_token_features_are_copied_to_their_own_offsets()
    {
        MethodInfo features = ProbeOf(TwoTokenFeatures);

        float[] written = (float[])features.Invoke(null, new object[] { new[] { 1, 2, 3, 99 }, new[] { 7, 8, 49 } })!;

        Assert.Equal(new float[] { 1, 2, 3, 99, 7, 8, 49 }, written);
    }

    [Fact]
    public void Three_token_features_around_a_scalar_are_copied_to_their_own_offsets()
    {
        MethodInfo features = ProbeOf(ThreeTokenFeatures);

        float[] written = (float[])features.Invoke(null, new object[] { new[] { 5, 6, 7 }, new[] { 10, 20, 30, 40, 199 }, new[] { 0, 9 } })!;

        Assert.Equal(new float[] { 5, 6, 7, 10, 20, 30, 40, 199, 0.5f, 0, 9 }, written);
    }

    [Fact]
    public void Each_token_feature_is_checked_against_its_own_vocabulary()
    {
        MethodInfo features = ProbeOf(TwoTokenFeatures);

        // 60 is inside the question's vocabulary (100) but outside the answer's (50).
        features.Invoke(null, new object[] { new[] { 60, 0, 0, 0 }, new[] { 0, 0, 0 } });
        TargetInvocationException thrown = Assert.Throws<TargetInvocationException>(
            () => features.Invoke(null, new object[] { new[] { 0, 0, 0, 0 }, new[] { 0, 60, 0 } }));

        Assert.IsType<MlDsl.Data.RowDataException>(thrown.InnerException);
        Assert.Contains("Answer", thrown.InnerException!.Message);
        Assert.Contains("[0, 49]", thrown.InnerException.Message);
        Assert.Contains("60 at position 1", thrown.InnerException.Message);
    }

    private static MethodInfo ProbeOf(string source)
    {
        (_, Compilation output) = GeneratorHarness.Run(source);
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        Assembly assembly = new AssemblyLoadContext("token-features", isCollectible: true).LoadFromStream(image);
        return assembly.GetType("Samples.Probe")!.GetMethod("Features")!;
    }
}
