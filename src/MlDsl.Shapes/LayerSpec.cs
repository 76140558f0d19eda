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
public sealed record LayerSpec(string Member, int Position, string Kind, LayerArguments Arguments)
{
    public static LayerSpec Of(string member, int position, string kind, params LayerArgument[] arguments) =>
        new(member, position, kind, LayerArguments.Of(arguments));

    /// <summary>The first layer of a member takes the member's name, the rest get a suffix.</summary>
    public string FieldName => Position == 0 ? Member : Member + Kind;

    /// <summary>How messages name the layer: <c>'conv1' (Conv2d)</c>.</summary>
    public string Describe() => $"'{Member}' ({Kind})";
}
