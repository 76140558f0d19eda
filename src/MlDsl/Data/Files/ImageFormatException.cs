namespace MlDsl.Data.Files;

/// <summary>An image file MlDsl cannot read; the message names the file and what went wrong.</summary>
public sealed class ImageFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
