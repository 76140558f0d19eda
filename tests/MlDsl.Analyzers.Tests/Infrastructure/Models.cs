namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>A correct MNIST dataset and CNN; each test breaks one line of it.</summary>
internal static class Models
{
    public const string Digit = """
        using MlDsl;

        [Dataset]
        public sealed partial record Digit
        {
            [Feature, Shape(1, 28, 28)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Value { get; init; }
        }

        """;

    public const string Cnn = """
        [Model(typeof(Digit))]
        public sealed partial class DigitCnn
        {
            [Conv2d(32, Kernel = 3), Relu] Layer conv1;
            [Conv2d(64, Kernel = 3), Relu] Layer conv2;
            [MaxPool2d(2), Dropout(0.25), Flatten] Layer pool;
            [Linear(128), Relu, Dropout(0.5)] Layer fc1;
            [Linear(10)] Layer fc2;
        }
        """;

    /// <summary>The dataset and CNN with one piece of the CNN replaced (markup allowed in the replacement).</summary>
    public static string CnnWith(string original, string replacement)
    {
        Assert.Contains(original, Cnn);
        return Digit + Cnn.Replace(original, replacement);
    }
}
