using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// No Scalar MlDsl makes is left to the finalizer while libtorch may still read it (see
/// <see cref="UndisposedScalars"/>): neither in the runtime library's source nor in the code the generator emits.
/// Lives here because this project holds Roslyn and the runtime's references.
/// </summary>
public class ScalarLifetimeTests
{
    // Files the project compiles from other folders (<Compile Include="../MlDsl.Serving/…" Link=…/>): the serving rules shared with MlDsl.Serving.
    private static IEnumerable<string> LinkedSources(string project) =>
        System.Xml.Linq.XDocument.Load(project).Descendants("Compile")
            .Select(item => (string?)item.Attribute("Include"))
            .Where(include => include is not null && include.StartsWith("../", StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include!)));

    [Fact]
    public void The_runtime_library_leaves_no_scalar_to_the_finalizer()
    {
        string root = RepositoryRoot();
        var trees = Directory.EnumerateFiles(Path.Combine(root, "src", "MlDsl"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsUnder(path, "bin") && !IsUnder(path, "obj") && !IsUnder(path, "build"))
            .Concat(LinkedSources(Path.Combine(root, "src", "MlDsl", "MlDsl.csproj")))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorHarness.ParseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, "ImplicitUsings.cs"))
            .ToList();
        var compilation = CSharpCompilation.Create("MlDsl", trees, RuntimeReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        // Bound well enough to judge: the only errors allowed are the regex source generator's missing halves.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795"));

        var findings = trees.SelectMany(tree => Findings(compilation.GetSemanticModel(tree), root)).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Generated_models_leave_no_scalar_to_the_finalizer()
    {
        var (_, output) = GeneratorHarness.Run(Sources.Digit, Sources.DigitCnn, Sources.DenseDigitNet, Sources.DenseBlocks,
            Sources.ResidualBlock, Sources.ResidualNet, Sources.SmallImages);
        var generated = output.SyntaxTrees.Where(tree => tree.FilePath.Contains("MlDsl.Generators", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(generated);

        var findings = generated.SelectMany(tree => Findings(output.GetSemanticModel(tree), "")).ToList();

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void The_finder_sees_scalars_torchsharp_leaves_to_the_finalizer()
    {
        // The shapes of the sites this guards against: a number where a Scalar is wanted, an operator with a number,
        // a TorchSharp call that makes one inside, and a tensor sum (add's implicit alpha of 1).
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;
            static class Sites
            {
                static Tensor Number(Tensor x) => x.div(2.0);
                static Tensor Operator(Tensor x) => x * 2;
                static Tensor Inside(Tensor x) => nn.functional.leaky_relu(x, 0.1);
                static Tensor Sum(Tensor x, Tensor y) => x + y;
                static Tensor Refused(Tensor x) { using Scalar ten = 10.0.ToScalar(); return pow(ten, x); }
                static Tensor Held(Tensor x) { using Scalar two = 2.0.ToScalar(); return x.div(two).add(x, alpha: two); }
            }
            """;
        var compilation = GeneratorHarness.Compilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        SyntaxTree tree = compilation.SyntaxTrees.Single();

        var lines = Findings(compilation.GetSemanticModel(tree), "").Select(finding => finding.Split(':')[1]).ToList();

        Assert.Equal(["5", "6", "7", "8", "9"], lines);
    }

    private const string ImplicitUsings = "global using System; global using System.IO; global using System.Collections.Generic; global using System.Linq; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static IEnumerable<string> Findings(SemanticModel model, string root)
    {
        // Every operation of every body: the roots the semantic model gives, walked down (implicit conversions have
        // no syntax of their own, so only the tree reaches them).
        var operations = model.SyntaxTree.GetRoot().DescendantNodes()
            .Select(node => model.GetOperation(node)).OfType<IOperation>()
            .Where(operation => operation.Parent is null)
            .SelectMany(root => root.DescendantsAndSelf()).Distinct();
        foreach (IOperation operation in operations)
        {
            string? why = operation switch
            {
                // TorchSharp declares this conversion only to throw "Should not be called" when it runs.
                IConversionOperation { OperatorMethod: { ContainingType.Name: "Tensor", Parameters: [{ Type.Name: "Scalar" }] } }
                    => "a Scalar converted to a Tensor, which TorchSharp refuses at run time",
                IConversionOperation { OperatorMethod: { ContainingType.Name: "Scalar" } } conversion when !IsUsingDeclared(conversion)
                    => $"a {conversion.Operand.Type} passed as a Scalar nothing holds",
                IInvocationOperation invocation when LeavesScalar(invocation.TargetMethod) => $"{invocation.TargetMethod.Name} makes a Scalar it leaves to the finalizer",
                IBinaryOperation { OperatorMethod: { } method } when LeavesScalar(method) => $"operator {method.Name} makes a Scalar it leaves to the finalizer",
                ICompoundAssignmentOperation { OperatorMethod: { } method } when LeavesScalar(method) => $"operator {method.Name} makes a Scalar it leaves to the finalizer",
                IUnaryOperation { OperatorMethod: { } method } when LeavesScalar(method) => $"operator {method.Name} makes a Scalar it leaves to the finalizer",
                _ => null,
            };
            if (why is null) continue;
            var line = operation.Syntax.GetLocation().GetLineSpan();
            string path = root.Length > 0 ? Path.GetRelativePath(root, line.Path) : line.Path;
            yield return $"{path}:{line.StartLinePosition.Line + 1}: {why}: {operation.Syntax}";
        }
    }

    private static bool IsUsingDeclared(IConversionOperation conversion) =>
        conversion.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }
        && group.Parent is IUsingDeclarationOperation or IUsingOperation;

    private static readonly Lazy<HashSet<string>> LeavingKeys = new(() => UndisposedScalars.All.Select(Key).ToHashSet());

    private static bool LeavesScalar(IMethodSymbol method) =>
        method.ContainingAssembly?.Name == "TorchSharp" && LeavingKeys.Value.Contains(Key(method.OriginalDefinition));

    private static string Key(MethodBase method) =>
        $"{method.DeclaringType?.FullName}::{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static string Key(IMethodSymbol method) =>
        $"{MetadataName(method.ContainingType)}::{(method.MethodKind == MethodKind.Constructor ? ".ctor" : method.MetadataName)}({string.Join(",", method.Parameters.Select(p => ParameterName(p)))})";

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataName(outer) + "+" + type.MetadataName : $"{type.ContainingNamespace.ToDisplayString()}.{type.MetadataName}";

    private static string ParameterName(IParameterSymbol parameter)
    {
        string name = TypeName(parameter.Type);
        return parameter.RefKind == RefKind.None ? name : name + "&";
    }

    private static string TypeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => TypeName(array.ElementType) + "[]",
        IPointerTypeSymbol pointer => TypeName(pointer.PointedAtType) + "*",
        _ => type.MetadataName,
    };

    private static IEnumerable<MetadataReference> RuntimeReferences()
    {
        // The runtime's own dependencies, as this test project's output folder holds them (MlDsl references them all).
        string[] notTheRuntimes = ["MlDsl", "Microsoft.CodeAnalysis", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "xunit", "testhost", "Basic."];
        return Net100.References.All.Cast<MetadataReference>().Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => !notTheRuntimes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Select(path => MetadataReference.CreateFromFile(path)));
    }

    private static bool IsUnder(string path, string folder) => path.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MlDsl.sln")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("No MlDsl.sln above " + AppContext.BaseDirectory);
    }
}
