using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set H: recall on realistic leaks. Each leaky program restates, in MlDsl's API, a leak from
/// a public source (scikit-learn's "Common pitfalls" page and examples, Cross Validated / Stack Overflow questions about
/// suspiciously high accuracy, Kaggle notebooks — Titanic, House Prices, credit-card fraud, IMDB, store sales — and
/// papers whose results changed once the leak was found: chest X-rays with patients across splits, speaker leakage in
/// emotion recognition, duplicated images, target leakage in churn features). Every leaky program has its minimal fix
/// beside it, which must be silent. The programs vary in style on purpose: long Main methods, helper classes, LINQ
/// chains, loops, local functions, records with <c>with</c>, dictionaries of parts, async methods.
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    private const string Usings = LeakageSources.AllUsings;

    /// <summary>The rows every program of the set shares: one record and one model per data set the sources use.</summary>
    private const string Rows = """

        [Dataset]
        public sealed partial record Scan
        {
            [GroupKey] public int Patient { get; init; }
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Pneumonia { get; init; }
        }

        [Model(typeof(Scan))]
        public sealed partial class ScanNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Clip
        {
            [GroupKey] public int Speaker { get; init; }
            [Feature, Shape(20)] public float[] Mfcc { get; init; } = Array.Empty<float>();
            [Label(Classes = 4)] public int Emotion { get; init; }
        }

        [Model(typeof(Clip))]
        public sealed partial class ClipNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(4)] Layer output;
        }

        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Feature] public float SupportCalls { get; init; }
            [Feature] public float ContractRisk { get; init; }
            [Ignore] public string Contract { get; init; } = "";
            [Label(Classes = 2)] public int Churn { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class ChurnNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Passenger
        {
            [Feature] public float Pclass { get; init; }
            [Feature] public float Sex { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Fare { get; init; }
            [Feature] public float FamilySize { get; init; }
            [Ignore] public string Title { get; init; } = "";
            [Label(Classes = 2)] public int Survived { get; init; }
        }

        [Model(typeof(Passenger))]
        public sealed partial class TitanicNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record House
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float GrLivArea { get; init; }
            [Feature] public float OverallQual { get; init; }
            [Feature] public float NeighborhoodPrice { get; init; }
            [Ignore] public string Neighborhood { get; init; } = "";
            [Label] public float SalePrice { get; init; }
        }

        [Model(typeof(House))]
        public sealed partial class HouseNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Transaction
        {
            [Feature] public float V1 { get; init; }
            [Feature] public float V2 { get; init; }
            [Feature] public float V3 { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Transaction))]
        public sealed partial class FraudNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record MovieReview
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(32), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(MovieReview))]
        public sealed partial class ImdbNet
        {
            [Embedding(1000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record StoreDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Lag7 { get; init; }
            [Feature] public float Rolling7 { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreDay))]
        public sealed partial class SalesNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>A program whose one class holds <paramref name="body"/> (a Main and its helpers), with the shared rows after it.</summary>
    private static string Script(string body) => Usings + "public static class Notebook\n{\n" + body + "\n}\n" + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}

public sealed partial class FreshLeakageCasesH
{
    /// <summary>
    /// The minimal fix of a leaky <paramref name="program"/>: <paramref name="from"/> (which must occur exactly once, and
    /// holds the program's marks) replaced by <paramref name="to"/>.
    /// </summary>
    private static string Fix(string program, string from, string to)
    {
        int at = program.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && program.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once");
        string fixedProgram = program.Remove(at, from.Length).Insert(at, to);
        Assert.DoesNotContain("{|#", fixedProgram);
        return fixedProgram;
    }
}
