using MlDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Karpathy's recipe for training neural networks, and label quality, as one examination of any
/// model and its training rows, before the long run: loss at initialisation, an input-independent
/// baseline, overfitting one batch, gradient flow, a learning-rate range test, the data as the model
/// sees it, and confident learning on out-of-fold predictions. Each check trains its own fresh
/// models from <c>createModel</c> and gives a verdict with what to do.
/// </summary>
public static class ModelDoctor
{
    /// <param name="createModel">A fresh model from a seed, e.g. <c>seed =&gt; new DigitCnn(seed)</c>; called once per check (and per fold).</param>
    /// <param name="rows">The training rows, after every transform (never the test split: label quality trains on them).</param>
    /// <param name="options">Budgets, the training options to judge, and where plots go.</param>
    /// <exception cref="DoctorException">Fewer than 2 rows, or an option out of range.</exception>
    /// <exception cref="RowDataException">A row cannot be collated (wrong feature length, label out of range).</exception>
    public static DoctorReport Examine<TRow>(Func<long, Module<Tensor, Tensor>> createModel, IReadOnlyList<TRow> rows, DoctorOptions? options = null)
        where TRow : IDatasetRow<TRow>
    {
        options ??= new DoctorOptions();
        options.Validate();
        if (rows.Count < 2) throw new DoctorException(nameof(rows), $"{rows.Count} rows; the doctor needs at least 2 training rows");
        if (options.Training.Threads <= 0) return Run(createModel, rows, options);
        // libtorch's thread count is process-wide: an examination must not change it for what follows.
        int threads = torch.get_num_threads();
        torch.set_num_threads(options.Training.Threads);
        try
        {
            return Run(createModel, rows, options);
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static DoctorReport Run<TRow>(Func<long, Module<Tensor, Tensor>> createModel, IReadOnlyList<TRow> rows, DoctorOptions options)
        where TRow : IDatasetRow<TRow>
    {
        if (TRow.LabelKind == LabelKind.Class) ClassLabels.Of(rows);
        using var session = new DoctorSession(createModel, TensorDataset.From(rows, options.Training.Device ?? CPU), TRow.LabelKind, TRow.ClassCount, options);
        var findings = new List<DoctorFinding>();
        var report = new DoctorReport(findings);
        bool Wants(DoctorCheck check) => options.Checks.HasFlag(check);
        if (Wants(DoctorCheck.DataView)) findings.Add(DataViewCheck.Run(session, rows));
        if (Wants(DoctorCheck.InitialLoss)) findings.Add(InitialLossCheck.Run(session));
        if (Wants(DoctorCheck.InputBaseline)) findings.Add(InputBaselineCheck.Run(session));
        if (Wants(DoctorCheck.OverfitBatch)) findings.Add(OverfitBatchCheck.Run(session));
        if (Wants(DoctorCheck.GradientFlow))
        {
            var (finding, flow, relus) = GradientFlowCheck.Run(session);
            findings.Add(finding);
            report = report with { GradientFlow = flow, Relus = relus };
        }
        if (Wants(DoctorCheck.LearningRateRange))
        {
            var (finding, result) = LearningRateRangeCheck.Run(session);
            findings.Add(finding);
            report = report with { RangeTest = result };
        }
        if (Wants(DoctorCheck.LabelQuality))
        {
            var (finding, result) = LabelQualityCheck.Run(session, rows);
            findings.Add(finding);
            report = report with { LabelQuality = result };
        }
        if (options.OutputDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            MlDsl.Persistence.AtomicFile.WriteAllText(Path.Combine(directory, "doctor.md"), report.ToString());
        }
        return report;
    }
}
