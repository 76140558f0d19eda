namespace MlDsl.Persistence;

/// <summary>
/// Reads a whole input file (an audio clip, an image) for a parser, turning .NET's errors — which name neither the file nor
/// what was expected, and report a folder as "access denied" — into the parser's own exception naming the file.
/// </summary>
internal static class InputFile
{
    /// <param name="path">The file to read.</param>
    /// <param name="expected">What the file should be, for the message (<c>"a WAV file"</c>).</param>
    /// <param name="refuse">Makes the parser's exception from the path and the problem.</param>
    public static byte[] ReadAllBytes(string path, string expected, Func<string, string, Exception> refuse)
    {
        if (Directory.Exists(path)) throw refuse(path, $"is a folder; expected {expected}");
        if (FileKind.OtherThanFile(path) is { } kind) throw refuse(path, $"is {kind}, not a regular file; expected {expected}");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw refuse(path, $"no such file; expected {expected}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw refuse(path, $"cannot be read ({error.Message}); expected a readable {expected.Substring(expected.IndexOf(' ') + 1)}");
        }
    }
}
