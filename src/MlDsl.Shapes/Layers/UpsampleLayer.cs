using System;
using System.Linq;

namespace MlDsl.Shapes.Layers;

/// <summary>
/// Upsample: a signal (C, L) or map (C, H, W) with every length after the channels multiplied by <c>ScaleFactor</c>, as
/// PyTorch's <c>nn.Upsample</c> (Keras UpSampling1D/2D): <c>Mode</c> "nearest" (the default), "linear" (signals),
/// "bilinear" or "bicubic" (maps); <c>AlignCorners</c> only with the interpolating modes, as PyTorch requires.
/// </summary>
public sealed class UpsampleLayer : LayerDefinition<UpsampleLayer.Options>
{
    private static readonly string[] Modes = { "nearest", "linear", "bilinear", "bicubic" };

    /// <param name="Mode">PyTorch's mode word, lower case.</param>
    /// <param name="Align">The attribute's AlignCorners when given (PyTorch's align_corners); null leaves it unset (nearest, or
    /// PyTorch's default False). Named apart from the attribute's property because "not given" must stay visible: PyTorch
    /// refuses align_corners = False as well as True with "nearest".</param>
    public sealed record Options(int ScaleFactor, string Mode, bool? Align);

    public override Options Read(LayerArguments arguments) => new(
        arguments.Int("ScaleFactor", 2), (arguments.Text("Mode") ?? "nearest").ToLowerInvariant(),
        arguments.Has("AlignCorners") ? arguments.Bool("AlignCorners") : null);

    /// <summary>Resize with PyTorch's coordinates for the mode.</summary>
    protected override string Onnx(ResolvedLayer layer, Options options) =>
        $"Upsample(x, scale: {options.ScaleFactor}, spatialDimensions: {layer.Input.Rank - 1}, mode: \"{options.Mode}\", alignCorners: {(options.Align == true ? "true" : "false")})";

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

        int scale = options.ScaleFactor;
        int[] output = input.Dimensions.Select((size, axis) => axis == 0 ? size : size * scale).ToArray();
        string factors = string.Join(", ", Enumerable.Repeat(scale + ".0", input.Rank - 1));
        string factory = $"Upsample(scale_factor: new double[] {{ {factors} }}"
            + (options.Mode == "nearest" ? "" : $", mode: global::TorchSharp.torch.UpsampleMode.{char.ToUpperInvariant(options.Mode[0])}{options.Mode.Substring(1)}")
            + (options.Align is { } align ? $", align_corners: {(align ? "true" : "false")}" : "")
            + ")";
        return Resolved(spec, input, TensorShape.Of(output), 0, factory, "Upsample");
    }
}
