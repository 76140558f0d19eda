namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Fixer F's variants of the kinds fixed from sets E and F: for each kind, leaky variants of another shape and correct
/// look-alikes that must stay silent (same programs and harness as <see cref="FreshLeakageCasesF"/>).
/// </summary>
public sealed partial class FreshLeakageCasesF
{
    // ───────────── Kind A: which rows relative to the loop row a lag or a window reads ─────────────

    [Fact]
    public Task Lead_read_with_element_at_in_a_projection_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "Lag24 = raw[i - 24].Load,", "Lag24 = {|#0:raw.ElementAt(i + 1).Load|},")), "MLDSL0017");

    [Fact]
    public Task Expanding_mean_that_takes_the_current_row_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),",
            "Trailing7 = {|#0:raw.Take(i + 1)|}.Average(r => r.Load),")), "MLDSL0017");

    [Fact]
    public Task Expanding_mean_of_the_rows_before_the_current_one_is_silent() =>
        Expect(Program(Mutate(WindowedSearch, "Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),",
            "Trailing7 = raw.Take(i).Average(r => r.Load),")));

    [Fact]
    public Task Centred_window_projected_to_the_label_before_the_mean_is_reported() =>
        Expect(Program(Mutate(WindowedSearch, "Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),",
            "Trailing7 = {|#0:raw.Skip(i - 2).Take(5)|}.Select(r => r.Load).Average(),")), "MLDSL0017");

    [Fact]
    public Task Centred_window_of_an_input_that_is_not_the_label_is_silent() =>
        Expect(Program(Mutate(WindowedSearch, "Trailing7 = raw.Skip(i - 7).Take(7).Average(r => r.Load),",
            "Trailing7 = raw.Skip(i - 3).Take(7).Average(r => r.Temperature),")));

    [Fact]
    public Task Range_window_running_to_the_last_row_is_reported() =>
        Expect(Program(Mutate(DemandForecast, "float trailing = raw[(i - 7)..i].Average(r => r.Load);",
            "float trailing = {|#0:raw[(i - 3)..]|}.Average(r => r.Load);")), "MLDSL0017");

    [Fact]
    public Task Range_window_ending_the_hour_before_is_silent() =>
        Expect(Program(Mutate(DemandForecast, "float trailing = raw[(i - 7)..i].Average(r => r.Load);",
            "float trailing = raw[(i - 7)..(i - 1)].Max(r => r.Load);")));

    [Fact]
    public Task Lag_clamped_at_the_start_of_the_series_is_silent() =>
        Expect(Program(Mutate(DemandForecast, "Lag24 = raw[i - 24].Load,", "Lag24 = raw[Math.Max(i - 24, 0)].Load,")));

    [Fact]
    public Task Zip_of_the_shifted_copy_first_that_reads_the_next_hour_is_reported() =>
        Expect(Program(Mutate(ZipLags, "ordered.Zip(ordered.Skip(1), (previous, current) => current with { Lag24 = previous.Load }).ToList();",
            "ordered.Skip(1).Zip(ordered, (next, current) => current with { Lag24 = {|#0:next.Load|} }).ToList();")), "MLDSL0017");

    [Fact]
    public Task Zip_of_the_shifted_copy_first_that_reads_the_previous_hour_is_silent() =>
        Expect(Program(Mutate(ZipLags, "ordered.Zip(ordered.Skip(1), (previous, current) => current with { Lag24 = previous.Load }).ToList();",
            "ordered.Skip(1).Zip(ordered, (current, previous) => current with { Lag24 = previous.Load }).ToList();")));
}

/// <summary>Fixer F's variants built on set E's rows (sessions with a [GroupKey], daily sales with a [Timestamp]).</summary>
public sealed partial class FreshLeakageCasesE
{
    // ───────────── Kind D: splits written by hand (a shuffle and a cut) ─────────────

    [Fact]
    public Task Sales_days_shuffled_with_guids_and_cut_by_a_range_is_reported() => Expect(Script("""
        public static void Main()
        {
            var shuffled = {|#0:Kaggle.StoreSales().OrderBy(_ => Guid.NewGuid())|}.ToArray();
            int cut = shuffled.Length * 4 / 5;
            StoreDay[] train = shuffled[..cut], test = shuffled[cut..];
            var model = new SalesNet();
            model.Fit(train);
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Sessions_shuffled_in_place_and_cut_is_reported() => Expect(Script("""
        public static void Main()
        {
            WebSession[] sessions = Kaggle.Sessions().ToArray();
            {|#0:new Random(7).Shuffle(sessions)|};
            var train = sessions.Take(sessions.Length * 8 / 10).ToList();
            var test = sessions.Skip(sessions.Length * 8 / 10).ToList();
            var net = new SessionNet();
            net.Fit(train);
            Console.WriteLine($"purchase accuracy {net.Evaluate(test).Accuracy:P2}");
        }
        """), "MLDSL0019");

    [Fact]
    public Task Sales_days_ordered_by_date_and_cut_by_hand_is_silent() => Expect(Script("""
        public static void Main()
        {
            var ordered = Kaggle.StoreSales().OrderBy(d => d.Date).ToList();
            int cut = (int)(ordered.Count * 0.8);
            var train = ordered.Take(cut).ToList();
            var test = ordered.Skip(cut).ToList();
            var model = new SalesNet();
            model.Fit(train);
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """));

    [Fact]
    public Task Sessions_shuffled_only_to_print_a_sample_is_silent() => Expect(Script("""
        public static void Main()
        {
            var random = new Random(3);
            foreach (WebSession s in Kaggle.Sessions().OrderBy(_ => random.Next()).ToList())
                Console.WriteLine($"{s.User}: {s.Clicks} clicks");
            var split = Kaggle.Sessions().Split(new SplitOptions { Kind = SplitKind.Grouped });
            var net = new SessionNet();
            net.Fit(split.Train, split.Validation);
            Console.WriteLine($"purchase accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """));
}

public sealed partial class FreshLeakageCasesE
{
    // ───────────── Kind B (precision): a test score inside a training loop is selection only when it chooses ─────────────

    [Fact]
    public Task Seeds_whose_test_scores_are_summed_into_a_mean_and_printed_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Sessions().Split(new SplitOptions { Kind = SplitKind.Grouped });
            var accuracies = new List<double>();
            foreach (long seed in new long[] { 0, 1, 2 })
            {
                var net = new SessionNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 10 });
                double accuracy = net.Evaluate(split.Test).Accuracy;
                Console.WriteLine($"seed {seed}: {accuracy:P2}");
                accuracies.Add(accuracy);
            }
            Console.WriteLine($"mean {accuracies.Sum() / accuracies.Count:P2}");
        }
        """));

    [Fact]
    public Task Seeds_whose_test_scores_are_averaged_then_the_best_is_reported_is_reported() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Sessions().Split(new SplitOptions { Kind = SplitKind.Grouped });
            var accuracies = new List<double>();
            foreach (long seed in new long[] { 0, 1, 2 })
            {
                var net = new SessionNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Seed = seed, Epochs = 10 });
                accuracies.Add(net.Evaluate({|#0:split.Test|}).Accuracy);
            }
            Console.WriteLine($"mean {accuracies.Average():P2}, best seed {accuracies.IndexOf(accuracies.Max())}");
        }
        """), "MLDSL0018");
}
