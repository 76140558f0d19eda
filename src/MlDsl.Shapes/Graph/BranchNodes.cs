namespace MlDsl.Shapes;

/// <summary>One dataset feature a branch reads: where it lies in a collated row and its shape.</summary>
/// <param name="Offset">The first element of the feature in one example's collated buffer.</param>
/// <param name="Length">How many elements it takes there.</param>
public sealed record FeatureSlice(string Name, int Offset, int Length, TensorShape Shape);

/// <summary>
/// <c>[Input(...)]</c> on a model member: the member's layers (or block) read these features, not the
/// previous member's output. One feature keeps its declared shape; several (numbers, one-hot
/// categories) are concatenated into one vector in the order given.
/// </summary>
/// <param name="Member">The member that starts the branch.</param>
public sealed record InputNode(string Member, EquatableArray<FeatureSlice> Features) : GraphNode
{
    public override string Path => Member;
}

/// <summary>How a join combines its sources.</summary>
public enum JoinKind
{
    /// <summary>Along the feature axis (channels of a map, the last axis of a sequence); every other size must agree.</summary>
    Concatenate,
    /// <summary>Element-wise sum of equal shapes.</summary>
    Add,
}

/// <summary><c>[Concatenate(...)]</c> or <c>[Add(...)]</c> on a model or block member: its layers read the join of the named members' outputs.</summary>
/// <param name="Sources">The members joined, in order (their last layers' outputs), as paths from the model
/// (<c>stage2.conv</c>; <c>stage2.input</c> is the block's input); read on a block of its own, as names in the block.</param>
public sealed record JoinNode(string Member, JoinKind Kind, EquatableArray<string> Sources) : GraphNode
{
    public override string Path => Member;
}

/// <summary>
/// <c>[From(...)]</c> on a model or block member: its layers read the named earlier member's output (or a block's input)
/// instead of the previous member's, starting a parallel path (an Inception block's paths from one input).
/// </summary>
/// <param name="Source">The member read, as a path from the model (<c>stage2.conv</c>; <c>stage2.input</c> is the block's input);
/// read on a block of its own, a name in the block.</param>
public sealed record FromNode(string Member, string Source) : GraphNode
{
    public override string Path => Member;
}

/// <summary>The features a branch reads, as one tensor.</summary>
public sealed record ResolvedInput(InputNode Node, TensorShape Shape) : ResolvedNode
{
    public override TensorShape Input => Shape;
    public override TensorShape Output => Shape;
    public override long Parameters => 0;
}

/// <summary>Where a parallel path starts: the output of the member it reads.</summary>
public sealed record ResolvedFrom(FromNode Node, TensorShape Shape) : ResolvedNode
{
    public override TensorShape Input => Shape;
    public override TensorShape Output => Shape;
    public override long Parameters => 0;
}

/// <param name="Inputs">The sources' shapes, in the join's order.</param>
/// <param name="Axis">For a concatenation, the axis joined (without the batch dimension).</param>
public sealed record ResolvedJoin(JoinNode Node, EquatableArray<TensorShape> Inputs, TensorShape Shape, int Axis) : ResolvedNode
{
    public override TensorShape Input => Inputs[0];
    public override TensorShape Output => Shape;
    public override long Parameters => 0;
}

/// <summary>A join whose sources cannot be combined.</summary>
/// <param name="Message">Names the join, each source with its shape and what must agree.</param>
public sealed record JoinProblem(JoinNode Join, string Message);
