using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Adversarial leakage cases, set L: notebooks from six fields ported to C# (sepsis admissions, credit applications,
/// daily shop sales with a timestamp, support tickets and e-mails, chest x-rays and biopsy slides with a patient key,
/// spoken digits with a speaker key). Each kind of leak appears in a different field and program shape (classes with
/// Fit/Transform, tuples, dictionaries of parts or fitters, iterators, query syntax, local functions, lambdas in
/// variables), next to correct look-alikes that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesL
{
    private const string Usings = LeakageSources.AllUsings;

    private const string Rows = """

        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float Age { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature] public float Lactate { get; init; }
            [Feature] public float Creatinine { get; init; }
            [Feature] public float Risk { get; init; }
            [Ignore] public string Ward { get; init; } = "";
            [Label(Classes = 2)] public int Sepsis { get; init; }
        }

        [Model(typeof(Admission))]
        public sealed partial class AdmissionNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Applicant
        {
            [Feature] public float Income { get; init; }
            [Feature] public float Debt { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float Utilisation { get; init; }
            [Feature] public float EmployerRate { get; init; }
            [Ignore] public string Employer { get; init; } = "";
            [Label(Classes = 2)] public int Default { get; init; }
        }

        [Model(typeof(Applicant))]
        public sealed partial class ApplicantNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Applicant))]
        public sealed partial class WideApplicantNet
        {
            [Linear(64), Relu, Dropout(0.2)] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record ShopDay
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float SalesLag1 { get; init; }
            [Feature] public float SalesLag7 { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(ShopDay))]
        public sealed partial class ShopNet
        {
            [Linear(24), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record Ticket
        {
            [Ignore] public string Text { get; init; } = "";
            [Feature, Shape(24), Vocabulary(2000)] public int[] Tokens { get; init; } = Array.Empty<int>();
            [Label(Classes = 2)] public int Urgent { get; init; }
        }

        [Model(typeof(Ticket))]
        public sealed partial class TicketNet
        {
            [Embedding(2000, 8), Flatten] Layer embed;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Email
        {
            [Feature] public float Links { get; init; }
            [Feature] public float Capitals { get; init; }
            [Feature] public float Exclamations { get; init; }
            [Feature] public float SpamWords { get; init; }
            [Ignore] public string Text { get; init; } = "";
            [Label(Classes = 2)] public int Spam { get; init; }
        }

        [Model(typeof(Email))]
        public sealed partial class EmailNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Xray
        {
            [Feature, Shape(1, 16, 16)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Pneumonia { get; init; }
        }

        [Model(typeof(Xray))]
        public sealed partial class XrayNet
        {
            [Conv2d(4, Kernel = 3), Relu, MaxPool2d(2), Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Slide
        {
            [GroupKey] public int Patient { get; init; }
            [Feature, Shape(1, 16, 16)] public float[] Pixels { get; init; } = Array.Empty<float>();
            [Label(Classes = 2)] public int Malignant { get; init; }
        }

        [Model(typeof(Slide))]
        public sealed partial class SlideNet
        {
            [Conv2d(4, Kernel = 3), Relu, MaxPool2d(2), Flatten] Layer conv;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Utterance
        {
            [GroupKey] public int Speaker { get; init; }
            [Feature, Shape(40)] public float[] Mfcc { get; init; } = Array.Empty<float>();
            [Feature] public float Energy { get; init; }
            [Label(Classes = 10)] public int Digit { get; init; }
        }

        [Model(typeof(Utterance))]
        public sealed partial class UtteranceNet
        {
            [Linear(32), Relu] Layer hidden;
            [Linear(10)] Layer output;
        }

        /// <summary>One till day as the shop's system exports it, before it becomes a row.</summary>
        public sealed record Till(DateTime Date, float Promo, float Temperature, float Sales);

        /// <summary>A recorded clip before features are taken from it.</summary>
        public sealed record Clip(int Speaker, float[] Samples, float[] Mfcc, int Digit);

        /// <summary>An admission as the hospital's export writes it: lab values and the coded outcome.</summary>
        public sealed record RawAdmission(float Age, float HeartRate, float Lactate, float Creatinine, string Ward, string Outcome);

        /// <summary>The shop's till export.</summary>
        public static class Tills
        {
            public static List<Till> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(','))
                    .Select(f => new Till(DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]))).ToList();
        }

        /// <summary>The hospital's admission export.</summary>
        public static class Admissions
        {
            public static List<RawAdmission> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new RawAdmission(
                    float.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]), float.Parse(f[3]), f[4], f[5])).ToList();
        }

        """;

    /// <summary>A whole program of several types, with the shared rows after it.</summary>
    private static string Program(string types) => Usings + types + Rows;

    /// <summary>Both leakage analyzers' diagnostics must be exactly <paramref name="expected"/> at the marks (<see cref="LeakageExpectation"/>).</summary>
    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
