using System;
using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Upsample: a signal (C, L) or map (C, H, W) with every length after the channels multiplied by <c>ScaleFactor</c>, as
/// PyTorch's <c>nn.Upsample</c> (Keras UpSampling1D/2D): <c>Mode</c> "nearest" (the default), "linear" (signals),
/// "bilinear" or "bicubic" (maps); <c>AlignCorners</c> only with the interpolating modes, as PyTorch requires. With
/// <c>Size</c> (one number for every length, or a map's <c>new[] { height, width }</c>) the lengths become that size instead,
/// as <c>nn.Upsample(size=...)</c>.
/// </summary>
public sealed class UpsampleLayer : LayerDefinition<UpsampleLayer.Options>
{
    private static readonly string[] Modes = { "nearest", "linear", "bilinear", "bicubic" };

    /// <param name="Mode">PyTorch's mode word, lower case.</param>
    /// <param name="Align">The attribute's AlignCorners when given (PyTorch's align_corners); null leaves it unset (nearest, or
    /// PyTorch's default False). Named apart from the attribute's property because "not given" must stay visible: PyTorch
    /// refuses align_corners = False as well as True with "nearest".</param>
    /// <param name="HasSize">The attribute gives a Size: the lengths become <paramref name="Size"/> (a number, or numbers; null when
    /// it could not be read) instead of growing by <paramref name="ScaleFactor"/>.</param>
    public sealed record Options(int ScaleFactor, string Mode, bool? Align, bool HasSize = false, object? Size = null);

    /// <summary>The attribute's default factor: the constructor argument is always present, so only another value says it was meant.</summary>
    private const int DefaultScaleFactor = 2;

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("ScaleFactor", DefaultScaleFactor), (arguments.Text("Mode") ?? "nearest").ToLowerInvariant(),
        arguments.Has("AlignCorners") ? arguments.Bool("AlignCorners") : null,
        arguments.Has("Size"), arguments.Value("Size"));

    /// <summary>Resize with PyTorch's coordinates for the mode; to fixed sizes when the layer declares them.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options)
    {
        string mode = $"mode: \"{options.Mode}\", alignCorners: {(options.Align == true ? "true" : "false")}";
        if (!options.HasSize)
            return $"Upsample(x, scale: {options.ScaleFactor}, spatialDimensions: {layer.Input.Rank - 1}, {mode})";
        string size = $"new long[] {{ {string.Join(", ", layer.Output.Dimensions.Skip(1))} }}";
        return options.Mode == "nearest"
            ? $"UpsampleNearestTo(x, new long[] {{ {string.Join(", ", layer.Input.Dimensions.Skip(1))} }}, {size})"
            : $"UpsampleTo(x, {size}, {mode})";
    }

    /// <summary>The output lengths <paramref name="size"/> asks for, one per axis after the channels, or why it cannot be read.</summary>
    private static int[]? Lengths(object? size, TensorShape input, out string? problem)
    {
        problem = null;
        int axes = input.Rank - 1;
        switch (size)
        {
            case int length:
                return Enumerable.Repeat(length, axes).ToArray();
            case EquatableArray<int> lengths when lengths.Count == axes:
                return lengths.ToArray();
            default:
                problem = axes == 1
                    ? $"Size of a signal {input} is its new length, one number; got {LayerArguments.Describe(size)}"
                    : $"Size of a map {input} is one number for both axes or new[] {{ height, width }}; got {LayerArguments.Describe(size)}";
                return null;
        }
    }

    protected override LayerOutcome Infer(LayerSpec spec, Options options, TensorShape input)
    {
        if (input.Rank is not (2 or 3))
            return Fail(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects a signal (channels, length) or a map (channels, height, width) but receives {input}, a rank-{input.Rank} tensor");
        if (options.ScaleFactor <= 0)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive scale factor, not {options.ScaleFactor}");
        if (!Modes.Contains(options.Mode))
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} has Mode \"{options.Mode}\"; PyTorch's modes here are {string.Join(", ", Modes.Select(mode => $"\"{mode}\""))}");
        string? fits = options.Mode switch
        {
            "linear" when input.Rank != 2 => $"Mode \"linear\" interpolates a signal (channels, length), but {input} is a map: use \"bilinear\"",
            "bilinear" or "bicubic" when input.Rank != 3 => $"Mode \"{options.Mode}\" interpolates a map (channels, height, width), but {input} is a signal: use \"linear\"",
            "nearest" when options.Align is not null => "AlignCorners applies only to the interpolating modes (\"linear\", \"bilinear\", \"bicubic\"); PyTorch refuses it with \"nearest\"",
            _ => null,
        };
        if (fits is not null) return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {fits}");

        if (options.HasSize)
            return ToSize(spec, options, input, options.Size);
        int scale = options.ScaleFactor;
        int[] output = input.Dimensions.Select((length, axis) => axis == 0 ? length : length * scale).ToArray();
        string factors = string.Join(", ", Enumerable.Repeat(scale + ".0", input.Rank - 1));
        string factory = $"Upsample(scale_factor: new double[] {{ {factors} }}" + ModeArguments(options) + ")";
        return Resolved(spec, input, TensorShape.Of(output), 0, factory, "Upsample");
    }

    private LayerOutcome ToSize(LayerSpec spec, Options options, TensorShape input, object? size)
    {
        if (options.ScaleFactor != DefaultScaleFactor)
            return Fail(ShapeProblemKind.InvalidArgument, spec,
                $"{spec.Describe()} has both a scale factor ({options.ScaleFactor}) and a Size; PyTorch takes one of them: give Size alone");
        if (Lengths(size, input, out string? problem) is not { } lengths)
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()}: {problem}");
        if (lengths.Any(length => length <= 0))
            return Fail(ShapeProblemKind.InvalidArgument, spec, $"{spec.Describe()} needs a positive Size, not {LayerArguments.Describe(size)}");
        int[] output = new[] { input[0] }.Concat(lengths).ToArray();
        string factory = $"Upsample(size: new long[] {{ {string.Join(", ", lengths)} }}" + ModeArguments(options) + ")";
        return Resolved(spec, input, TensorShape.Of(output), 0, factory, "Upsample");
    }

    private static string ModeArguments(Options options) =>
        (options.Mode == "nearest" ? "" : $", mode: global::TorchSharp.torch.UpsampleMode.{char.ToUpperInvariant(options.Mode[0])}{options.Mode.Substring(1)}")
        + (options.Align is { } align ? $", align_corners: {(align ? "true" : "false")}" : "");
}
