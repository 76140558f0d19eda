using System.Linq;
using Microsoft.CodeAnalysis;
using MlDsl.Shapes;

namespace MlDsl.Declarations.Parsing;

/// <summary>Turns a layer attribute's constructor and named arguments into a <see cref="LayerSpec"/>.</summary>
internal static class LayerArguments
{
    public static LayerSpec Read(string member, int position, LayerKind kind, AttributeData attribute)
    {
        object? first = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value : null;
        return kind switch
        {
            LayerKind.Conv2d => new LayerSpec(member, position, kind,
                Size: first as int?, InSize: Positive(attribute, "InChannels"), Kernel: Named(attribute, "Kernel") ?? 3,
                Stride: Named(attribute, "Stride") ?? 1, Padding: Named(attribute, "Padding") ?? 0),
            LayerKind.MaxPool2d or LayerKind.AvgPool2d => new LayerSpec(member, position, kind,
                Kernel: first as int?, Stride: Positive(attribute, "Stride"), Padding: Named(attribute, "Padding") ?? 0),
            LayerKind.Linear => new LayerSpec(member, position, kind, Size: first as int?, InSize: Positive(attribute, "InFeatures")),
            LayerKind.Dropout => new LayerSpec(member, position, kind, Probability: first as double? ?? 0.5),
            LayerKind.MelSpectrogram => new LayerSpec(member, position, kind, Audio: Audio(attribute, defaultMels: 64)),
            LayerKind.Mfcc => new LayerSpec(member, position, kind, Size: first as int?, Audio: Audio(attribute, defaultMels: 128)),
            LayerKind.AmplitudeToDb => new LayerSpec(member, position, kind, Probability: NamedDouble(attribute, "TopDb") ?? 80),
            LayerKind.WaveAugment => new LayerSpec(member, position, kind, Size: Named(attribute, "MaxShift") ?? 800,
                Probability: NamedDouble(attribute, "Noise") ?? 0.05, GainDb: NamedDouble(attribute, "GainDb") ?? 6),
            LayerKind.SpecAugment => new LayerSpec(member, position, kind, Masks: new MaskSettings(
                Named(attribute, "FrequencyMasks") ?? 2, Named(attribute, "FrequencyWidth") ?? 8, Named(attribute, "TimeMasks") ?? 2, Named(attribute, "TimeWidth") ?? 10)),
            _ => new LayerSpec(member, position, kind),
        };
    }

    // Defaults mirror the attribute classes' property initialisers.
    private static AudioSettings Audio(AttributeData attribute, int defaultMels)
    {
        int fft = Named(attribute, "NFft") ?? 400;
        return new AudioSettings(Named(attribute, "SampleRate") ?? 0, fft, Positive(attribute, "Hop") ?? fft / 2,
            Named(attribute, "Mels") ?? defaultMels, NamedBool(attribute, "Slaney") ?? false);
    }

    private static double? NamedDouble(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(argument => argument.Key == name).Select(argument => argument.Value.Value as double?).FirstOrDefault();

    private static bool? NamedBool(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(argument => argument.Key == name).Select(argument => argument.Value.Value as bool?).FirstOrDefault();

    private static int? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.Where(argument => argument.Key == name).Select(argument => argument.Value.Value as int?).FirstOrDefault();

    // "0 means infer / default" in the attribute surface becomes null here.
    private static int? Positive(AttributeData attribute, string name) => Named(attribute, name) is int value && value != 0 ? value : null;
}
