using MlDsl.Analyzers.Tests.Infrastructure;

namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, kind 3 (MLDSL0019): a Fisher–Yates shuffle written by hand in a helper (a loop swapping elements at
/// <c>rng.Next(...)</c> positions) before a cut of [Timestamp] rows is a random split; the rows ordered by time after it, and a
/// helper rewriting elements without a random draw, stay silent.
/// The rows and models are set W's (<see cref="FreshLeakageCasesW"/>).
/// </summary>
public sealed class SetWHandWrittenShuffleTests
{
    [Fact]
    public Task Parking_hours_shuffled_by_a_while_loop_helper_then_cut_are_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                List<ParkingHour> hours = CsvFile.Read<ParkingHour>(path).ToList();
                {|#0:Shuffle(hours, new Random(7))|};
                int cut = hours.Count * 4 / 5;
                using var net = new ParkingNet(seed: 1);
                net.Fit(hours.Take(cut).ToList());
                Console.WriteLine(net.Evaluate(hours.Skip(cut).ToList()).MeanAbsoluteError);
            }

            private static void Shuffle(List<ParkingHour> list, Random rng)
            {
                int n = list.Count;
                while (n > 1)
                {
                    n--;
                    int k = rng.Next(n + 1);
                    ParkingHour swap = list[k];
                    list[k] = list[n];
                    list[n] = swap;
                }
            }
        }
        """), "MLDSL0019");

    [Fact]
    public Task Parking_hours_shuffled_by_hand_then_ordered_by_hour_before_the_cut_stay_silent() => Expect(Program("""
        public static class DataPrep
        {
            public static void Shuffle<T>(T[] items, Random random)
            {
                for (int i = items.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }
        }

        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).ToArray();
                DataPrep.Shuffle(hours, new Random(42));
                ParkingHour[] ordered = hours.OrderBy(h => h.Hour).ToArray();
                int cut = ordered.Length * 4 / 5;
                using var net = new ParkingNet(seed: 1);
                net.Fit(ordered[..cut]);
                Console.WriteLine(net.Evaluate(ordered[cut..]).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Parking_hours_rewritten_in_place_by_a_loop_without_a_random_draw_then_cut_stay_silent() => Expect(Program("""
        public static class DataPrep
        {
            public static void ClampPrices<T>(T[] items, Func<T, T> clamp)
            {
                for (int i = 0; i < items.Length; i++)
                    items[i] = clamp(items[i]);
            }
        }

        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                ParkingHour[] hours = CsvFile.Read<ParkingHour>(path).ToArray();
                DataPrep.ClampPrices(hours, h => h with { Price = Math.Max(0f, h.Price) });
                int cut = hours.Length * 4 / 5;
                using var net = new ParkingNet(seed: 1);
                net.Fit(hours[..cut]);
                Console.WriteLine(net.Evaluate(hours[cut..]).MeanAbsoluteError);
            }
        }
        """));

    private static string Program(string types) => FreshLeakageCasesW.Program(types);

    private static Task Expect(string source, params string[] expected) => LeakageExpectation.Expect(source, expected);
}
