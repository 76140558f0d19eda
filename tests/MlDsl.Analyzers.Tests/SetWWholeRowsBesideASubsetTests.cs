using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, kind 1 (MLDSL0027): every row kept under a part's name (<c>train = participants</c>, a <c>ToList</c> copy) beside a
/// subset of the same rows (a filter, <c>IntersectBy</c>) is the same rows for training and test; complementary filters
/// (<c>ExceptBy</c>/<c>IntersectBy</c>), test rows removed from the copy, rows dealt one by one, and another file stay silent.
/// The rows and models are set W's (<see cref="FreshLeakageCasesW"/>).
/// </summary>
public sealed class SetWWholeRowsBesideASubsetTests
{
    [Fact]
    public Task Every_row_copied_into_train_beside_test_rows_intersected_by_id_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path, string[] testSites)
            {
                IReadOnlyList<Participant> participants = CsvFile.Read<Participant>(path);
                List<Participant> train = participants.ToList();
                List<Participant> test = participants.IntersectBy(testSites, p => p.Site).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Every_row_assigned_to_train_beside_the_older_participants_scored_is_reported() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path)
            {
                List<Participant> participants = CsvFile.Read<Participant>(path).ToList();
                List<Participant> train;
                train = participants;
                List<Participant> test = participants.Where(p => p.Age >= 65).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate({|#0:test|}).Accuracy);
            }
        }
        """), "MLDSL0027");

    [Fact]
    public Task Test_sites_taken_out_of_train_with_except_by_stay_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path, string[] testSites)
            {
                IReadOnlyList<Participant> participants = CsvFile.Read<Participant>(path);
                List<Participant> train = participants.ExceptBy(testSites, p => p.Site).ToList();
                List<Participant> test = participants.IntersectBy(testSites, p => p.Site).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Every_row_kept_as_train_and_the_test_rows_removed_from_it_stay_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path, HashSet<string> testSites)
            {
                List<Participant> participants = CsvFile.Read<Participant>(path).ToList();
                List<Participant> train = participants.ToList();
                List<Participant> test = participants.Where(p => testSites.Contains(p.Site)).ToList();
                train.RemoveAll(p => testSites.Contains(p.Site));
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Rows_dealt_one_by_one_into_train_and_test_lists_stay_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string path, HashSet<string> testSites)
            {
                List<Participant> participants = CsvFile.Read<Participant>(path).ToList();
                var train = new List<Participant>();
                var test = new List<Participant>();
                foreach (Participant p in participants)
                {
                    if (testSites.Contains(p.Site)) test.Add(p);
                    else train.Add(p);
                }
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Every_row_of_one_file_trained_on_and_a_subset_of_another_scored_stays_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Run(string trainPath, string testPath, HashSet<string> testSites)
            {
                List<Participant> participants = CsvFile.Read<Participant>(trainPath).ToList();
                List<Participant> later = CsvFile.Read<Participant>(testPath).ToList();
                List<Participant> train = participants;
                List<Participant> test = later.Where(p => testSites.Contains(p.Site)).ToList();
                using var net = new DropoutNet(seed: 1);
                net.Fit(train);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    private static string Program(string types) => FreshLeakageCasesW.Program(types);

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
