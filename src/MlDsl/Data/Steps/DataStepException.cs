namespace MlDsl.Data.Steps;

/// <summary>
/// A data step (imputer, selector, encoder, oversampler, cross-validation, search) was given input it
/// cannot use. The message names the step, the option or rows at fault and what was expected.
/// </summary>
public sealed class DataStepException(string step, string option, string problem)
    : ArgumentException($"{step}: {problem}", option)
{
    /// <summary>The step that refused, e.g. <c>SelectKBest</c>.</summary>
    public string Step { get; } = step;

    /// <summary>The option or parameter at fault, e.g. <c>k</c> or <c>train</c>.</summary>
    public string Option { get; } = option;
}
