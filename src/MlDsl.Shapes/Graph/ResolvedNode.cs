namespace MlDsl.Shapes;

/// <summary>A member after inference: a layer, or a block with its resolved body.</summary>
public abstract record ResolvedNode
{
    public abstract TensorShape Input { get; }
    public abstract TensorShape Output { get; }
    public abstract long Parameters { get; }
}

public sealed record ResolvedLayerNode(ResolvedLayer Layer) : ResolvedNode
{
    public override TensorShape Input => Layer.Input;
    public override TensorShape Output => Layer.Output;
    public override long Parameters => Layer.Parameters;
}

/// <param name="Projection">The residual shortcut's 1×1 projection (member <c>shortcut</c>), or null for the identity or a plain block.</param>
public sealed record ResolvedBlock(BlockNode Block, TensorShape Input, TensorShape BodyOutput, EquatableArray<ResolvedNode> Children, ResolvedLayer? Projection) : ResolvedNode
{
    public override TensorShape Input { get; } = Input;

    /// <summary>A residual block's output is its body's (the shortcut is added to it).</summary>
    public override TensorShape Output => BodyOutput;

    public override long Parameters
    {
        get
        {
            long total = Projection?.Parameters ?? 0;
            foreach (ResolvedNode child in Children) total += child.Parameters;
            return total;
        }
    }
}
