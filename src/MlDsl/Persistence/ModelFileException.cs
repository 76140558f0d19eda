namespace MlDsl.Persistence;

/// <summary>A model file that cannot be loaded into the model asked for; the message names the file and the mismatch.</summary>
public sealed class ModelFileException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
