using System.Globalization;
using System.Text;
using MlDsl.Analysis;
using MlDsl.Data.Validation;
using MlDsl.Deployment;
using MlDsl.Training;

namespace MlDsl.Pipelines;

/// <summary>One stage's outcome and time.</summary>
public sealed record StageReport(string Stage, string Outcome, TimeSpan Duration);

/// <summary>Everything one pipeline run produced; <see cref="ExitCode"/>: 0 exported, 2 data validation failed, 4 gate failed.</summary>
public sealed record PipelineRun(
    string Pipeline,
    IReadOnlyList<StageReport> Stages,
    DataReport? Data,
    FitReport? Training,
    IEvaluationReport? Test,
    GateVerdict? Gate,
    string? ArtifactDirectory,
    IReadOnlyList<string> Files,
    int ExitCode)
{
    public override string ToString()
    {
        var text = new StringBuilder($"# {Pipeline} run\n\n");
        text.Append("| stage | outcome | time |\n|---|---|---|\n");
        foreach (StageReport stage in Stages)
            text.Append(CultureInfo.InvariantCulture, $"| {stage.Stage} | {stage.Outcome} | {stage.Duration.TotalSeconds:F1} s |\n");
        if (Data is not null) text.Append("\n## Data validation\n\n```\n").Append(Data).Append("```\n");
        if (Training is not null)
        {
            text.Append("\n## Training\n\n```\n");
            if (Training.ResumedAfterEpoch > 0) text.Append($"resumed from the checkpoint after epoch {Training.ResumedAfterEpoch}\n");
            foreach (EpochReport epoch in Training.Epochs)
                text.Append(epoch).Append(epoch.Epoch <= Training.ResumedAfterEpoch ? "  (from the checkpoint)\n" : "\n");
            text.Append(Training.BaselineDescription).Append('\n');
            (FitVerdict verdict, string reason) = FitDiagnosis.Diagnose(Training);
            text.Append($"verdict: {verdict}: {reason}\n```\n");
        }
        if (Test is not null) text.Append("\n## Test split\n\n```\n").Append(Test).Append("```\n");
        if (Gate is not null) text.Append("\n## Gate\n\n```\n").Append(Gate).Append("```\n");
        if (ArtifactDirectory is not null) text.Append($"\nArtifact: `{ArtifactDirectory}`\n");
        return text.ToString();
    }
}
