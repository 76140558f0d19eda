namespace MlDsl.Declarations.Diagnostics;

/// <summary>
/// The names of the properties a diagnostic carries for its code fix: the analyzer computes the fix's
/// inputs and the fix only edits syntax, so both sides must spell them alike.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>MLDSL0001: the inferred input size, and the layer argument (InFeatures, InChannels) to set it on.</summary>
    public const string Inferred = "inferred";
    public const string Argument = "argument";

    /// <summary>MLDSL0005: the output width the label needs.</summary>
    public const string Classes = "classes";

    /// <summary>MLDSL0002: the image shape a one-dimensional feature should declare.</summary>
    public const string Shape = "shape";

    /// <summary>MLDSL0016: fit on the split's training rows instead.</summary>
    public const string ReplaceWithTrain = "replaceWithTrain";

    /// <summary>MLDSL0016: what to fit on once the fit moves after the split, and where the split statement starts.</summary>
    public const string FitAfterSplit = "fitAfterSplit";
    public const string SplitStatement = "splitStatement";

    /// <summary>MLDSL0018: the expression to pass instead of the test rows (<c>split.Validation</c>, or the validation local).</summary>
    public const string ReplaceWith = "replaceWith";

    /// <summary>MLDSL0021: the identifier-like feature is a group key; mark it [GroupKey].</summary>
    public const string MarkGroupKey = "markGroupKey";

    /// <summary>MLDSL0019 and MLDSL0025: the SplitKind member to split with.</summary>
    public const string SplitKind = "kind";

    /// <summary>
    /// MLDSL0003: "true" when the Linear is its member's first layer, whose weights carry the member's
    /// name (<c>fc1.weight</c>); the fix must then put Flatten before the member, never in front of the
    /// Linear, or saved models would stop loading.
    /// </summary>
    public const string FirstLayerOfMember = "firstLayerOfMember";

    /// <summary>MLDSL0013 / MLDSL0014: "true" when removing the layer would give its member's name to a later layer with weights.</summary>
    public const string RemovalRenamesWeights = "removalRenamesWeights";
}
