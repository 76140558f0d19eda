using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, kind 2 (MLDSL0019): rows with a [GroupKey] grouped and cut inside each group (<c>GroupBy(...).SelectMany(g =&gt;
/// g.SkipLast(2))</c> to training, <c>TakeLast(2)</c> to test) put every group on both sides; a per-group cap feeding training
/// alone and the same cut of rows without a [GroupKey] stay silent.
/// The rows and models are set W's (<see cref="FreshLeakageCasesW"/>).
/// </summary>
public sealed class SetWPerGroupCutTests
{
    [Fact]
    public Task Each_vineyards_last_batches_to_test_through_a_kept_grouping_are_reported() => Expect(Program("""
        public static class WineStudy
        {
            public static void Run(string path)
            {
                var byVineyard = CsvFile.Read<Fermentation>(path).GroupBy(b => b.Vineyard).ToList();
                List<Fermentation> train = {|#0:byVineyard.SelectMany(g => g.SkipLast(2))|}.ToList();
                List<Fermentation> test = byVineyard.SelectMany(g => g.TakeLast(2)).ToList();
                using var net = new WineNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Each_vineyards_first_batches_kept_for_training_alone_stay_silent() => Expect(Program("""
        public static class WineStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Fermentation>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                List<Fermentation> capped = split.Train.GroupBy(b => b.Vineyard).SelectMany(g => g.Take(50)).ToList();
                using var net = new WineNet(seed: 1);
                net.Fit(capped);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Tickets_cut_per_escalation_class_without_a_group_key_stay_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                List<Ticket> train = tickets.GroupBy(t => t.Escalated).SelectMany(g => g.Take(g.Count() * 4 / 5)).ToList();
                List<Ticket> test = tickets.GroupBy(t => t.Escalated).SelectMany(g => g.Skip(g.Count() * 4 / 5)).ToList();
                using var net = new EscalationNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    private static string Program(string types) => FreshLeakageCasesW.Program(types);

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
