namespace MlDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// Rows recorded over time in four domains (store weeks, meter readings, patient visits, daily prices), each with a
/// [Timestamp], a lag feature and a label, its model, and for three of them the raw export record and its loader: the
/// declarations the lag-direction and slice tests write their programs against.
/// </summary>
internal static class TimeSeriesRows
{
    public const string Source = """

        [Dataset]
        public sealed partial record StoreWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float SalesLag1 { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreWeek))]
        public sealed partial class StoreNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record MeterHour
        {
            [Timestamp] public DateTime At { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float LoadLag1 { get; init; }
            [Label] public float Load { get; init; }
        }

        [Model(typeof(MeterHour))]
        public sealed partial class MeterNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record PatientVisit
        {
            [Timestamp] public DateTime Date { get; init; }
            [Feature] public float Weight { get; init; }
            [Feature] public float PreviousPulse { get; init; }
            [Label] public float Pulse { get; init; }
        }

        [Model(typeof(PatientVisit))]
        public sealed partial class VisitNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        [Dataset]
        public sealed partial record PriceDay
        {
            [Timestamp] public DateOnly Day { get; init; }
            [Feature] public float Volume { get; init; }
            [Feature] public float CloseLag1 { get; init; }
            [Label] public float Close { get; init; }
        }

        [Model(typeof(PriceDay))]
        public sealed partial class PriceNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        /// <summary>One meter reading as the logger writes it.</summary>
        public sealed record Reading(DateTime At, float Temperature, float Load);

        public static class Readings
        {
            public static List<Reading> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Reading(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        /// <summary>One visit as the clinic's records export it.</summary>
        public sealed record Visit(DateTime Date, float Weight, float Pulse);

        public static class Visits
        {
            public static List<Visit> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Visit(
                    DateTime.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        /// <summary>One day's closing price as the exchange publishes it.</summary>
        public sealed record Quote(DateOnly Day, float Volume, float Close);

        public static class Quotes
        {
            public static List<Quote> Load(string path) =>
                File.ReadLines(path).Skip(1).Select(line => line.Split(',')).Select(f => new Quote(
                    DateOnly.Parse(f[0]), float.Parse(f[1]), float.Parse(f[2]))).ToList();
        }

        """;
}
