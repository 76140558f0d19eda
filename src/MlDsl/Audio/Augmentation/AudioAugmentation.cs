using System.Reflection;
using MlDsl.Data;
using MlDsl.Data.Steps;

namespace MlDsl.Audio.Augmentation;

/// <summary>
/// Seeded, reproducible waveform augmentation of training rows that libtorch lacks: time stretch, pitch
/// shift, band-pass filtering and background noise at a chosen SNR (<see cref="WaveformEffects"/>, on NWaves).
/// Call it on the training rows after the split: applied before it, an augmented copy and its original
/// land on both sides (MLDSL0026). A pipeline applies a dataset's <see cref="AudioAugmentAttribute"/> so.
/// </summary>
public static class AudioAugmentation
{
    private const string StepName = nameof(AudioAugmentation);

    /// <summary>
    /// <paramref name="train"/> followed by <see cref="AudioAugmentOptions.Copies"/> augmented copies of
    /// every row (or, with Copies 0, each row replaced by an augmented version). Copy <c>c</c> of row <c>i</c>
    /// draws from its own generator seeded by (Seed, c, i), so the result does not depend on thread scheduling.
    /// Labels and metadata are kept; the waveform member keeps its length.
    /// </summary>
    /// <exception cref="DataStepException">No rows; an option out of range (named); a member that is not one of the row's features; a noise folder without WAV files.</exception>
    /// <exception cref="AudioFormatException">A noise file cannot be read; the message names it.</exception>
    [MultipliesRows("train")]
    public static TRow[] Augment<TRow>(IReadOnlyList<TRow> train, AudioAugmentOptions options) where TRow : IDatasetRow<TRow>
    {
        StepInput.NotEmpty($"{StepName}.Augment", nameof(train), train);
        Validate(options);
        (int start, int length) = WaveformSpan<TRow>(options.Member);
        float[][] noises = Noises(options);

        var result = new TRow[options.Copies == 0 ? train.Count : train.Count * (options.Copies + 1)];
        int offset = 0;
        if (options.Copies > 0)
        {
            for (int i = 0; i < train.Count; i++) result[i] = train[i];
            offset = train.Count;
        }
        for (int copy = 0; copy < Math.Max(1, options.Copies); copy++)
        {
            int first = offset + copy * train.Count;
            Parallel.For(0, train.Count, i =>
            {
                var features = new float[TRow.FeatureLength];
                TRow.WriteFeatures(train[i], features);
                float[] waveform = features.AsSpan(start, length).ToArray();
                float[] augmented = AugmentOne(waveform, options, noises, new Random(RowSeed(options.Seed, copy, i)));
                augmented.CopyTo(features.AsSpan(start, length));
                result[first + i] = TRow.WithFeatures(train[i], features);
            });
        }
        return result;
    }

    /// <summary>The options declared by an <see cref="AudioAugmentAttribute"/> on one of <typeparamref name="TRow"/>'s members, or null when none has one.</summary>
    /// <exception cref="DataStepException">More than one member carries the attribute.</exception>
    public static AudioAugmentOptions? Declared<TRow>()
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var declared = typeof(TRow).GetProperties(Members).Cast<MemberInfo>().Concat(typeof(TRow).GetFields(Members))
            .Select(member => (member.Name, attribute: member.GetCustomAttribute<AudioAugmentAttribute>()))
            .Where(pair => pair.attribute is not null).ToList();
        if (declared.Count > 1)
            throw new DataStepException(StepName, nameof(AudioAugmentAttribute),
                $"{typeof(TRow).Name} has [AudioAugment] on {string.Join(" and ", declared.Select(pair => pair.Name))}; expected it on one waveform member");
        return declared.Count == 0 ? null : declared[0].attribute!.ToOptions(declared[0].Name);
    }

    private static float[] AugmentOne(float[] waveform, AudioAugmentOptions options, float[][] noises, Random random)
    {
        // Every draw is made whether or not its effect applies, so switching one effect off leaves the others' draws unchanged.
        bool stretch = random.NextDouble() < options.Probability, pitch = random.NextDouble() < options.Probability;
        bool band = random.NextDouble() < options.Probability, noisy = random.NextDouble() < options.Probability;
        double factor = 1 + (random.NextDouble() * 2 - 1) * options.TimeStretch;
        double semitones = (random.NextDouble() * 2 - 1) * options.PitchShiftSemitones;
        int noiseSeed = random.Next();
        bool crop = random.NextDouble() < options.Probability;
        int cropSeed = random.Next();

        if (stretch && options.TimeStretch > 0) waveform = WaveformEffects.TimeStretch(waveform, options.SampleRate, factor);
        if (pitch && options.PitchShiftSemitones > 0) waveform = WaveformEffects.PitchShift(waveform, options.SampleRate, semitones);
        if (band && options.BandPass) waveform = WaveformEffects.BandPass(waveform, options.SampleRate, options.BandPassLowHz, options.BandPassHighHz);
        if (crop && options.RandomCrop > 0)
        {
            var cropping = new Random(cropSeed);
            int kept = (int)Math.Round(waveform.Length * (1 - options.RandomCrop));
            waveform = ClipCropping.Crop(ClipCropping.Crop(waveform, kept, cropping), waveform.Length, cropping);
        }
        if (noisy && !double.IsNaN(options.NoiseSnrDb)) waveform = WaveformEffects.MixNoise(waveform, Noise(noises, waveform.Length, new Random(noiseSeed)), options.NoiseSnrDb);
        return waveform;
    }

    /// <summary>A random stretch of a random noise recording as long as the clip (repeated when shorter), or white noise without recordings.</summary>
    private static float[] Noise(float[][] noises, int length, Random random)
    {
        var noise = new float[length];
        if (noises.Length == 0)
        {
            for (int i = 0; i < length; i++) noise[i] = (float)Gaussian(random);
            return noise;
        }
        float[] source = noises[random.Next(noises.Length)];
        int start = random.Next(source.Length);
        for (int i = 0; i < length; i++) noise[i] = source[(start + i) % source.Length];
        return noise;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static float[][] Noises(AudioAugmentOptions options)
    {
        if (options.NoiseFolder is not { } folder || double.IsNaN(options.NoiseSnrDb)) return Array.Empty<float[]>();
        if (MlDsl.Persistence.FolderInput.Problem(folder, "a folder of WAV noise clips") is { } problem)
            throw new DataStepException(StepName, nameof(options.NoiseFolder), $"noise folder '{folder}': {problem}");
        float[][] noises = Directory.EnumerateFiles(folder, "*.wav", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => WavFile.Read(file, options.SampleRate).Samples).Where(samples => WaveformEffects.Power(samples) > 0).ToArray();
        return noises.Length > 0 ? noises
            : throw new DataStepException(StepName, nameof(options.NoiseFolder), $"noise folder '{folder}' holds no WAV file with sound in it");
    }

    /// <summary>Where the waveform member's floats sit in the feature buffer.</summary>
    private static (int Start, int Length) WaveformSpan<TRow>(string? member) where TRow : IDatasetRow<TRow>
    {
        IReadOnlyList<string> names = TRow.FeatureNames;
        static string MemberOf(string name) => name.IndexOf('[') is var bracket and >= 0 ? name[..bracket] : name;
        string[] members = names.Select(MemberOf).Distinct().ToArray();
        member ??= members.Length == 1 ? members[0]
            : throw new DataStepException(StepName, nameof(AudioAugmentOptions.Member),
                $"{typeof(TRow).Name} has the feature members {string.Join(", ", members)}; name the waveform with Member");
        int start = names.Select(MemberOf).ToList().IndexOf(member);
        if (start < 0)
            throw new DataStepException(StepName, nameof(AudioAugmentOptions.Member),
                $"'{member}' is not a feature of {typeof(TRow).Name}; its feature members are {string.Join(", ", members)}");
        int length = names.Skip(start).TakeWhile(name => MemberOf(name) == member).Count();
        if (length < 2)
            throw new DataStepException(StepName, nameof(AudioAugmentOptions.Member), $"{typeof(TRow).Name}.{member} is a single number, not a waveform");
        return (start, length);
    }

    private static void Validate(AudioAugmentOptions options)
    {
        void Require(bool valid, string option, string problem)
        {
            if (!valid) throw new DataStepException(StepName, option, problem);
        }
        double nyquist = options.SampleRate / 2.0;
        Require(options.SampleRate > 0, nameof(options.SampleRate), $"SampleRate = {options.SampleRate}; expected a positive rate in Hz");
        Require(options.TimeStretch is >= 0 and <= 0.5, nameof(options.TimeStretch), $"TimeStretch = {options.TimeStretch}; expected a relative change from 0 (off) to 0.5");
        Require(options.PitchShiftSemitones is >= 0 and <= 12, nameof(options.PitchShiftSemitones), $"PitchShiftSemitones = {options.PitchShiftSemitones}; expected 0 (off) to 12 semitones");
        Require(!options.BandPass || (options.BandPassLowHz > 0 && options.BandPassLowHz < options.BandPassHighHz && options.BandPassHighHz < nyquist),
            nameof(options.BandPassLowHz), $"band-pass {options.BandPassLowHz}–{options.BandPassHighHz} Hz; expected 0 < BandPassLowHz < BandPassHighHz < {nyquist} Hz (half the sample rate)");
        Require(double.IsNaN(options.NoiseSnrDb) || double.IsFinite(options.NoiseSnrDb), nameof(options.NoiseSnrDb), $"NoiseSnrDb = {options.NoiseSnrDb}; expected a finite SNR in dB, or NaN for no noise");
        Require(options.RandomCrop is >= 0 and <= 0.5, nameof(options.RandomCrop), $"RandomCrop = {options.RandomCrop}; expected the share cut away, from 0 (off) to 0.5");
        Require(options.Probability is >= 0 and <= 1, nameof(options.Probability), $"Probability = {options.Probability}; expected 0 to 1");
        Require(options.Copies >= 0, nameof(options.Copies), $"Copies = {options.Copies}; expected 0 (replace) or more augmented copies per row");
    }

    // SplitMix64 over (seed, copy, row): independent, well-mixed generators per augmented row.
    private static int RowSeed(int seed, int copy, int row)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)copy * 0xBF58476D1CE4E5B9UL + (ulong)row * 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }
}
