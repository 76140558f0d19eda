namespace MlDsl.Doctor;

/// <summary>The doctor was given rows or options it cannot examine; the message names the option and what was expected.</summary>
public sealed class DoctorException(string option, string problem) : ArgumentException($"doctor: {problem}", option)
{
    /// <summary>The option or input at fault, e.g. <c>Folds</c> or <c>rows</c>.</summary>
    public string Option { get; } = option;
}
