namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind: a local reassigned holds only what reaches its use. A variable first given every row and later only the
/// training part trains on the training part (straight-line reassignment replaces); an assignment on one path of an
/// <c>if</c>, or later in a loop, merges with the others, so a leak on any path is still reported.
/// </summary>
public sealed partial class FreshLeakageCasesN
{
    // Buggy: the training part replaces every row on one branch only; on the other the model trains on every row.
    [Fact]
    public Task Rows_replaced_by_the_training_part_on_one_branch_only_are_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<Subscriber> rows = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                if (args.Length > 0) rows = split.Train;
                using var model = new ChurnNet();
                model.Fit(rows, {|#0:split.Validation|});
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // Buggy: the variable goes back to every row before the fit (the last assignment is the one that reaches it).
    [Fact]
    public Task Rows_set_back_to_every_row_before_the_fit_are_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                IReadOnlyList<Subscriber> rows = split.Train;
                Console.WriteLine($"{rows.Count} training customers");
                rows = customers;
                using var model = new ChurnNet();
                model.Fit(rows, {|#0:split.Validation|});
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // Buggy: reassigned later in a loop: the second round trains on every row.
    [Fact]
    public Task Rows_replaced_by_every_row_later_in_a_loop_are_reported() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                var customers = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = customers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                IReadOnlyList<Subscriber> rows = split.Train;
                using var model = new ChurnNet();
                for (int round = 0; round < 2; round++)
                {
                    model.Fit(rows, {|#0:split.Validation|});
                    rows = customers;
                }
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // Fix: the same variable replaced by the training part on every path before the fit.
    [Fact]
    public Task Rows_replaced_by_the_training_part_before_the_fit_stay_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Subscriber> rows = CsvFile.Read<Subscriber>("telco_churn.csv");
                Console.WriteLine($"{rows.Count} customers, {rows.Count(c => c.Churned == 1)} churned");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                rows = split.Train;
                using var model = new ChurnNet();
                model.Fit(rows, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: both branches replace every row with a piece of the training part; no path keeps every row.
    [Fact]
    public Task Rows_replaced_on_both_branches_by_training_rows_stay_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main(string[] args)
            {
                IReadOnlyList<Subscriber> rows = CsvFile.Read<Subscriber>("telco_churn.csv");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                if (args.Length > 0) rows = split.Train.Where(c => c.Tenure > 1).ToList();
                else rows = split.Train;
                using var model = new ChurnNet();
                model.Fit(rows, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: the training part narrowed again and again in a loop (a merge of training rows only), after the
    // variable held every row for a printout.
    [Fact]
    public Task Training_rows_narrowed_in_a_loop_after_a_printout_of_every_row_stay_silent() => Expect(Program("""
        public static class ChurnNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Subscriber> rows = CsvFile.Read<Subscriber>("telco_churn.csv");
                Console.WriteLine($"mean tenure {rows.Average(c => c.Tenure):F1}");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                rows = split.Train;
                for (int pass = 0; pass < 3; pass++)
                    rows = rows.Where(c => c.SupportCalls < 10 - pass).ToList();
                using var model = new ChurnNet();
                model.Fit(rows, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
