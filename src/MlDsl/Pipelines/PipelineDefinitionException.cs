namespace MlDsl.Pipelines;

/// <summary>
/// A <see cref="PipelineDefinition{TRow, TModel}"/> option no run can use (a drift threshold, share, fraction or count out of
/// its range), refused when the pipeline starts rather than when its stage runs. <see cref="ArgumentException.ParamName"/> is
/// the option as the definition spells it (<c>Monitoring.Psi</c>, <c>Split.Test</c>, <c>MinSliceRows</c>); the command line
/// exits 1 with the message.
/// </summary>
public sealed class PipelineDefinitionException(string pipeline, string option, string problem) : ArgumentException(null, option)
{
    /// <summary>"pipeline NAME: OPTION = VALUE is out of range; expected RANGE", one line (the option is not repeated as "(Parameter ...)").</summary>
    public override string Message { get; } = $"pipeline {pipeline}: {option} {problem}";
}
