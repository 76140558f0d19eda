using System.Globalization;
using System.Text;

namespace MlDsl.Doctor;

/// <summary>
/// Every check's finding, and the detail behind some: per-parameter gradient flow, dead ReLU shares,
/// the range test's curve, label-quality suspects. <see cref="Passed"/> is true when no check failed
/// (warnings are things to look at, not failures).
/// </summary>
public sealed record DoctorReport(IReadOnlyList<DoctorFinding> Findings)
{
    public IReadOnlyList<LayerFlow> GradientFlow { get; init; } = Array.Empty<LayerFlow>();

    public IReadOnlyList<ReluActivity> Relus { get; init; } = Array.Empty<ReluActivity>();

    public RangeTestResult? RangeTest { get; init; }

    public LabelQualityResult? LabelQuality { get; init; }

    public bool Passed => Findings.All(finding => finding.Verdict != DoctorVerdict.Fail);

    /// <summary>The finding of the check named <paramref name="check"/> (e.g. <c>overfit one batch</c>).</summary>
    /// <exception cref="KeyNotFoundException">That check did not run.</exception>
    public DoctorFinding this[string check] =>
        Findings.FirstOrDefault(finding => finding.Check == check) ?? throw new KeyNotFoundException($"the doctor ran no check named '{check}'; it ran {string.Join(", ", Findings.Select(finding => finding.Check))}");

    /// <summary>The report as Markdown: a verdict table, then the details.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("# Doctor\n\n");
        text.Append(Passed ? "No check failed.\n\n" : $"{Findings.Count(finding => finding.Verdict == DoctorVerdict.Fail)} check(s) FAILED.\n\n");
        text.Append("| check | verdict | measured | what to do |\n|---|---|---|---|\n");
        foreach (DoctorFinding finding in Findings)
            text.Append($"| {finding.Check} | {finding.Verdict.ToString().ToUpperInvariant()} | {Cell(finding.Measured)} | {Cell(finding.Advice)} |\n");
        foreach (string file in Findings.SelectMany(finding => finding.Files))
            text.Append($"\n![{Path.GetFileNameWithoutExtension(file)}]({Path.GetFileName(file)})\n");
        if (GradientFlow.Count > 0)
        {
            text.Append("\n## Gradient flow\n\n| parameter | gradient norm | gradient/weight | update/weight |\n|---|---|---|---|\n");
            foreach (LayerFlow layer in GradientFlow)
                text.Append(CultureInfo.InvariantCulture, $"| {layer.Parameter} | {layer.GradientNorm:0.00e+0} | {layer.GradientToWeight:0.00e+0} | {layer.UpdateToWeight:0.00e+0} |\n");
            foreach (ReluActivity relu in Relus)
                text.Append(CultureInfo.InvariantCulture, $"\n{relu.Layer}: {relu.DeadShare * 100:F1}% of {relu.Units} units dead");
            if (Relus.Count > 0) text.Append('\n');
        }
        if (LabelQuality is { Suspects.Count: > 0 } quality)
        {
            text.Append("\n## Label suspects\n\n| row | given | model says | p(given) | p(model) |\n|---|---|---|---|---|\n");
            foreach (LabelSuspect suspect in quality.Suspects.Take(50))
                text.Append(CultureInfo.InvariantCulture, $"| {suspect.Row} | {suspect.Given} | {suspect.Suggested} | {suspect.GivenProbability:F3} | {suspect.SuggestedProbability:F3} |\n");
            if (quality.Suspects.Count > 50) text.Append($"\n... and {quality.Suspects.Count - 50} more\n");
        }
        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
