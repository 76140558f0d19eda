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
/// Adversarial leakage cases, set E: the leaks of real sources restated as whole notebook sections against MlDsl's API —
/// Kapoor &amp; Narayanan's taxonomy (2023: L1.1 no test set, L1.2 preprocessing on train+test, L1.3 feature selection on
/// train+test, L1.4 duplicates, L2 illegitimate features, L3.1 temporal, L3.2 non-independence, L3.3 test-set sampling
/// bias), scikit-learn's "Common pitfalls" page, and Kaggle kernels (Titanic, House Prices, credit-card fraud, store
/// sales, chest X-rays, IMDB reviews, stacking) — each leak with the version a careful practitioner writes. Both leakage
/// analyzers run, and the union of their leakage diagnostics (MLDSL0016–0029) must be exactly the expected ids at the
/// <c>{|#n:...|}</c> marks.
/// </summary>
public sealed partial class FreshLeakageCasesE
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Passenger
        {
            [Feature] public float Pclass { get; init; }
            [Feature] public float Sex { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Fare { get; init; }
            [Feature] public float TitleRate { get; init; }
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
        public sealed partial record HouseSale
        {
            [Feature] public float LotArea { get; init; }
            [Feature] public float GrLivArea { get; init; }
            [Feature] public float OverallQual { get; init; }
            [Feature] public float YearBuilt { get; init; }
            [Ignore] public string Neighborhood { get; init; } = "";
            [Label] public float LogPrice { get; init; }
        }

        [Model(typeof(HouseSale))]
        public sealed partial class HouseNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Transaction
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float V1 { get; init; }
            [Feature] public float V2 { get; init; }
            [Feature] public float V3 { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Transaction))]
        public sealed partial class FraudNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record StoreDay
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float OnPromotion { get; init; }
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

        [Dataset]
        public sealed partial record ChestXray
        {
            [GroupKey] public int Patient { get; init; }
            [Feature, Shape(1, 8, 8)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Pneumonia { get; init; }
        }

        [Model(typeof(ChestXray))]
        public sealed partial class XrayNet
        {
            [Conv2d(4, Kernel = 3), Relu, Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16), Vocabulary(1000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Embedding(1000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record WebSession
        {
            [GroupKey] public int User { get; init; }
            [Feature] public float Clicks { get; init; }
            [Feature] public float DwellSeconds { get; init; }
            [Feature] public float CartValue { get; init; }
            [Label(Classes = 2)] public int Purchased { get; init; }
        }

        [Model(typeof(WebSession))]
        public sealed partial class SessionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        /// <summary>Where the notebooks get their rows: Kaggle's CSV files, read with the generated readers or parsed by hand.</summary>
        public static class Kaggle
        {
            public static IReadOnlyList<Passenger> Titanic(string file) => CsvFile.Read<Passenger>("data/titanic/" + file);
            public static IReadOnlyList<HouseSale> Houses(string file) => CsvFile.Read<HouseSale>("data/house-prices/" + file);
            public static IReadOnlyList<Transaction> CreditCard() => CsvFile.Read<Transaction>("data/creditcard.csv");
            public static IReadOnlyList<WebSession> Sessions() => CsvFile.Read<WebSession>("data/sessions.csv");

            public static IReadOnlyList<StoreDay> StoreSales() => System.IO.File.ReadAllLines("data/store-sales/train.csv")
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(f => new StoreDay { Date = DateTime.Parse(f[0]), OnPromotion = float.Parse(f[1]), Sales = float.Parse(f[2]) })
                .ToList();

            public static IReadOnlyList<ChestXray> Xrays() => System.IO.File.ReadAllLines("data/chest-xray/scans.csv")
                .Skip(1)
                .Select(line => line.Split(','))
                .Select(f => new ChestXray { Patient = int.Parse(f[0]), Pneumonia = int.Parse(f[1]), Pixels = f.Skip(2).Select(float.Parse).ToArray() })
                .ToList();

            public static IReadOnlyList<Review> Imdb() => System.IO.File.ReadAllLines("data/imdb/reviews.tsv")
                .Select(line => line.Split('\t'))
                .Select(f => new Review { Positive = f[0] == "pos" ? 1 : 0, Text = f[1] })
                .ToList();
        }

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
