using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MlDsl.Generators.Tests.Infrastructure;

/// <summary>
/// A small project in a temporary folder that references MlDsl, its generator and its analyzers as the
/// examples do, built with the real <c>dotnet build</c> so tests see exactly what a user's build prints.
/// The referenced projects are not rebuilt: the test run has built them already.
/// </summary>
internal sealed class ProbeProject : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mldsl-probe-" + Guid.NewGuid().ToString("N")[..8]);

    public ProbeProject(IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(Folder);
        string root = RepositoryRoot();
        File.WriteAllText(Path.Combine(Folder, "Probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Using Include="MlDsl" />
                <ProjectReference Include="{root}/src/MlDsl/MlDsl.csproj" />
                <ProjectReference Include="{root}/src/MlDsl.Generators/MlDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{root}/analyzers/MlDsl.Analyzers/MlDsl.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        foreach ((string name, string text) in files) File.WriteAllText(Path.Combine(Folder, name), text);
    }

    /// <summary>Runs <c>dotnet build</c> in the configuration this test assembly was built in; returns its exit code and output.</summary>
    public (int Exit, string Output) Build()
    {
        string configuration = typeof(ProbeProject).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "build", "Probe.csproj", "-c", configuration, "-p:BuildProjectReferences=false", "-nodeReuse:false", "-nologo", "-clp:NoSummary" })
            start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using Process build = Process.Start(start)!;
        Task<string> output = build.StandardOutput.ReadToEndAsync(), errors = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            build.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of the probe project took over 5 minutes");
        }
        return (build.ExitCode, output.Result + errors.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { } // best effort: a build server may still hold a file
    }

    private static string RepositoryRoot([CallerFilePath] string callerPath = "")
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "MlDsl.sln"))) return directory;
        throw new InvalidOperationException($"No MlDsl.sln above {callerPath}");
    }
}
