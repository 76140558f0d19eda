using System.Globalization;
using MlDsl.Data;
using MlDsl.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Data as the model sees it (Karpathy's "become one with the data", after every transform): a picture
/// of a batch, non-finite or constant inputs, feature scale, class balance, and which metric would
/// lie on this label distribution (accuracy under imbalance, label-wise accuracy under rare labels).
/// </summary>
internal static class DataViewCheck
{
    public const string Name = "data as the model sees it";

    /// <summary>Beyond this magnitude a feature is far from the unit scale networks train well on.</summary>
    public const double LargeFeature = 100;

    public static DoctorFinding Run<TRow>(DoctorSession session, IReadOnlyList<TRow> rows) where TRow : ITensorRow<TRow>
    {
        var notes = new List<string>();
        var fails = new List<string>();
        var warns = new List<string>();
        using (var scope = NewDisposeScope())
        {
            Tensor flat = session.Data.Features.flatten(1);
            long nonFinite = flat.isfinite().logical_not().sum().item<long>();
            if (nonFinite > 0) fails.Add($"{nonFinite} feature values are NaN or infinite: impute or drop them before training");
            Tensor finite = flat.nan_to_num(0, 0, 0).to(float64);
            Tensor varying = finite.amax(new long[] { 0 }).gt(finite.amin(new long[] { 0 }));
            long constant = flat.shape[1] - varying.sum().item<long>();
            if (constant == flat.shape[1]) fails.Add("every feature has the same value in every row: the model sees nothing that tells rows apart");
            else if (constant > 0) notes.Add($"{constant} of {flat.shape[1]} features are constant");
            double largest = finite.abs().max().item<double>();
            if (largest > LargeFeature) warns.Add(string.Create(CultureInfo.InvariantCulture, $"features reach {largest:G4}: standardize them (networks train on unit-scale inputs)"));
        }
        (string balance, string? lie, bool broken) = Balance(session);
        notes.Insert(0, balance);
        if (broken) fails.Add(lie!);
        else if (lie is not null) warns.Add(lie);

        string? picture = session.Options.OutputDirectory is { } directory ? Picture(session, rows, directory) : null;
        string measured = string.Join("; ", notes);
        string[] files = picture is null ? Array.Empty<string>() : new[] { picture };
        if (fails.Count > 0) return new DoctorFinding(Name, DoctorVerdict.Fail, measured, string.Join("; ", fails.Concat(warns))) { Files = files };
        if (warns.Count > 0) return new DoctorFinding(Name, DoctorVerdict.Warn, measured, string.Join("; ", warns)) { Files = files };
        string metric = session.Kind switch
        {
            LabelKind.Class => "classes are balanced enough for accuracy to mean what it says",
            LabelKind.MultiLabel => "every label is common enough for label-wise accuracy to mean what it says",
            _ => "judge regression by MAE in the label's units; R² on a narrow test range reads low",
        };
        return new DoctorFinding(Name, DoctorVerdict.Pass, measured, $"{metric}{(picture is null ? "" : "; look at the picture of a batch")}") { Files = files };
    }

    /// <returns>The label distribution in words, the metric that would lie (or what is broken), and whether it is broken.</returns>
    private static (string Balance, string? Lie, bool Broken) Balance(DoctorSession session)
    {
        using var scope = NewDisposeScope();
        Tensor labels = session.Data.Labels;
        IReadOnlyList<string>? names = session.Options.ClassNames;
        string Name(int index) => names is not null && index < names.Count ? names[index] : index.ToString(CultureInfo.InvariantCulture);
        switch (session.Kind)
        {
            case LabelKind.Class:
            {
                long[] counts = labels.bincount(null, session.Outputs).cpu().data<long>().ToArray();
                double total = counts.Sum();
                int majority = Array.IndexOf(counts, counts.Max());
                double share = counts[majority] / total;
                string balance = "class balance " + string.Join(", ", counts.Select((count, c) => string.Create(CultureInfo.InvariantCulture, $"{Name(c)} {count / total * 100:F1}%")));
                int[] missing = Enumerable.Range(0, counts.Length).Where(c => counts[c] == 0).ToArray();
                if (counts.Count(count => count > 0) < 2) return (balance, "only one class has rows: there is nothing to learn", true);
                double lies = session.Outputs == 2 ? 0.7 : 0.5;
                if (share >= lies)
                    return (balance, string.Create(CultureInfo.InvariantCulture,
                        $"accuracy would lie: always answering {Name(majority)} scores {share * 100:F1}%; judge and gate on balanced_accuracy, f1_macro or recall per class"), false);
                if (missing.Length > 0) return (balance, $"classes {string.Join(", ", missing.Select(Name))} have no rows: the model cannot learn them", false);
                return (balance, null, false);
            }
            case LabelKind.MultiLabel:
            {
                double[] positive = labels.gt(HeldScalars.Half).to(float64).mean(new long[] { 0 }).cpu().data<double>().ToArray();
                string balance = "labels present in " + string.Join(", ", positive.Select((share, l) => string.Create(CultureInfo.InvariantCulture, $"{Name(l)} {share * 100:F1}%")));
                int[] rare = Enumerable.Range(0, positive.Length).Where(l => positive[l] < 0.1 || positive[l] > 0.9).ToArray();
                return rare.Length == 0 ? (balance, null, false)
                    : (balance, $"label-wise accuracy would lie: {string.Join(", ", rare.Select(Name))} {(rare.Length == 1 ? "is" : "are")} almost always absent or present, so a constant answer scores above 90%; judge on f1_samples or f1_macro", false);
            }
            default:
            {
                double deviation = labels.to(float64).std().item<double>(), mean = labels.to(float64).mean().item<double>();
                string balance = string.Create(CultureInfo.InvariantCulture, $"target mean {mean:G4}, standard deviation {deviation:G4}");
                return deviation > 0 ? (balance, null, false) : (balance, "the target is constant: there is nothing to learn, and R² is undefined", true);
            }
        }
    }

    private static string Picture<TRow>(DoctorSession session, IReadOnlyList<TRow> rows, string directory) where TRow : ITensorRow<TRow>
    {
        using Module<Tensor, Tensor> model = session.NewModel();
        using var order = session.Shuffled(5);
        int count = (int)Math.Min(16, session.Count);
        long[] picks = order.narrow(0, 0, count).cpu().data<long>().ToArray();
        TRow[] batch = picks.Select(index => rows[(int)index]).ToArray();
        string[] titles = picks.Select(index => $"row {index}: {LabelText(session, index)}").ToArray();
        return RowPictures.Draw(model, batch, titles, directory, "data-batch.png");
    }

    internal static string LabelText(DoctorSession session, long row)
    {
        using var scope = NewDisposeScope();
        Tensor label = session.Data.Labels[row];
        IReadOnlyList<string>? names = session.Options.ClassNames;
        string Name(long index) => names is not null && index < names.Count ? names[(int)index] : index.ToString(CultureInfo.InvariantCulture);
        return session.Kind switch
        {
            LabelKind.Class => Name(label.item<long>()),
            LabelKind.MultiLabel => string.Join("|", label.cpu().data<float>().ToArray().Select((value, l) => value > 0.5f ? Name(l) : null).OfType<string>()),
            _ => label.to(float64).item<double>().ToString("G4", CultureInfo.InvariantCulture),
        };
    }
}
