namespace MlDsl.Deployment;

/// <summary>The gate's decision and, for each failed criterion, what failed and by how much.</summary>
public sealed record GateVerdict(bool Passed, IReadOnlyList<string> Failures, IReadOnlyList<string> Checks)
{
    public override string ToString() =>
        (Passed ? "gate: PASSED\n" : "gate: FAILED\n") + string.Concat(Checks.Select(check => "  " + check + "\n"));
}
