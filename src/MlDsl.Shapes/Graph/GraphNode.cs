namespace MlDsl.Shapes;

/// <summary>
/// One member of a model or block as declared: a layer or a block used as a member. Value-equal so
/// it can travel through the incremental generator's pipeline; holds no Roslyn objects.
/// </summary>
public abstract record GraphNode
{
    /// <summary>The member's path from the model (<c>stage1.conv</c>); messages and state_dict keys use it.</summary>
    public abstract string Path { get; }
}

/// <summary>One layer of a member's attribute stack; its <see cref="LayerSpec.Member"/> is the member's path.</summary>
public sealed record LayerNode(LayerSpec Layer) : GraphNode
{
    public override string Path => Layer.Member;
}

/// <summary>How a residual block joins its input to its body's output.</summary>
public enum ShortcutMode
{
    /// <summary>Not a residual block.</summary>
    None,
    /// <summary>The identity when the shapes agree, else a 1×1 projection.</summary>
    Inferred,
    Identity,
    Projection,
}

/// <summary>A [Block] class used as a member, its body read with the arguments this use gives.</summary>
/// <param name="Member">The member's path from the model (<c>stage2</c>, <c>stage2.inner</c>).</param>
/// <param name="Field">The member's own name in its container (<c>inner</c>).</param>
/// <param name="BlockType">The block class as generated code names it (<c>global::Shop.ConvBlock</c>).</param>
/// <param name="BlockName">The block class's simple name, for messages and summaries.</param>
public sealed record BlockNode(string Member, string Field, string BlockType, string BlockName, EquatableArray<GraphNode> Body, ShortcutMode Shortcut) : GraphNode
{
    public override string Path => Member;

    /// <summary>How messages name the block: <c>'stage2' (ResBlock)</c>.</summary>
    public string Describe() => $"'{Member}' ({BlockName})";
}
