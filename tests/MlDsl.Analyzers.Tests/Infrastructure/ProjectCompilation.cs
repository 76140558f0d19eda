extern alias generator;

using System.Reflection;
using System.Runtime.Loader;
using System.Xml.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;

namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compiles one of the repository's projects as its build does, offline: its sources, the SDK's
/// implicit usings and its own <c>&lt;Using&gt;</c> items, the MlDsl generator's output, its project
/// references compiled the same way, and every package assembly MlDsl and xunit bring (resolved from
/// this test's build output). Analyzers see every type resolved, so silence on it means something.
/// </summary>
internal static class ProjectCompilation
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    // The SDK's implicit usings for a plain (non-web) project.
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Dictionary<string, Compilation> Built = new(StringComparer.Ordinal);

    /// <summary>The project in <paramref name="relativeFolder"/> (one .csproj), generated sources included.</summary>
    public static Compilation Build(string relativeFolder)
    {
        string folder = Path.GetFullPath(Path.Combine(Repository.Root(), relativeFolder));
        lock (Built)
        {
            if (Built.TryGetValue(folder, out Compilation? done)) return done;
            string project = Directory.GetFiles(folder, "*.csproj").Single();
            XDocument xml = XDocument.Load(project);
            IEnumerable<string> Items(string kind) => xml.Descendants(kind)
                .Where(item => (string?)item.Attribute("ReferenceOutputAssembly") != "false")
                .Select(item => (string)item.Attribute("Include")!);

            string usings = ImplicitUsings + string.Concat(Items("Using").Select(name => $" global using {name};"));
            // Files linked in from outside the folder (<Compile Include="../Shared/..." />) compile with it, as in its build.
            IEnumerable<string> linked = Items("Compile").Select(include => Path.GetFullPath(Path.Combine(folder, include)));
            IEnumerable<SyntaxTree> trees = Repository.Sources(Path.GetRelativePath(Repository.Root(), folder)).Concat(linked)
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), Parse, path))
                .Append(CSharpSyntaxTree.ParseText(usings, Parse, "ImplicitUsings.g.cs"));

            string[] packages = Items("PackageReference").ToArray();
            var references = new List<MetadataReference>(PackageReferences(packages.Contains("xunit"), packages.Contains("FsCheck"), packages.Contains("Microsoft.ML.OnnxRuntime")));
            foreach (string reference in Items("ProjectReference"))
            {
                string referenced = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, reference)))!;
                // MlDsl itself comes from this build (PackageReferences); other projects are compiled here.
                if (Path.GetFileName(referenced) != "MlDsl") references.Add(Build(Path.GetRelativePath(Repository.Root(), referenced)).ToMetadataReference());
            }

            bool executable = xml.Descendants("OutputType").Any(type => type.Value == "Exe");
            var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(project), trees, references,
                new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable, specificDiagnosticOptions: References.UnificationNoticesOff));
            CSharpGeneratorDriver.Create(new[] { new MlDslGenerator().AsSourceGenerator() }, parseOptions: Parse)
                .RunGeneratorsAndUpdateCompilation(compilation, out Compilation generated, out _);
            return Built[folder] = generated;
        }
    }

    /// <summary>
    /// .NET 10's reference assemblies, then MlDsl and every assembly it references that .NET does not
    /// provide (TorchSharp, SkiaSharp, MathNet, ScottPlot, ...), and xunit's when the project uses it.
    /// </summary>
    private static IEnumerable<MetadataReference> PackageReferences(bool xunit, bool fsCheck, bool onnxRuntime)
    {
        var framework = new HashSet<string>(Net100.ReferenceInfos.All.Select(info => Path.GetFileNameWithoutExtension(info.FileName)), StringComparer.OrdinalIgnoreCase);
        var roots = new List<Assembly> { typeof(DatasetAttribute).Assembly };
        if (xunit) roots.AddRange(new[] { typeof(FactAttribute).Assembly, typeof(Assert).Assembly });
        if (fsCheck) roots.Add(typeof(FsCheck.Fluent.Gen).Assembly);
        if (onnxRuntime) roots.Add(typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly);

        var found = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>(roots);
        while (pending.TryPop(out Assembly? assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (AssemblyName name in assembly.GetReferencedAssemblies())
                if (!framework.Contains(name.Name!) && !found.ContainsKey(name.Name!))
                    pending.Push(AssemblyLoadContext.Default.LoadFromAssemblyName(name));
        }
        return Net100.References.All.Cast<MetadataReference>()
            .Concat(found.Values.Select(assembly => MetadataReference.CreateFromFile(assembly.Location)));
    }
}
