extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using MlDsl.Analyzers.Leakage;
using MlDsl.Analyzers.Tests.Infrastructure;
using MlDslGenerator = generator::MlDsl.Generators.MlDslGenerator;


namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set C: leaks of real notebooks restated as whole C# programs the way a C# developer
/// structures them (classes with fields set in a constructor, static fields, query syntax, stored lambdas, local
/// functions, tuples, out parameters, arrays and dictionaries of parts, iterators, generic and extension helpers,
/// switch expressions, async methods, loops that build lists, try/finally, records of parts, several classes), with
/// correct look-alikes in the same structures. Both leakage analyzers run, and the union of their leakage diagnostics
/// (MLDSL0016–0029) must be exactly the expected ids at the <c>{|#n:...|}</c> marks.
/// </summary>
public sealed partial class FreshLeakageCasesC
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Patient
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Patient))]
        public sealed partial class PatientNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float NeighbourPrice { get; init; }
            [Ignore] public string District { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Visit
        {
            [GroupKey] public int Subject { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Steps { get; init; }
            [Label(Classes = 2)] public int Fell { get; init; }
        }

        [Model(typeof(Visit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Sale
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float LastWeekUnits { get; init; }
            [Label] public float Units { get; init; }
        }

        [Model(typeof(Sale))]
        public sealed partial class SaleNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Tweet
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Tweet))]
        public sealed partial class TweetNet
        {
            [Embedding(1000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Scan
        {
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 3)] public int Kind { get; init; }
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(3)] Layer output;
        }

        /// <summary>A line of the clinic's export, before it becomes a row.</summary>
        public sealed record RawPatient(float Glucose, float Bmi, float Age, int Outcome);

        """;



    /// <summary>A script class around <paramref name="body"/>, with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Rows;

    /// <summary>Declarations only (rows of one's own), with the usings.</summary>
    private static string Declarations(string types) => Usings + types;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);

    /// <summary>A whole program of several types (no script class), with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;
}
