namespace MlDsl.Shapes;

/// <summary>
/// One layer as declared by an attribute on a model member. Value-equal so it can travel through
/// the incremental generator's pipeline; holds no Roslyn objects. What the arguments mean is the
/// business of the layer's definition in the catalogue (<see cref="LayerCatalogue"/>).
/// </summary>
/// <param name="Member">The model member that declares the layer (<c>conv1</c>).</param>
/// <param name="Position">Index of the attribute within the member's attribute stack.</param>
/// <param name="Kind">The attribute's name without "Attribute" (<c>Conv2d</c>).</param>
/// <param name="Arguments">What the attribute's constructor and properties were given.</param>
/// <param name="Repeat">
/// How many layers of the same kind come before this one among the member's stacked layers (those after
/// the first): 0 for the first <c>Relu</c> after <c>stem</c>'s convolution, 1 for the second.
/// </param>
public sealed record LayerSpec(string Member, int Position, string Kind, LayerArguments Arguments, int Repeat = 0)
{
    public static LayerSpec Of(string member, int position, string kind, params LayerArgument[] arguments) =>
        new(member, position, kind, LayerArguments.Of(arguments));

    /// <summary>
    /// The layer's field and state_dict name. The first layer of a member takes the member's name, the rest
    /// the member's name and their kind (<c>stemRelu</c>); a kind that repeats in the stack numbers its later
    /// layers as Keras does (<c>stemRelu_1</c>), so <c>[Conv2d, Relu, Conv2d, Relu]</c> gives distinct fields
    /// and a stack without repeats keeps the names its saved weights were written under.
    /// </summary>
    public string FieldName => Position == 0 ? Member : Repeat == 0 ? Member + Kind : $"{Member}{Kind}_{Repeat}";

    /// <summary>How messages name the layer: <c>'conv1' (Conv2d)</c>.</summary>
    public string Describe() => $"'{Member}' ({Kind})";
}
