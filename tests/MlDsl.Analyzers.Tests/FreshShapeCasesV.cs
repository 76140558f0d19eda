using static MlDsl.Analyzers.Tests.Infrastructure.ShapeCaseHarness;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set V: shape mistakes restated from public bug reports in the 1-D, sequence, embedding, attention,
/// normalisation, block, residual, branch and join families, and legal-but-unusual look-alikes that must
/// stay silent. Same harness as <see cref="FreshShapeCases"/>: the source is compiled with the generator and
/// every analyzer the package ships; a case names the rule, the line a reviewer would point at and the sizes
/// the message must name, and fails on any other error or warning.
/// First run (67 cases): of 45 mistakes, 42 could be stated and all 42 were caught on the line a reviewer
/// points at with the right rule; 40 named the expected sizes at once, and 2 failed only on words the case
/// had over-specified (MLDSL0033 names the floats as "(20)", not the feature "Assay"; MLDSL0035 lists the
/// block's parameters "(int Channels, int Stride)", not the count 2), both corrected in the case. Caught
/// elsewhere: 0; missed: 0; cannot be stated: 3 (skipped: LayerNorm's normalized_shape, MultiheadAttention
/// across two branches, Inception paths reading a block's input). Look-alikes: 22 silent, 0 false alarms.
/// The datasets the cases share come first.
/// </summary>
public sealed partial class FreshShapeCasesV
{
    /// <summary>MIT-BIH heartbeats: 187 samples of one lead.</summary>
    private const string Heartbeat = """
        [Dataset]
        public sealed partial record Beat
        {
            [Feature, Shape(1, 187)] public required float[] Lead { get; init; }
            [Label(Classes = 5)] public required int Rhythm { get; init; }
        }

        """;

    /// <summary>UCI HAR windows as users load them: 128 time steps of 9 sensor channels, (steps, channels).</summary>
    private const string Activity = """
        [Dataset]
        public sealed partial record Window
        {
            [Feature, Shape(128, 9)] public required float[] Readings { get; init; }
            [Label(Classes = 6)] public required int Activity { get; init; }
        }

        """;

    /// <summary>An IMU recording as (channels, length): 6 channels of 50 samples.</summary>
    private const string Motion = """
        [Dataset]
        public sealed partial record Gesture
        {
            [Feature, Shape(6, 50)] public required float[] Imu { get; init; }
            [Label(Classes = 4)] public required int Kind { get; init; }
        }

        """;

    private const string Movie = """
        [Dataset]
        public sealed partial record Movie
        {
            [Feature, Shape(200), Vocabulary(10000)] public required int[] Tokens { get; init; }
            [Label(Classes = 2)] public required int Positive { get; init; }
        }

        """;

    private const string Sentence = """
        [Dataset]
        public sealed partial record Sentence
        {
            [Feature, Shape(40), Vocabulary(20000)] public required int[] Tokens { get; init; }
            [Label(Classes = 5)] public required int Sentiment { get; init; }
        }

        """;

    private const string Wine = """
        [Dataset]
        public sealed partial record Wine
        {
            [Feature, Shape(20)] public required float[] Assay { get; init; }
            [Label(Classes = 3)] public required int Cultivar { get; init; }
        }

        """;

    private const string Chest = """
        [Dataset]
        public sealed partial record Chest
        {
            [Feature, Shape(1, 64, 64)] public required float[] Scan { get; init; }
            [Label(Classes = 2)] public required int Pneumonia { get; init; }
        }

        """;

    private const string Snapshot = """
        [Dataset]
        public sealed partial record Snapshot
        {
            [Feature, Shape(3, 32, 32)] public required float[] Pixels { get; init; }
            [Label(Classes = 10)] public required int Object { get; init; }
        }

        """;

    /// <summary>TGS salt tiles: 101 × 101, an odd size a U-Net must meet on the way back up.</summary>
    private const string Salt = """
        [Dataset]
        public sealed partial record Tile
        {
            [Feature, Shape(1, 101, 101)] public required float[] Seismic { get; init; }
            [Label(Classes = 2)] public required int HasSalt { get; init; }
        }

        """;

    /// <summary>A product photo beside its price and category (a CNN branch and a metadata branch).</summary>
    private const string Product = """
        [Dataset]
        public sealed partial record Product
        {
            [Feature, Shape(3, 64, 64)] public required float[] Photo { get; init; }
            [Feature] public float Price { get; init; }
            [Feature, Categories("shoes", "bags", "shirts")] public required string Category { get; init; }
            [Label(Classes = 4)] public required int Segment { get; init; }
        }

        """;

    private const string Qa = """
        [Dataset]
        public sealed partial record Qa
        {
            [Feature, Shape(30), Vocabulary(5000)] public required int[] Question { get; init; }
            [Feature, Shape(30), Vocabulary(5000)] public required int[] Answer { get; init; }
            [Label(Classes = 2)] public required int Relevant { get; init; }
        }

        """;

    private const string Advert = """
        [Dataset]
        public sealed partial record Advert
        {
            [Feature, Shape(100), Vocabulary(8000)] public required int[] Text { get; init; }
            [Feature] public float Price { get; init; }
            [Label(Classes = 3)] public required int Clicks { get; init; }
        }

        """;
}
