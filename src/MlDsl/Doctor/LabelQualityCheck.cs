using System.Globalization;
using MlDsl.Data;
using MlDsl.Data.Splits;
using MlDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Label quality by confident learning: k stratified folds, a fresh model trained on each fold's
/// other rows predicts the fold's probabilities (out of fold: no row is judged by a model that saw
/// its label), and <see cref="ConfidentLearning"/> flags the rows whose label the predictions
/// confidently dispute. Fails when more than a tenth of the rows are flagged (labels shuffled or
/// misaligned with the rows), warns when any are.
/// </summary>
internal static class LabelQualityCheck
{
    public const string Name = "label quality";

    /// <summary>A flagged share above this fails the check.</summary>
    public const double FailShare = 0.1;

    public static (DoctorFinding Finding, LabelQualityResult? Result) Run<TRow>(DoctorSession session, IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        if (session.Kind != LabelKind.Class)
            return (new DoctorFinding(Name, DoctorVerdict.Skipped, $"{session.Kind} label", "confident learning judges class labels"), null);
        DoctorOptions options = session.Options;
        int[] labels = ClassLabels.Of(rows);
        IReadOnlyList<Fold> folds = Folds.Of(rows, new FoldOptions { Kind = FoldKind.Stratified, Folds = options.Folds, Shuffle = true, Seed = (int)session.Training.Seed });
        var probabilities = new float[rows.Count][];
        FitOptions training = session.Training with
        {
            Epochs = options.LabelQualityEpochs ?? session.Training.Epochs,
            Verbose = 0, OnEpoch = null, OnBatch = null, CheckpointDirectory = null, Resume = false, EarlyStoppingPatience = null,
        };
        foreach (Fold fold in folds)
        {
            using Module<Tensor, Tensor> model = session.NewModel(salt: 10 + fold.Index);
            if (DoctorSession.Trainable(model).Length == 0)
                return (new DoctorFinding(Name, DoctorVerdict.Fail, "every parameter is frozen", "nothing can learn, so no label can be judged") , null);
            ModelTrainer.Fit(model, fold.Train.Select(i => rows[i]).ToArray(), null, training with { Seed = training.Seed + fold.Index });
            float[][] predicted = BatchInference.Rows(model, fold.Validation.Select(i => rows[i]).ToArray(), 256, outputs => outputs.softmax(1));
            for (int k = 0; k < fold.Validation.Length; k++) probabilities[fold.Validation[k]] = predicted[k];
        }
        IReadOnlyList<LabelSuspect> suspects = ConfidentLearning.FindSuspects(labels, probabilities);
        var result = new LabelQualityResult(probabilities, suspects);
        IReadOnlyList<string>? names = options.ClassNames;
        string Name_(int c) => names is not null && c < names.Count ? names[c] : c.ToString(CultureInfo.InvariantCulture);
        string top = string.Join(", ", suspects.Take(5).Select(suspect => string.Create(CultureInfo.InvariantCulture,
            $"row {suspect.Row} ({Name_(suspect.Given)}, model says {Name_(suspect.Suggested)} {suspect.SuggestedProbability * 100:F0}%)")));
        string measured = string.Create(CultureInfo.InvariantCulture,
            $"{suspects.Count} of {rows.Count} rows ({result.FlaggedShare * 100:F1}%) flagged from {folds.Count}-fold out-of-fold probabilities ({training.Epochs} epochs per fold)")
            + (suspects.Count > 0 ? "; most disputed: " + top : "");
        string? picture = options.OutputDirectory is { } directory && suspects.Count > 0 ? Picture(session, rows, suspects.Take(options.TopSuspects).ToArray(), Name_, directory) : null;
        string[] files = picture is null ? Array.Empty<string>() : new[] { picture };
        DoctorFinding finding = result.FlaggedShare > FailShare
            ? new DoctorFinding(Name, DoctorVerdict.Fail, measured, "the model disputes too many labels to trust them: check labels are aligned with their rows (a shuffle, an off-by-one join, a swapped class order)")
            : suspects.Count > 0
                ? new DoctorFinding(Name, DoctorVerdict.Warn, measured, "look at the flagged rows (report and picture) and fix the labels that are wrong; the rest are hard examples")
                : new DoctorFinding(Name, DoctorVerdict.Pass, measured, "no label is confidently disputed");
        return (finding with { Files = files }, result);
    }

    private static string Picture<TRow>(DoctorSession session, IReadOnlyList<TRow> rows, LabelSuspect[] suspects, Func<int, string> name, string directory)
        where TRow : ITensorRow<TRow>
    {
        using Module<Tensor, Tensor> model = session.NewModel();
        return RowPictures.Draw(model, suspects.Select(suspect => rows[suspect.Row]).ToArray(),
            suspects.Select(suspect => $"row {suspect.Row}: {name(suspect.Given)}? {name(suspect.Suggested)}").ToArray(), directory, "label-suspects.png");
    }
}
