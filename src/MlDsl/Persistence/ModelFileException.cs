namespace MlDsl.Persistence;

/// <summary>
/// A model file that cannot be loaded into the model asked for: missing, of another model or shape,
/// damaged or malformed. The message names the file, the byte offset when one is at fault, and
/// what was expected against what was found.
/// </summary>
public sealed class ModelFileException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
