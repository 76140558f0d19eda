using Microsoft.CodeAnalysis;
using MlDsl.Declarations.Diagnostics;
using MlDsl.Generators.Tests.Infrastructure;

namespace MlDsl.Generators.Tests;

/// <summary>
/// Every legal way to declare a dataset, model and pipeline gets generated code that compiles, or an
/// MLDSL0030 error from the generator and no code for that type: never generated code with errors.
/// </summary>
public sealed class DeclarationFormTests
{
    private const string Usings = "using System.Collections.Generic;\nusing MlDsl;\n\n";

    /// <summary>A dataset, a model over it and a pipeline training it, with the given declaration heads.</summary>
    private static string Types(
        string dataset = "public sealed partial record Digit",
        string model = "public sealed partial class Net",
        string pipeline = "public sealed partial class Flow") => $$"""
        [Dataset]
        {{dataset}}
        {
            [Feature, Shape(4)] public required float[] Pixels { get; init; }
            [Label(Classes = 3)] public required int Value { get; init; }
        }

        [Model(typeof(Digit))]
        {{model}}
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(3)] Layer output;
        }

        [Pipeline(typeof(Net))]
        [Split(Validation = 0.2, Test = 0.2, Seed = 1)]
        {{pipeline}}
        {
            [Ingest] private static IReadOnlyList<Digit> Load() => new List<Digit>();
        }

        """;

    private static string In(string head, string body) => $"{head}\n{{\n{body}}}\n";

    private static string Closed(string types, string container) => types
        .Replace("typeof(Digit)", $"typeof({container}.Digit)").Replace("typeof(Net)", $"typeof({container}.Net)").Replace("<Digit>", $"<{container}.Digit>");

    public static TheoryData<string, string> Accepted => new()
    {
        { "file-scoped namespace", Usings + "namespace Shop;\n\n" + Types() },
        { "block namespace", Usings + In("namespace Shop.Floor", Types()) },
        { "global namespace", Usings + Types() },
        { "nested in a class", Usings + "namespace Shop;\n" + In("public partial class Outer", Types()) },
        { "nested in a struct", Usings + "namespace Shop;\n" + In("public partial struct Outer", Types()) },
        { "nested in a readonly struct", Usings + "namespace Shop;\n" + In("public readonly partial struct Outer", Types()) },
        { "nested in a record", Usings + "namespace Shop;\n" + In("public partial record Outer", Types()) },
        { "nested in a record struct", Usings + "namespace Shop;\n" + In("public partial record struct Outer", Types()) },
        { "nested in a static class", Usings + "namespace Shop;\n" + In("public static partial class Outer", Types()) },
        { "nested in an interface", Usings + "namespace Shop;\n" + In("public partial interface IOuter", Types()) },
        { "nested three levels", Usings + "namespace Shop;\n" + In("public partial class A", In("internal partial struct B", In("private partial record C", Types(
            "internal sealed partial record Digit", "internal sealed partial class Net", "internal sealed partial class Flow")))) },
        // An attribute cannot name a type through its container's type parameters, so these name a constructed container.
        { "nested in a generic class", Usings + "namespace Shop;\n" + In("public partial class Outer<T> where T : class, new()", Closed(Types(), "Outer<object>")) },
        { "nested in generic classes two deep", Usings + In("public partial class Outer<TKey, TValue>", In("public partial class Inner<T>", Closed(Types(), "Outer<int, string>.Inner<bool>"))) },
        { "same names nested in two classes", Usings + "namespace Shop;\n" + In("public partial class Left", Types()) + In("public partial class Right", Types()) },
        { "record class, not sealed", Usings + "namespace Shop;\n" + Types("public partial record class Digit", "public partial class Net", "public partial class Flow") },
        { "internal types", Usings + "namespace Shop;\n" + Types("internal sealed partial record Digit", "internal sealed partial class Net", "internal sealed partial class Flow") },
        { "types without access modifiers", Usings + "namespace Shop;\n" + Types("sealed partial record Digit", "sealed partial class Net", "static partial class Flow") },
        { "private nested types", Usings + "namespace Shop;\n" + In("public partial class Outer", Types(
            "private sealed partial record Digit", "private sealed partial class Net", "private sealed partial class Flow")) },
        { "protected nested types", Usings + "namespace Shop;\n" + In("public partial class Outer", Types(
            "protected sealed partial record Digit", "protected sealed partial class Net", "protected sealed partial class Flow")) },
        { "protected internal and private protected", Usings + "namespace Shop;\n" + In("public partial class Outer", Types(
            "protected internal sealed partial record Digit", "private protected sealed partial class Net", "private sealed partial class Flow")) },
        { "a row nested in one class, model and pipeline in another", Usings + "namespace Shop;\n" + In("public partial class Rows", Types().Split("[Model(")[0])
            + In("public partial class Training", "[Model(" + Types().Split("[Model(")[1].Replace("Digit", "Rows.Digit")) },
        { "a struct row", Usings + "namespace Shop;\n" + Types(dataset: "public partial struct Digit") },
        { "a record struct row", Usings + "namespace Shop;\n" + Types(dataset: "public readonly partial record struct Digit") },
        { "a class row", Usings + "namespace Shop;\n" + Types(dataset: "public partial class Digit") },
        { "a positional record row", Usings + "namespace Shop;\n" + Types().Replace("""
            public sealed partial record Digit
            {
                [Feature, Shape(4)] public required float[] Pixels { get; init; }
                [Label(Classes = 3)] public required int Value { get; init; }
            }
            """, "public sealed partial record Digit([property: Feature, Shape(4)] float[] Pixels, [property: Label(Classes = 3)] int Value);") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Every_legal_declaration_form_gets_code_that_compiles_without_errors(string form, string source)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(source);

        Assert.Empty(result.Diagnostics);
        string[] hints = result.Results.Single().GeneratedSources.Select(generated => generated.HintName).ToArray();
        Assert.True(hints.Count(hint => hint.EndsWith("Net.Model.g.cs", StringComparison.Ordinal)) >= 1, form + ": " + string.Join(", ", hints));
        Assert.Contains(hints, hint => hint.EndsWith("Flow.Pipeline.g.cs", StringComparison.Ordinal));
        string[] errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(error => error.ToString()).ToArray();
        Assert.True(errors.Length == 0, form + ":\n" + string.Join("\n", errors));
        // A working model, not the throwing surface of a broken one.
        Assert.All(result.Results.Single().GeneratedSources.Where(generated => generated.HintName.EndsWith("Model.g.cs", StringComparison.Ordinal)),
            generated => Assert.Contains("RegisterComponents();", generated.SourceText.ToString()));
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "a model that is not partial", Types(model: "public sealed class Net"), "Net", "must be declared partial" },
        { "a container that is not partial", In("public class Outer", Types()), "Net", "'Outer' must be declared partial" },
        { "a generic model", Types(model: "public sealed partial class Net<T>").Replace("typeof(Net)", "typeof(Net<int>)"), "Net", "is generic" },
        { "a file-local model", Types(model: "file sealed partial class Net", pipeline: "file sealed partial class Flow"), "Net", "file-local" },
        { "a record model", Types(model: "public sealed partial record Net"), "Net", "must be a class" },
        { "an abstract model", Types(model: "public abstract partial class Net"), "Net", "cannot be abstract" },
        { "a model with a base class", Types(model: "public partial class Net : System.Random"), "Net", "derives from 'System.Random'" },
        { "a public model over an internal row", Types(dataset: "internal sealed partial record Digit", pipeline: "internal sealed partial class Flow"), "Net",
            "'Net' is public but its dataset 'Digit' is internal" },
        { "a public pipeline over an internal model", Types(model: "internal sealed partial class Net"), "Flow", "'Flow' is public but its model 'Net' is internal" },
        { "a row that is not partial", Types(dataset: "public sealed record Digit"), "Digit", "[Dataset] 'Digit' must be declared partial" },
        { "a generic row", Types(dataset: "public sealed partial record Digit<T>").Replace("typeof(Digit)", "typeof(Digit<int>)").Replace("<Digit>", "<Digit<int>>"), "Digit", "is generic" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_declaration_the_generator_cannot_extend_gets_MLDSL0030_from_the_generator_and_no_code(string form, string types, string type, string message)
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(Usings + "namespace Shop;\n\n" + types);

        Assert.All(result.Diagnostics, diagnostic => Assert.Equal(DiagnosticDescriptors.CannotExtendDeclaration.Id, diagnostic.Id));
        Diagnostic refusal = Assert.Single(result.Diagnostics, diagnostic =>
            diagnostic.GetMessage().Contains(message, StringComparison.Ordinal) && diagnostic.GetMessage().Contains($"'{type}'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Error, refusal.Severity);
        Assert.Equal("File0.cs", refusal.Location.GetLineSpan().Path);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, generated => generated.HintName.EndsWith($".{type}.Model.g.cs", StringComparison.Ordinal)
            || generated.HintName.EndsWith($".{type}.Pipeline.g.cs", StringComparison.Ordinal) || generated.HintName.EndsWith($".{type}.Dataset.g.cs", StringComparison.Ordinal));
        // The generated code of the other types still compiles: the only errors are the compiler's own about the user's declaration, if any.
        string[] errors = output.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Location.SourceTree?.FilePath != "File0.cs")
            .Select(error => error.ToString()).ToArray();
        Assert.True(errors.Length == 0, form + ":\n" + string.Join("\n", errors));
    }
}
