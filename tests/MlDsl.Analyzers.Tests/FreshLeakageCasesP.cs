using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set P (session 14): every kind of issue 15 section 1, written as a new user would write
/// them, in ten fields unlike each other: card fraud (IEEE-CIS style, a card key and a time), retail demand (M5 style,
/// days), ICU stays (MIMIC/eICU style, a stay key), credit applications (Home Credit style), telecom churn (Telco
/// churn), pump maintenance (a pump key and a time), tumour expression profiles (Ambroise and McLachlan's selection
/// bias), product reviews (text), ad impressions (Criteo/Avazu style, ids) and football fixtures (Elo and form).
/// The real leaks they restate: scikit-learn's "common pitfalls" (preprocessing and selection before the split),
/// Kaufman et al. KDD 2011 (features and labels entangled, features recorded after the outcome), Kapoor and Narayanan's
/// taxonomy (no test set, duplicates across parts, temporal leakage, non-independence), Rosenblatt et al. (feature
/// selection and site effects inflating prediction), Roberts et al. 2021 (patients on both sides) and Kaggle stacking
/// notebooks (in-sample meta-features). Each leaky case marks the leaking call; the precision cases must stay silent.
/// <para>
/// Measured as first written (set P, before any analyzer change), see the summary table filled in after the run:
/// the table lives at the end of this comment once the run is classified.
/// </para>
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Txn
        {
            [GroupKey] public int Card { get; init; }
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float Hour { get; init; }
            [Feature] public float MerchantRisk { get; init; }
            [Feature] public float Velocity { get; init; }
            [Feature] public float DistanceFromHome { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Chargeback { get; init; }
            [Label(Classes = 2)] public int IsFraud { get; init; }
        }

        [Model(typeof(Txn))]
        public sealed partial class FraudNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record DemandDay
        {
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Lag7 { get; init; }
            [Feature] public float Rolling28 { get; init; }
            [Label] public float Units { get; init; }
        }

        [Model(typeof(DemandDay))]
        public sealed partial class DemandNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record IcuStay
        {
            [GroupKey] public int Patient { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Lactate { get; init; }
            [Feature] public float MeanArterial { get; init; }
            [Feature] public float SpO2 { get; init; }
            [Feature] public float Age { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float Vasopressors { get; init; }
            [Label(Classes = 2)] public int Deteriorated { get; init; }
        }

        [Model(typeof(IcuStay))]
        public sealed partial class IcuNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(IcuStay))]
        public sealed partial class IcuWideNet
        {
            [Linear(64), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Applicant
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Utilization { get; init; }
            [Feature] public float Inquiries { get; init; }
            [Feature] public float EmployerFrequency { get; init; }
            [Feature] public float BureauScore { get; init; }
            [Ignore] public string Employer { get; init; } = "";
            [Label(Classes = 2)] public int Default { get; init; }
        }

        [Model(typeof(Applicant))]
        public sealed partial class CreditNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Subscriber
        {
            [GroupKey] public int Account { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Feature] public float SupportCalls { get; init; }
            [Feature] public float Usage { get; init; }
            [Feature] public float ModelScore { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float RefundIssued { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class ChurnNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record PumpDay
        {
            [GroupKey] public int Pump { get; init; }
            [Timestamp] public DateTime Day { get; init; }
            [Feature] public float Vibration { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float Pressure { get; init; }
            [Feature] public float Rpm { get; init; }
            [Label(Classes = 2)] public int FailsWithin7Days { get; init; }
        }

        [Model(typeof(PumpDay))]
        public sealed partial class PumpNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Biopsy
        {
            [GroupKey] public int Patient { get; init; }
            [Feature, Shape(50)] public float[] Expression { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Relapse { get; init; }
        }

        [Model(typeof(Biopsy))]
        public sealed partial class BiopsyNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Review
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(16)] public float[] Counts { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Positive { get; init; }
        }

        [Model(typeof(Review))]
        public sealed partial class ReviewNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Impression
        {
            [GroupKey] public int User { get; init; }
            [Feature] public float Position { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Feature] public float HistoricalCtr { get; init; }
            [Feature] public float DeviceType { get; init; }
            [Label(Classes = 2)] public int Clicked { get; init; }
        }

        [Model(typeof(Impression))]
        public sealed partial class ClickNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Fixture
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float HomeElo { get; init; }
            [Feature] public float AwayElo { get; init; }
            [Feature] public float HomeForm { get; init; }
            [Feature] public float AwayForm { get; init; }
            [Feature] public float EloBin { get; init; }
            [Label(Classes = 2)] public int HomeWin { get; init; }
        }

        [Model(typeof(Fixture))]
        public sealed partial class FixtureNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
