namespace MlDsl.Audio;

/// <summary>A sound file MlDsl cannot read; the message names the file and what was found.</summary>
public sealed class AudioFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
}
