using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlDsl.Data.Steps;

/// <summary>
/// Saves a fitted step's state as JSON (written to a temporary file and renamed, so a crash never
/// leaves half a file) and reads it back, turning a damaged or foreign file into one clear error.
/// </summary>
internal static class StepFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Scores and p-values can be NaN (a constant feature); JSON has no NaN, so it is written "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A member written twice is a hand-edited or spliced file: by default the last one would silently win.
        AllowDuplicateProperties = false,
    };

    /// <summary>Writes <paramref name="state"/> to <paramref name="path"/> as JSON; <paramref name="step"/> names what the file holds in errors (<c>Imputer</c>, <c>transform</c>).</summary>
    /// <exception cref="InvalidDataException">A folder has the file's name, or a file has its folder's (the message names the path and what was expected); no temporary file is left behind.</exception>
    /// <exception cref="IOException">The file cannot be written otherwise (a full disk); no temporary file is left behind.</exception>
    public static void Save<TState>(string path, string step, TState state) => Write(path, step, Serialize(state));

    /// <summary>Writes <paramref name="bytes"/> as a saved <paramref name="step"/>, as <see cref="Save{TState}"/> does.</summary>
    /// <exception cref="InvalidDataException">As for <see cref="Save{TState}"/>.</exception>
    public static void Write(string path, string step, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            MlDsl.Persistence.AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (MlDsl.Persistence.OutputPathException error)
        {
            // The error the step's Load gives for the same folder, so the command line reports it as bad input (exit 1).
            throw new InvalidDataException($"{path}: {error.Problem}; expected a file name to save the {step} to", error);
        }
    }

    /// <summary>The state as the JSON bytes <see cref="Save{TState}"/> writes, for a file inside an artifact.</summary>
    public static byte[] Serialize<TState>(TState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <exception cref="InvalidDataException">The file is not valid JSON of this step, or <paramref name="check"/> finds it inconsistent.</exception>
    public static TState Load<TState>(string path, string step, Func<TState, string?> check) where TState : class =>
        Parse(Read(path, step), path, step, check);

    /// <summary>The saved file's bytes.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/> (naming it and the step).</exception>
    /// <exception cref="InvalidDataException"><paramref name="path"/> is a folder: .NET would say "access denied", which sends the user after permissions.</exception>
    public static byte[] Read(string path, string step)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder; expected a saved {step} file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file; expected a saved {step}", path);
        if (MlDsl.Persistence.FileKind.OtherThanFile(path) is { } kind) throw new InvalidDataException($"{path}: is {kind}, not a regular file; expected a saved {step} file");
        return File.ReadAllBytes(path);
    }

    /// <summary>The state in <paramref name="json"/>, named <paramref name="path"/> in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not valid JSON of this step, or <paramref name="check"/> finds it inconsistent.</exception>
    public static TState Parse<TState>(byte[] json, string path, string step, Func<TState, string?> check) where TState : class
    {
        TState? state;
        try
        {
            state = JsonSerializer.Deserialize<TState>(json, Options);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: not a saved {step} ({error.Message})", error);
        }
        if (state is null) throw new InvalidDataException($"{path}: not a saved {step} (empty)");
        if (check(state) is { } problem) throw new InvalidDataException($"{path}: saved {step} is inconsistent: {problem}");
        return state;
    }
}
