namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>A dataset with a group key and a timestamp, a model over it, and the usings a script needs.</summary>
internal static class LeakageSources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using MlDsl;
        using MlDsl.Data.Csv;
        using MlDsl.Pipelines;
        using MlDsl.Data.Splits;
        using MlDsl.Data.Transforms;
        using MlDsl.Training;

        """;

    /// <summary>
    /// Every namespace a leakage case may use (the adversarial sets share one preamble, so a case compiles the same in
    /// whichever set it lives).
    /// </summary>
    public const string AllUsings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using MlDsl;
        using MlDsl.Analysis;
        using MlDsl.Data;
        using MlDsl.Data.Csv;
        using MlDsl.Data.Encoding;
        using MlDsl.Data.Imputation;
        using MlDsl.Data.Resampling;
        using MlDsl.Data.Selection;
        using MlDsl.Data.Splits;
        using MlDsl.Data.Text;
        using MlDsl.Data.Transforms;
        using MlDsl.Data.Tuning;
        using MlDsl.Data.Validation;
        using MlDsl.Pipelines;
        using MlDsl.Training;

        """;

    public const string Visit = """

        [Dataset]
        public sealed partial record Visit
        {
            [Feature] public float Heart { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
            [GroupKey] public int Patient { get; init; }
            [Timestamp] public DateTime Seen { get; init; }
        }

        [Dataset]
        public sealed partial record Reading
        {
            [Feature] public float Heart { get; init; }
            [Label(Classes = 2)] public int Sick { get; init; }
        }

        [Dataset]
        public sealed partial record Stay
        {
            [Feature] public float Heart { get; init; }
            [Label] public float Days { get; init; }
        }

        [Model(typeof(Visit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Model(typeof(Reading))]
        public sealed partial class ReadingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        [Dataset]
        public sealed partial record Sale
        {
            [Feature] public float Price { get; init; }
            [Feature] public float PreviousUnits { get; init; }
            [Label] public float Units { get; init; }
            [Timestamp] public DateTime Day { get; init; }
        }

        [Model(typeof(Sale))]
        public sealed partial class SaleNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>A record as read from a file, before it becomes a row.</summary>
        public sealed record Raw(float Pulse, int Outcome);
        """;

    /// <summary>A script class around <paramref name="body"/>, with the dataset and model after it.</summary>
    public static string Script(string body) => Usings + "public static class Script\n{\n" + body + "\n}\n" + Visit;
}
