namespace MlDsl;

/// <summary>
/// A hand-written TorchSharp <c>Module&lt;Tensor, Tensor&gt;</c> used as a layer, with the shape contract
/// the generator cannot read from its code: <c>[UserModule(typeof(SqueezeExcite), "c, h, w", Parameters = 264)]</c>.
/// </summary>
/// <param name="module">The module's type; it needs a public parameterless constructor.</param>
/// <param name="output">
/// One example's output shape (no batch dimension), comma-separated, each size a number or an
/// expression of the input's sizes with + - * / and parentheses. The input's sizes are named
/// <c>c, h, w</c> for (channels, height, width), <c>c, l</c> for (channels, length), <c>f</c> for flat
/// features, or <c>d0, d1, ...</c> by position at any rank: <c>"c * 2, h / 2, w / 2"</c>, <c>"f"</c>, <c>"10"</c>.
/// </param>
public sealed class UserModuleAttribute(Type module, string output) : LayerAttribute
{
    public Type Module { get; } = module;

    public string Output { get; } = output;

    /// <summary>The input's shape the module accepts, in the same language (<c>"c, h, w"</c> requires rank 3; a number requires that size); empty accepts any.</summary>
    public string Input { get; set; } = "";

    /// <summary>Trainable parameters the module holds, for Summary and ParameterCount (checked against TorchSharp by the parity tests).</summary>
    public int Parameters { get; set; }
}
