namespace MlDsl.Shapes.Layers;

/// <summary>
/// What a rank mismatch message tells the user to do, for layers that read a signal (channels, length)
/// and for those that read a map (channels, height, width): how to get from what they have to what the layer reads.
/// </summary>
internal static class SignalHints
{
    /// <summary>
    /// The rank check of a 1-D layer: null for (channels, length), otherwise a rank mismatch whose
    /// <see cref="ShapeProblem.Expected"/> is 2, the rank it reads (so a fix may declare a flat feature as (1, length)).
    /// </summary>
    /// <param name="twoDimensional">The layer's 2-D counterpart for (channels, height, width) maps (<c>Conv2d</c>).</param>
    /// <param name="sizeDeclared">The layer declares its in-size: a sequence then meets the size check, which names the permute.</param>
    public static LayerOutcome? RequireSignal(LayerSpec spec, TensorShape input, string twoDimensional, bool sizeDeclared = false) =>
        input.Rank != 2
            ? new LayerOutcome(null, new ShapeProblem(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} expects (channels, length) but receives {input}, a rank-{input.Rank} tensor; {ForSignal(input, twoDimensional)}", Expected: 2))
            : sizeDeclared ? null
            : RefuseSequence(spec, input, $"take its {input[0]} steps for channels and run along its {input[1]} features");

    /// <summary>
    /// A (steps, features) sequence (from Embedding, a recurrent layer, a Transformer, PositionalEncoding)
    /// reaching a layer that reads PyTorch's (channels, length): it would take the steps for channels.
    /// Null for a genuine (channels, length) signal (a waveform, a spectrogram, a Conv1d's output) and after [Permute(1, 0)].
    /// </summary>
    /// <param name="consequence">What the layer would do instead, after "it would".</param>
    /// <param name="alternative">Another way out besides the permute, if the layer has one.</param>
    public static LayerOutcome? RefuseSequence(LayerSpec spec, TensorShape input, string consequence, string? alternative = null) =>
        !input.IsSequence
            ? null
            : new LayerOutcome(null, new ShapeProblem(ShapeProblemKind.RankMismatch, spec,
                $"{spec.Describe()} reads (channels, length) but receives {input.Describe()}: it would {consequence}; "
                + $"add [Permute(1, 0)] before it to read the {input[1]} features as channels over the {input[0]} steps"
                + (alternative is null ? "" : ", or " + alternative)));

    /// <summary>For a 1-D layer fed something other than (channels, length).</summary>
    /// <param name="twoDimensional">The layer's 2-D counterpart for (channels, height, width) maps (<c>Conv2d</c>).</param>
    public static string ForSignal(TensorShape input, string twoDimensional) => input.Rank switch
    {
        1 => $"a waveform or series of {input[0]} samples needs a channel axis: declare [Shape(1, {input[0]})] or add [Unsqueeze(0)] before it",
        3 when input[0] == 1 => $"use {twoDimensional} for a (channels, height, width) map, or drop its single channel with [Squeeze(0)] to read ({input[1]}, {input[2]}) as (channels, length)",
        3 => $"use {twoDimensional} for a (channels, height, width) map, or [Reshape] it to (channels, length)",
        _ => "[Reshape] it to (channels, length)",
    };

    /// <summary>For a 2-D layer fed something other than (channels, height, width).</summary>
    /// <param name="oneDimensional">The layer's 1-D counterpart for (channels, length) signals, if it has one.</param>
    public static string? ForMap(TensorShape input, string? oneDimensional) => input.Rank switch
    {
        1 => "declare the feature's image shape with [Shape(c, h, w)]",
        2 when oneDimensional is not null => $"use {oneDimensional} for a (channels, length) signal",
        _ => null,
    };
}
