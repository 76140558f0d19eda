namespace MlDsl.Doctor;

/// <summary>
/// One check's outcome: its verdict, what it measured (numbers, in words), what to do about it, the
/// layers it names (a frozen layer, one the gradient never reaches, a last layer initialised too
/// large) and the plots it wrote.
/// </summary>
/// <param name="Check">The check's name, e.g. <c>loss at initialisation</c>.</param>
/// <param name="Verdict">Pass, warn, fail or skipped.</param>
/// <param name="Measured">What was measured, e.g. <c>loss 2.3051, expected ln 10 = 2.3026</c>.</param>
/// <param name="Advice">What to do; for a pass, what the check showed.</param>
public sealed record DoctorFinding(string Check, DoctorVerdict Verdict, string Measured, string Advice)
{
    /// <summary>Parameters or layers the finding is about (state_dict names such as <c>fc2.weight</c>, or layer names).</summary>
    public IReadOnlyList<string> Layers { get; init; } = Array.Empty<string>();

    /// <summary>Files the check wrote (PNG plots and image grids).</summary>
    public IReadOnlyList<string> Files { get; init; } = Array.Empty<string>();

    public override string ToString() => $"{Verdict.ToString().ToUpperInvariant(),-7} {Check}: {Measured}. {Advice}";
}
