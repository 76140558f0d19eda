using MlDsl.Data.Streaming;

namespace MlDsl.Tests.Streaming;

public sealed class SourceReportTests
{
    [Fact]
    public void One_streaming_pass_gives_the_exact_moments_and_class_counts_of_the_rows()
    {
        List<Point> points = SyntheticData.Points(3001, 5);
        SourceReport report = SourceReport.Analyze(new CountingSource<Point>(points, 100), reservoirRows: 3001);
        double[] xs = points.Select(point => (double)point.X).ToArray();
        double mean = xs.Average();
        Assert.Equal(3001, report.Rows);
        Assert.Equal(mean, report.Features[0].Mean, 9);
        Assert.Equal(Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1)), report.Features[0].StandardDeviation, 9);
        Assert.Equal(xs.Min(), report.Features[0].Min);
        Assert.Equal(xs.Max(), report.Features[0].Max);
        Assert.Equal(new long[] { 1001, 1000, 1000 }, report.ClassCounts);
        // With every row in the reservoir, the median is exact.
        double[] sorted = points.Select(point => (double)point.Y).Order().ToArray();
        Assert.Equal(sorted[1500], report.Features[1].Median, 6);
    }

    [Fact]
    public void A_small_reservoir_bounds_memory_and_still_estimates_the_median()
    {
        List<Point> points = SyntheticData.Points(20_000, 6);
        SourceReport report = SourceReport.Analyze(new CountingSource<Point>(points, 500), reservoirRows: 500, seed: 2);
        Assert.Equal(500, report.ReservoirRows);
        double[] sorted = points.Select(point => (double)point.X).Order().ToArray();
        // X is -1, 0 or 1 plus noise in ±0.15: the true median is near 0, and 500 rows place it within a few hundredths.
        Assert.InRange(report.Features[0].Median, sorted[9000], sorted[11000]);
    }

    [Fact]
    public void Missing_and_infinite_values_are_counted_and_left_out_of_the_moments()
    {
        List<Point> points = SyntheticData.Points(10, 5);
        points[3] = points[3] with { X = float.NaN };
        points[4] = points[4] with { X = float.PositiveInfinity };
        SourceReport report = SourceReport.Analyze(RowSources.FromList(points));
        Assert.Equal(1, report.Features[0].Missing);
        Assert.Equal(1, report.Features[0].Infinite);
        Assert.Equal(points.Where((_, i) => i is not 3 and not 4).Average(point => (double)point.X), report.Features[0].Mean, 9);
    }
}
