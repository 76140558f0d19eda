namespace MlDsl.Shapes;

/// <summary>Why shape inference stopped. One value per class of mistake so analyzers can map each to a rule.</summary>
public enum ShapeProblemKind
{
    /// <summary>A layer received a tensor of the wrong rank (e.g. flat data into Conv2d).</summary>
    RankMismatch,
    /// <summary>A rank-2+ tensor reached Linear without Flatten.</summary>
    MissingFlatten,
    /// <summary>Declared in-channels / in-features differ from what the previous layers produce.</summary>
    InputSizeMismatch,
    /// <summary>Kernel, stride or padding make a spatial size zero or negative.</summary>
    SpatialCollapse,
    /// <summary>An argument outside its valid range (dropout probability, kernel size, ...).</summary>
    InvalidArgument,
    /// <summary>The final layer's size differs from the label's class count.</summary>
    OutputClassMismatch,
}

/// <summary>A shape mistake, with a message that names the member and both shapes.</summary>
public sealed record ShapeProblem(ShapeProblemKind Kind, LayerSpec Layer, string Message, int? Expected = null);
