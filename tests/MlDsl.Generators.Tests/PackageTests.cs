using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace MlDsl.Generators.Tests;

/// <summary>
/// The MlDsl package as a user gets it: packed into a local folder, referenced by a project outside the repository
/// that names only the package and a libtorch (as the README's install section says), whose build shows an MLDSL
/// diagnostic for a seeded mistake and, without it, trains. A broken package fails here, not on users' machines.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mldsl-package").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // best effort: a build server may still hold a file
    }

    private const string Program = """
        using MlDsl;
        using MlDsl.Training;

        var rows = Enumerable.Range(0, 96).Select(i => new Point
        {
            Values = [i % 3 == 0 ? 1f : 0f, i % 3 == 1 ? 1f : 0f, i % 3 == 2 ? 1f : 0f, (i * 7 % 10) / 10f],
            Cluster = i % 3,
        }).ToArray();
        using var model = new PointNet(seed: 1);
        FitReport report = model.Fit(rows, rows, new FitOptions { Epochs = 30, BatchSize = 16, LearningRate = 1e-2, Verbose = 0 });
        Console.WriteLine($"trained {report.Epochs.Count} epochs, accuracy {model.Evaluate(rows).Accuracy:F2}");

        [Dataset]
        public sealed partial record Point
        {
            [Feature, Shape(4)] public required float[] Values { get; init; }
            [Label(Classes = 3)] public required int Cluster { get; init; }
        }

        [Model(typeof(Point))]
        public sealed partial class PointNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }
        """;

    // The seeded mistake: a Linear on a (C, H, W) map with no Flatten (MLDSL0003).
    private const string Mistake = """
        using MlDsl;

        [Dataset]
        public sealed partial record Tile
        {
            [Feature, Shape(1, 6, 6)] public required float[] Pixels { get; init; }
            [Label(Classes = 2)] public required int Kind { get; init; }
        }

        [Model(typeof(Tile))]
        public sealed partial class TileNet
        {
            [Conv2d(4, Kernel = 3), Relu] Layer conv;
            [Linear(2)] Layer output;
        }
        """;

    [Fact]
    public void A_project_referencing_only_the_package_sees_the_MLDSL_diagnostic_and_trains()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test restores the Linux libtorch");
        string packages = Path.Combine(folder, "packages");
        // A version of its own: NuGet's cache never hands this test an older package of the same number.
        string version = "0.0.1-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        (int packExit, string packOutput) = Dotnet(RepositoryRoot(), "pack", Path.Combine(RepositoryRoot(), "src", "MlDsl", "MlDsl.csproj"), "-c", "Release", "-o", packages, $"-p:Version={version}");
        Assert.True(packExit == 0, packOutput);

        string package = Path.Combine(packages, $"MlDsl.{version}.nupkg");
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            string[] entries = archive.Entries.Select(entry => entry.FullName).ToArray();
            Assert.Contains("README.md", entries);
            Assert.Contains("analyzers/dotnet/cs/MlDsl.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/MlDsl.Generators.dll", entries);
            Assert.Contains("buildTransitive/MlDsl.targets", entries);
            XDocument nuspec = XDocument.Load(archive.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            XNamespace ns = nuspec.Root!.Name.Namespace;
            XElement metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal(version, metadata.Element(ns + "version")!.Value);
            Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.Contains("torchsharp", metadata.Element(ns + "tags")!.Value);
            string[] dependencies = metadata.Descendants(ns + "dependency").Select(dependency => dependency.Attribute("id")!.Value).ToArray();
            Assert.Contains("TorchSharp", dependencies);
            // Nothing of the packing machine's OS: no libtorch at all (the user picks one), Skia's Linux assets beside SkiaSharp's own for Windows and macOS.
            Assert.DoesNotContain(dependencies, id => id.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("SkiaSharp.NativeAssets.Linux.NoDependencies", dependencies);
        }

        string project = Path.Combine(folder, "consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);NU1603;CS0169</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MlDsl" Version="{version}" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="2.10.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Mistake.cs"), Mistake);

        (int mistakeExit, string mistakeOutput) = Dotnet(project, "build", "Consumer.csproj", "-c", "Debug");
        File.Delete(Path.Combine(project, "Mistake.cs"));
        (int buildExit, string buildOutput) = Dotnet(project, "build", "Consumer.csproj", "-c", "Debug");
        (int runExit, string runOutput) = Dotnet(project, Path.Combine(project, "bin", "Debug", "net10.0", "Consumer.dll"));

        Assert.NotEqual(0, mistakeExit);
        Assert.Matches(@"Mistake\.cs\(\d+,\d+\): error MLDSL0003", mistakeOutput);
        Assert.True(buildExit == 0, buildOutput);
        Assert.True(runExit == 0, runOutput);
        Assert.Matches(@"trained 30 epochs, accuracy (0\.9\d|1\.00)", runOutput);
    }

    private static (int Exit, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (arguments[0] is "build" or "pack")
            foreach (string flag in new[] { "-nodeReuse:false", "-nologo" }) start.ArgumentList.Add(flag);
        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took over 4 minutes");
        }
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static string RepositoryRoot([CallerFilePath] string callerPath = "")
    {
        for (string? directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
            if (File.Exists(Path.Combine(directory, "MlDsl.sln"))) return directory;
        throw new InvalidOperationException($"No MlDsl.sln above {callerPath}");
    }
}
