using System.Runtime.CompilerServices;

namespace MlDsl.Analyzers.Tests.Infrastructure;

internal static class Repository
{
    /// <summary>The repository root: the folder holding MlDsl.sln above this source file.</summary>
    public static string Root([CallerFilePath] string callerPath = "")
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "MlDsl.sln"))) return directory;
        throw new InvalidOperationException($"No MlDsl.sln above {callerPath}");
    }

    /// <summary>C# sources under a folder, without build output.</summary>
    public static IEnumerable<string> Sources(string relativeFolder) =>
        Directory.EnumerateFiles(Path.Combine(Root(), relativeFolder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
