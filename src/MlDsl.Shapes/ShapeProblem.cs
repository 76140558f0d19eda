namespace MlDsl.Shapes;

/// <summary>Why shape inference flagged a layer. One value per class of mistake so analyzers can map each to a rule.</summary>
public enum ShapeProblemKind
{
    /// <summary>A layer received a tensor of the wrong rank (e.g. flat data into Conv2d).</summary>
    RankMismatch,
    /// <summary>A feature map reached Linear without Flatten.</summary>
    MissingFlatten,
    /// <summary>Declared in-channels / in-features differ from what the previous layers produce.</summary>
    InputSizeMismatch,
    /// <summary>Kernel, stride or padding make a spatial or sequence length zero or negative.</summary>
    SpatialCollapse,
    /// <summary>An argument outside its valid range (dropout probability, kernel size, ...).</summary>
    InvalidArgument,
    /// <summary>The final layer's size differs from the label's class count.</summary>
    OutputClassMismatch,
    /// <summary>Token ids that do not reach an Embedding covering them: a table smaller than the vocabulary, an Embedding fed floats, ids fed to another layer.</summary>
    TokenMismatch,
    /// <summary>A layer that reads two members' outputs (cross-attention's query and keys) receives shapes that do not fit together.</summary>
    BranchMismatch,
}

/// <summary>A shape mistake, with a message that names the member and both shapes.</summary>
/// <param name="Expected">The size the code fix should write, when there is one.</param>
/// <param name="Argument">The attribute argument that size belongs in (<c>InChannels</c>).</param>
public sealed record ShapeProblem(ShapeProblemKind Kind, LayerSpec Layer, string Message, int? Expected = null, string? Argument = null);
