using MlDsl.Data.Transforms;
using MlDsl.Persistence;

namespace MlDsl.Deployment;

/// <summary>
/// Reads an artifact's JSON files from their verified bytes, strictly, and checks what JSON cannot
/// say: no null inside arrays and maps, names not empty, lengths that agree with one another and
/// with the manifest. Every problem is an <see cref="ArtifactException"/> naming the file and the member.
/// </summary>
internal static class ArtifactJson
{
    private const int MaxReferenceRows = 1_000_000;

    public static ArtifactManifest Manifest(byte[] json, string directory)
    {
        const string file = ArtifactFormat.Manifest;
        int? version = StrictJson.TopLevelInteger(json, nameof(ArtifactManifest.FormatVersion), directory, file);
        if (version is not { } known || !ArtifactFormat.ReadableVersions.Contains(known))
            throw new ArtifactException(directory, file, version is null
                ? $"has no integer FormatVersion; expected {ArtifactFormat.Version}"
                : $"format version {version}; this MlDsl reads versions {string.Join(" and ", ArtifactFormat.ReadableVersions)}");
        ArtifactManifest manifest = StrictJson.Parse<ArtifactManifest>(json, directory, file);
        ArtifactException Bad(string member, string problem) => new(directory, file, $"{member} {problem}");
        if (string.IsNullOrWhiteSpace(manifest.ModelName)) throw Bad("ModelName", "is empty; expected the generated model's name");
        if (string.IsNullOrWhiteSpace(manifest.RowType)) throw Bad("RowType", "is empty; expected the dataset row type's name");
        if (string.IsNullOrWhiteSpace(manifest.Label)) throw Bad("Label", "is empty; expected the label's name");
        if (manifest.Features.Length == 0) throw Bad("Features", "is empty; expected the name of every feature");
        if (Array.FindIndex(manifest.Features, string.IsNullOrEmpty) is var feature and >= 0) throw Bad($"Features[{feature}]", "is null or empty; expected a feature name");
        if (Array.IndexOf(manifest.ClassNames, null) is var name and >= 0) throw Bad($"ClassNames[{name}]", "is null; expected a class name");
        if (manifest.Settings.FirstOrDefault(pair => pair.Value is null) is { Key: { } setting }) throw Bad($"Settings.{setting}", "is null; expected text");
        if (manifest.Files.FirstOrDefault(pair => pair.Value is null) is { Key: { } entry }) throw Bad($"Files['{entry}']", "is null; expected a SHA-256 of 64 hex digits");
        if (manifest.FormatVersion < 3 && manifest.Files.ContainsKey(ArtifactFormat.AudioReference))
            throw Bad("Files", $"lists {ArtifactFormat.AudioReference}, which format version {manifest.FormatVersion} never holds");
        return manifest;
    }

    /// <summary>The clip summaries of the training waveforms: one column per summary name, all of one length (at least one clip), every value finite.</summary>
    public static AudioReference AudioReference(byte[] json, string directory)
    {
        const string file = ArtifactFormat.AudioReference;
        AudioReference saved = StrictJson.Parse<AudioReference>(json, directory, file);
        ArtifactException Bad(string problem) => new(directory, file, problem);
        if (saved.SampleRate <= 0) throw Bad($"SampleRate is {saved.SampleRate}; expected a positive rate in Hz");
        if (!saved.Features.SequenceEqual(MlDsl.Audio.Monitoring.ClipSummary.Names))
            throw Bad($"summarises [{Preview(saved.Features)}]; this MlDsl summarises clips as [{Preview(MlDsl.Audio.Monitoring.ClipSummary.Names)}]");
        if (saved.Columns.Length != saved.Features.Length) throw Bad($"holds {saved.Columns.Length} columns for {saved.Features.Length} Features; expected one per feature");
        for (int i = 0; i < saved.Columns.Length; i++)
        {
            if (saved.Columns[i] is null) throw Bad($"column {i} ({saved.Features[i]}) is null; expected numbers");
            if (saved.Columns[i].Length != saved.Columns[0].Length || saved.Columns[i].Length is 0 or > MaxReferenceRows)
                throw Bad($"column {i} ({saved.Features[i]}) holds {saved.Columns[i].Length} values; column 0 holds {saved.Columns[0].Length} (expected 1 to {MaxReferenceRows} values, one per reference clip)");
            if (Array.FindIndex(saved.Columns[i], value => !double.IsFinite(value)) is var bad and >= 0)
                throw Bad($"column {i} ({saved.Features[i]}) value {bad} is not a finite number");
        }
        return saved;
    }

    /// <summary>The artifact's imputer, from its verified bytes.</summary>
    public static MlDsl.Data.Imputation.Imputer Imputer(byte[] json, string directory)
    {
        try
        {
            return MlDsl.Data.Imputation.Imputer.FromJson(json, ArtifactFormat.Imputer);
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException(directory, ArtifactFormat.Imputer, error.Message);
        }
    }

    /// <summary>The artifact's feature selection, from its verified bytes.</summary>
    public static MlDsl.Data.Selection.SelectKBest Selection(byte[] json, string directory)
    {
        try
        {
            return MlDsl.Data.Selection.SelectKBest.FromJson(json, ArtifactFormat.Selection);
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException(directory, ArtifactFormat.Selection, error.Message);
        }
    }

    /// <summary>The artifact's target encodings (one per encoded column, in the order they apply), from their verified bytes.</summary>
    public static IReadOnlyList<MlDsl.Data.Encoding.SavedTargetEncoding> TargetEncodings(byte[] json, string directory)
    {
        try
        {
            return MlDsl.Data.Encoding.TargetEncodingFile.Parse(json, ArtifactFormat.TargetEncoding);
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException(directory, ArtifactFormat.TargetEncoding, error.Message);
        }
    }

    /// <summary>The artifact's tokenizer, from its verified bytes.</summary>
    public static MlDsl.Data.Text.Tokenizer Tokenizer(byte[] json, string directory)
    {
        try
        {
            return MlDsl.Data.Text.Tokenizer.FromJson(json, ArtifactFormat.Tokenizer);
        }
        catch (InvalidDataException error)
        {
            throw new ArtifactException(directory, ArtifactFormat.Tokenizer, error.Message);
        }
    }

    public static AffineTransform Transform(byte[] json, string directory, ArtifactManifest manifest)
    {
        const string file = ArtifactFormat.Transform;
        SavedTransform saved = StrictJson.Parse<SavedTransform>(json, directory, file);
        if (saved.Features.Length != saved.Shift.Length || saved.Features.Length != saved.Scale.Length)
            throw new ArtifactException(directory, file, $"has {saved.Features.Length} Features but {saved.Shift.Length} Shift and {saved.Scale.Length} Scale values; expected one of each per feature");
        if (!saved.Features.SequenceEqual(manifest.Features))
            throw new ArtifactException(directory, file, $"was fitted on {saved.Features.Length} features [{Preview(saved.Features)}]; {ArtifactFormat.Manifest} lists {manifest.Features.Length} [{Preview(manifest.Features)}]");
        int bad = Array.FindIndex(saved.Shift, value => !float.IsFinite(value));
        if (bad < 0) bad = Array.FindIndex(saved.Scale, value => !float.IsFinite(value));
        if (bad >= 0) throw new ArtifactException(directory, file, $"feature {bad} has a value that is not finite");
        return AffineTransform.Create(saved.Kind, saved.Features, saved.Shift, saved.Scale)
            ?? throw new ArtifactException(directory, file, $"Kind is '{saved.Kind}'; expected one of {string.Join(", ", AffineTransform.Kinds)}");
    }

    /// <summary>The training reference: per monitored feature, the same number of values (at least one), every one finite.</summary>
    public static double[][] Reference(byte[] json, string directory, ArtifactManifest manifest)
    {
        const string file = ArtifactFormat.Reference;
        double[][] columns = StrictJson.Parse<double[][]>(json, directory, file);
        int expected = ModelArtifact.MonitoredIndices(manifest.Features.Length).Length;
        if (columns.Length != expected)
            throw new ArtifactException(directory, file, $"holds {columns.Length} columns; expected {expected}, one per monitored feature of the {manifest.Features.Length} in {ArtifactFormat.Manifest}");
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null) throw new ArtifactException(directory, file, $"column {i} is null; expected numbers");
            if (columns[i].Length != columns[0].Length || columns[i].Length is 0 or > MaxReferenceRows)
                throw new ArtifactException(directory, file, $"column {i} holds {columns[i].Length} values; column 0 holds {columns[0].Length} (expected 1 to {MaxReferenceRows} values, one per reference row)");
            // JSON cannot write NaN, so export never writes a missing value; 1e999 reads as +infinity without a word.
            if (Array.FindIndex(columns[i], value => !double.IsFinite(value)) is var bad and >= 0)
                throw new ArtifactException(directory, file, $"column {i} value {bad} is not a finite number (beyond double range); expected the training value");
        }
        return columns;
    }

    private static string Preview(IReadOnlyList<string> names) => string.Join(", ", names.Take(4)) + (names.Count > 4 ? ", ..." : "");

    // The JSON AffineTransform.Save writes.
    private sealed record SavedTransform(string Kind, string[] Features, float[] Shift, float[] Scale);
}
