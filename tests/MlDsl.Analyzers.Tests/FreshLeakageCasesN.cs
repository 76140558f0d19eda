using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set N (session 13, part 1 of the kinds): statistics learned from rows that later reach
/// validation or test, rows multiplied before the split, the test part steering a choice, scores on training rows and
/// in-sample stacking, in four fields not used by earlier sets (telecom churn, house prices, film reviews, a diabetes
/// screening). Programs are written the way the cited notebooks and questions write them (long Main methods, helpers,
/// reused variables), next to correct look-alikes that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesN
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Feature] public float TotalCharges { get; init; }
            [Feature] public float SupportCalls { get; init; }
            [Feature] public float DataUsage { get; init; }
            [Feature] public float PlanRate { get; init; }
            [Ignore] public string Plan { get; init; } = "";
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class ChurnNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Subscriber))]
        public sealed partial class WideChurnNet
        {
            [Linear(64), Relu, Dropout(0.3)] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Listing
        {
            [Feature] public float Area { get; init; }
            [Feature] public float Rooms { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Distance { get; init; }
            [Feature] public float Tax { get; init; }
            [Feature] public float StreetPrice { get; init; }
            [Ignore] public string Street { get; init; } = "";
            [Label] public float Price { get; init; }
        }

        [Model(typeof(Listing))]
        public sealed partial class ListingNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Model(typeof(Listing))]
        public sealed partial class DeepListingNet
        {
            [Linear(64), Relu] Layer first;
            [Linear(32), Relu] Layer second;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(32), Vocabulary(5000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Embedding(5000, 16), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Screening
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float BloodPressure { get; init; }
            [Feature] public float Insulin { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Pedigree { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Screening))]
        public sealed partial class ScreeningNet
        {
            [Linear(12), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
