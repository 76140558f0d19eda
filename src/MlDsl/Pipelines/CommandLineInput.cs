using System.Globalization;
using MlDsl.Data;
using MlDsl.Data.Splits;

namespace MlDsl.Pipelines;

/// <summary>Something the command line was given that cannot be used; printed as one line, exit code 1.</summary>
public sealed class CommandLineInputException(string message) : Exception(message);

/// <summary>
/// Checks the pipeline command line makes on rows before training, analysis or libtorch see them, so
/// an empty file, too few rows to split or a bad label is one line naming the source and row.
/// </summary>
internal static class CommandLineInput
{
    /// <summary>The rows, unless there are none. <c>source</c> is the file (--data) or "the pipeline's [Ingest] rows", for messages.</summary>
    public static IReadOnlyList<TRow> NotEmpty<TRow>(IReadOnlyList<TRow> rows, string source) where TRow : IDatasetRow<TRow> =>
        rows.Count > 0 ? rows
            : throw new CommandLineInputException($"{source}: no rows; expected {typeof(TRow).Name} rows ({TRow.FeatureLength} feature values{(TRow.LabelName.Length > 0 ? $" and the label {TRow.LabelName}" : "")} each)");

    /// <summary>Every row's label is one the model can be trained and judged on (a class index in range, a finite number).</summary>
    public static IReadOnlyList<TRow> Labelled<TRow>(IReadOnlyList<TRow> rows, string source) where TRow : IDatasetRow<TRow>
    {
        float[] target = new float[Math.Max(1, TRow.ClassCount)];
        for (int i = 0; i < rows.Count; i++)
        {
            try
            {
                if (TRow.LabelKind == LabelKind.Class)
                {
                    TRow.ReadLabel(rows[i]);
                    continue;
                }
                TRow.WriteTarget(rows[i], target);
                if (TRow.LabelKind == LabelKind.Regression && !float.IsFinite(target[0]))
                    throw new RowDataException(typeof(TRow).Name, TRow.LabelName, "a finite number", target[0].ToString(CultureInfo.InvariantCulture));
            }
            catch (RowDataException problem)
            {
                throw new CommandLineInputException($"{source}, row {i + 1}: {problem.RowType}.{problem.Member} should be {problem.Expected} but is {problem.Found}");
            }
        }
        return rows;
    }

    /// <summary>The rows split as the pipeline will split them, every part the split asks for holding at least one row.</summary>
    public static DataSplit<TRow> Splittable<TRow>(IReadOnlyList<TRow> rows, SplitOptions options, string source) where TRow : IDatasetRow<TRow>
    {
        DataSplit<TRow> split;
        try
        {
            split = rows.Split(options);
        }
        catch (Exception problem) when (problem is ArgumentException or InvalidOperationException)
        {
            throw new CommandLineInputException($"{source}: the {rows.Count} rows cannot be split ({Describe(options)}): {problem.Message}");
        }
        bool wantsValidation = options.ValidationCount is { } validation ? validation > 0 : options.Validation > 0;
        bool wantsTest = options.TestCount is { } test ? test > 0 : options.Test > 0;
        if (split.Train.Count == 0 || wantsValidation && split.Validation.Count == 0 || wantsTest && split.Test.Count == 0)
            throw new CommandLineInputException($"{source}: {rows.Count} rows are too few for the split ({Describe(options)}): it gives {split.Train.Count} training, "
                + $"{split.Validation.Count} validation and {split.Test.Count} test rows; each part needs at least one row");
        return split;
    }

    /// <summary>
    /// The folder an <c>--out</c> option names, unless a file stands where it or one of its parent folders would be: creating it
    /// later, after the data was read or a model trained, would end in an IOException that names neither the option nor the fix.
    /// </summary>
    public static string OutputFolder(string path, string option)
    {
        // Path.GetFullPath("") throws an ArgumentException naming 'path', which reads as a bug (exit 70), not as the option.
        if (string.IsNullOrWhiteSpace(path))
            throw new CommandLineInputException($"{option}: an empty folder name; expected a folder path (made when missing)");
        for (string? at = Path.GetFullPath(path); !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (!File.Exists(at)) continue;
            throw new CommandLineInputException(at == Path.GetFullPath(path)
                ? $"{option} {path}: is a file; expected a folder (made when missing)"
                : $"{option} {path}: {at} is a file, so the folder cannot be made inside it; expected a folder path");
        }
        return path;
    }

    /// <summary>
    /// The file a <c>--data</c> option names, refused when empty: reading "" would fail as ": no such CSV file", naming neither
    /// the option nor what was expected. Null (the option not given) passes through.
    /// </summary>
    public static string? DataPath(string? path, string option)
    {
        if (path is not null && string.IsNullOrWhiteSpace(path))
            throw new CommandLineInputException($"{option}: an empty file name; expected a data file (CSV, or what the pipeline reads)");
        return path;
    }

    private static string Describe(SplitOptions options) =>
        $"{options.Kind}, validation {options.ValidationCount?.ToString(CultureInfo.InvariantCulture) ?? options.Validation.ToString(CultureInfo.InvariantCulture)}, "
        + $"test {options.TestCount?.ToString(CultureInfo.InvariantCulture) ?? options.Test.ToString(CultureInfo.InvariantCulture)}";
}
