using MlDsl;

namespace MlDsl.Tests.Pipelines;

/// <summary>One second of a pure tone at 8 kHz: low (class 0) or high (class 1).</summary>
[Dataset]
public sealed partial record Tone
{
    [Feature, Shape(8000)] public required float[] Samples { get; init; }
    [Label(Classes = 2)] public int Pitch { get; init; }
}

/// <summary>The same clip with its frequency to predict: a label kind without classes.</summary>
[Dataset]
public sealed partial record ToneFrequency
{
    [Feature, Shape(8000)] public required float[] Samples { get; init; }
    [Label] public float Hertz { get; init; }
}

/// <summary>The smallest model with an audio front end: log-mel features straight into a linear head.</summary>
[Model(typeof(Tone))]
public sealed partial class ToneNet
{
    [MelSpectrogram(SampleRate = 8000, NFft = 256, Hop = 80, Mels = 32), AmplitudeToDb] Layer features;
    [Flatten, Linear(2)] Layer head;
}

/// <summary>Seeded tones with random phase and a little noise, alternating low and high.</summary>
internal static class ToneClips
{
    public const int SampleRate = 8000;
    public static readonly double[] Hertz = { 300, 2000 };

    public static List<Tone> Make(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            int pitch = i % 2;
            double phase = random.NextDouble() * 2 * Math.PI;
            float[] samples = Enumerable.Range(0, SampleRate)
                .Select(t => (float)(0.5 * Math.Sin(2 * Math.PI * Hertz[pitch] * t / SampleRate + phase) + 0.01 * (random.NextDouble() - 0.5)))
                .ToArray();
            return new Tone { Samples = samples, Pitch = pitch };
        }).ToList();
    }
}
