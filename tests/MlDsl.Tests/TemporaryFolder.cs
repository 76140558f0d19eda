namespace MlDsl.Tests;

/// <summary>A test class's own temporary folder, deleted with everything in it when the test ends.</summary>
public abstract class TemporaryFolder(string prefix) : IDisposable
{
    protected string Root { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
