namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, rows multiplied before the split (MLDSL0026): thieves appended in a do-while loop until the classes balance (the
/// oversample-then-split mistake of many theft-detection papers), jittered copies yielded by an iterator, every meter copied
/// twice into one array with <c>Array.Copy</c>; beside the same loop over the training part, an iterator that yields one
/// row per row in two branches, and two disjoint parts copied into one array for the final refit.
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Thieves_appended_in_a_do_while_loop_before_the_split_are_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                List<Meter> meters = CsvFile.Read<Meter>(path).ToList();
                List<Meter> thieves = meters.Where(m => m.Theft == 1).ToList();
                List<Meter> balanced = new(meters);
                do
                {
                    {|#0:balanced.AddRange(thieves)|};
                }
                while (balanced.Count(m => m.Theft == 1) * 2 < balanced.Count);
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Thieves_appended_in_a_do_while_loop_to_the_training_part_only_stay_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                List<Meter> thieves = split.Train.Where(m => m.Theft == 1).ToList();
                List<Meter> balanced = new(split.Train);
                do
                {
                    balanced.AddRange(thieves);
                }
                while (balanced.Count(m => m.Theft == 1) * 2 < balanced.Count);
                using var net = new TheftNet(seed: 1);
                net.Fit(balanced, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Jittered_copies_yielded_by_an_iterator_before_the_split_are_reported() => Expect(Program("""
        public static class Augment
        {
            public static IEnumerable<Meter> WithJitter(IEnumerable<Meter> meters)
            {
                foreach (Meter m in meters)
                {
                    yield return m;
                    yield return m with { MonthlyKwh = m.MonthlyKwh * 1.05f, NightShare = m.NightShare * 0.98f };
                }
            }
        }

        public static class TheftStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Meter> meters = CsvFile.Read<Meter>(path);
                List<Meter> augmented = {|#0:Augment.WithJitter(meters)|}.ToList();
                var (train, validation, test) = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Iterator_yielding_one_cleaned_or_original_row_per_meter_stays_silent() => Expect(Program("""
        public static class Clean
        {
            public static IEnumerable<Meter> ZeroDaysCapped(IEnumerable<Meter> meters)
            {
                foreach (Meter m in meters)
                {
                    if (m.ZeroDays > 31)
                        yield return m with { ZeroDays = 31 };
                    else
                        yield return m;
                }
            }
        }

        public static class TheftStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Meter> meters = CsvFile.Read<Meter>(path);
                List<Meter> cleaned = Clean.ZeroDaysCapped(meters).ToList();
                var (train, validation, test) = cleaned.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Every_meter_copied_twice_into_one_array_before_the_split_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                Meter[] meters = CsvFile.Read<Meter>(path).ToArray();
                var doubled = new Meter[meters.Length * 2];
                Array.Copy(meters, doubled, meters.Length);
                {|#0:Array.Copy(meters, 0, doubled, meters.Length, meters.Length)|};
                var split = doubled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Training_and_validation_parts_copied_into_one_array_for_the_final_refit_stay_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Meter>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var tuned = new TheftNet(seed: 1);
                tuned.Fit(train, validation, new FitOptions { Epochs = 40, EarlyStoppingPatience = 5 });
                var everything = new Meter[train.Count + validation.Count];
                Array.Copy(train.ToArray(), everything, train.Count);
                Array.Copy(validation.ToArray(), 0, everything, train.Count, validation.Count);
                using var final = new TheftNet(seed: 1);
                final.Fit(everything, null, new FitOptions { Epochs = 40 });
                Console.WriteLine(final.Evaluate(test).Accuracy);
            }
        }
        """));
}
