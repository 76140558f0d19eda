using System.Runtime.CompilerServices;

namespace MlDsl.Tests;

internal static class Infrastructure
{
    /// <summary>The folder holding MlDsl.sln above this source file.</summary>
    public static string RepositoryRoot([CallerFilePath] string callerPath = "")
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "MlDsl.sln"))) return directory;
        throw new InvalidOperationException($"No MlDsl.sln above {callerPath}");
    }
}
