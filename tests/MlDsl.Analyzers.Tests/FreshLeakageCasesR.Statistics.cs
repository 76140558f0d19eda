namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set R, statistics and copies: statistics learned from rows that later reach validation or test (MLDSL0016: a mean in
/// query syntax, an imputer fitted in a local function returning a tuple, bounds found by a foreach, a generic helper),
/// rows multiplied before the split (MLDSL0026: oversampling written as a query, SMOTE behind an extension method); beside
/// the fit after the split, a fit per fold, a ranking fitted only to be printed, copies kept together by a grouped split,
/// and two years' files concatenated.
/// </summary>
public sealed partial class FreshLeakageCasesR
{
    [Fact]
    public Task Taxi_out_mean_from_a_query_over_every_leg_before_the_time_split_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FlightLeg> legs = CsvFile.Read<FlightLeg>(path);
                float meanTaxi = {|#0:(from l in legs select l.TaxiOut).Average()|};
                List<FlightLeg> centred = (from l in legs select l with { TaxiOut = l.TaxiOut - meanTaxi }).ToList();
                var (train, validation, test) = centred.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new DelayNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Taxi_out_mean_from_a_query_over_the_training_legs_stays_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<FlightLeg>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                float meanTaxi = (from l in train select l.TaxiOut).Average();
                FlightLeg[] Centre(IEnumerable<FlightLeg> part) => (from l in part select l with { TaxiOut = l.TaxiOut - meanTaxi }).ToArray();
                using var model = new DelayNet(seed: 1);
                model.Fit(Centre(train), Centre(validation));
                Console.WriteLine(model.Evaluate(Centre(test)).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Imputer_fitted_in_a_local_function_returning_a_tuple_before_cross_validation_is_reported() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Caller> callers = CsvFile.Read<Caller>(path);
                (Imputer Imputer, Caller[] Rows) Prepare(IReadOnlyList<Caller> rows)
                {
                    Imputer imputer = Imputer.Fit(rows, ImputeStrategy.Median);
                    return (imputer, imputer.Apply(rows));
                }
                var (_, imputed) = {|#0:Prepare(callers)|};
                CrossValidationResult result = CrossValidation.Run(imputed,
                    CrossValidation.TrainModel<Caller, ChurnNet>(() => new ChurnNet(seed: 1)), new FoldOptions { Kind = FoldKind.Stratified });
                Console.WriteLine(result);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Imputer_refitted_inside_each_fold_stays_silent() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Caller> callers = CsvFile.Read<Caller>(path);
                CrossValidationResult result = CrossValidation.Run(callers,
                    CrossValidation.TrainModel<Caller, ChurnNet>(() => new ChurnNet(seed: 1)), new FoldOptions { Kind = FoldKind.Stratified },
                    prepare: foldTrain =>
                    {
                        Imputer imputer = Imputer.Fit(foldTrain, ImputeStrategy.Median);
                        return rows => imputer.Apply(rows);
                    });
                Console.WriteLine(result);
            }
        }
        """));

    /// <remarks>Mark moved from the loop's collection to the value the bounds rescale: the MLDSL0016 page reports running statistics where they enter a row.</remarks>
    [Fact]
    public Task Rainfall_bounds_found_by_a_foreach_over_every_season_before_a_grouped_split_are_reported() => Expect(Program("""
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FieldSeason> fields = CsvFile.Read<FieldSeason>(path);
                float low = float.MaxValue, high = float.MinValue;
                foreach (FieldSeason f in fields)
                {
                    low = Math.Min(low, f.Rainfall);
                    high = Math.Max(high, f.Rainfall);
                }
                List<FieldSeason> scaled = fields.Select(f => f with { Rainfall = {|#0:(f.Rainfall - low) / (high - low)|} }).ToList();
                var split = scaled.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new CropNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Humidity_mean_from_a_generic_helper_over_every_hour_is_reported() => Expect(Program("""
        public static class Stats
        {
            public static float Mean<T>(IEnumerable<T> rows, Func<T, float> value)
            {
                float sum = 0;
                int n = 0;
                foreach (T row in rows)
                {
                    sum += value(row);
                    n++;
                }
                return n == 0 ? 0f : sum / n;
            }
        }

        public static class DemandStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<BikeHour> hours = CsvFile.Read<BikeHour>(path);
                float humidity = {|#0:Stats.Mean(hours, h => h.Humidity)|};
                List<BikeHour> centred = hours.Select(h => h with { Humidity = h.Humidity - humidity }).ToList();
                var split = centred.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new BikeNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Humidity_mean_from_a_generic_helper_over_the_training_hours_stays_silent() => Expect(Program("""
        public static class Stats
        {
            public static float Mean<T>(IEnumerable<T> rows, Func<T, float> value)
            {
                float sum = 0;
                int n = 0;
                foreach (T row in rows)
                {
                    sum += value(row);
                    n++;
                }
                return n == 0 ? 0f : sum / n;
            }
        }

        public static class DemandStudy
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<BikeHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                float humidity = Stats.Mean(split.Train, h => h.Humidity);
                List<BikeHour> Centre(IReadOnlyList<BikeHour> part) => part.Select(h => h with { Humidity = h.Humidity - humidity }).ToList();
                using var model = new BikeNet(seed: 1);
                model.Fit(Centre(split.Train), Centre(split.Validation));
                Console.WriteLine(model.Evaluate(Centre(split.Test)).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Feature_ranking_fitted_on_every_leg_only_to_be_printed_stays_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FlightLeg> legs = CsvFile.Read<FlightLeg>(path);
                SelectKBest ranking = SelectKBest.Fit(legs, ScoreFunction.FRegression, 2);
                Console.WriteLine("most related to the delay: " + string.Join(", ", ranking.SelectedNames));
                var (train, validation, test) = legs.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new DelayNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Churners_repeated_by_a_query_before_the_split_are_reported() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Caller> callers = CsvFile.Read<Caller>(path);
                IEnumerable<Caller> churners = from c in callers where c.Churned == 1 select c;
                List<Caller> balanced = {|#0:callers.Concat(churners)|}.ToList();
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Smote_behind_an_extension_method_before_cross_validation_is_reported() => Expect(Program("""
        public static class BookingBalance
        {
            public static Booking[] Balanced(this IReadOnlyList<Booking> rows) => Oversampler.Smote(rows, k: 5, seed: 11);
        }

        public static class CancellationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Booking> bookings = CsvFile.Read<Booking>(path);
                Booking[] balanced = {|#0:bookings.Balanced()|};
                CrossValidationResult result = CrossValidation.Run(balanced,
                    CrossValidation.TrainModel<Booking, BookingNet>(() => new BookingNet(seed: 3)), new FoldOptions { Kind = FoldKind.Stratified });
                Console.WriteLine(result.Mean);
            }
        }
        """), "MLDSL0026");

    [Fact]
    public Task Jittered_copies_of_every_season_before_a_grouped_split_stay_silent() => Expect(Program("""
        public static class YieldStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<FieldSeason> fields = CsvFile.Read<FieldSeason>(path);
                List<FieldSeason> augmented = fields
                    .SelectMany(f => new[] { f, f with { Rainfall = f.Rainfall * 1.05f }, f with { Rainfall = f.Rainfall * 0.95f } })
                    .ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new CropNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Two_years_of_call_centre_files_concatenated_before_the_split_stay_silent() => Expect(Program("""
        public static class ChurnStudy
        {
            public static void Run(string folder)
            {
                List<Caller> callers = CsvFile.Read<Caller>(Path.Combine(folder, "2024.csv"))
                    .Concat(CsvFile.Read<Caller>(Path.Combine(folder, "2025.csv")))
                    .ToList();
                var (train, validation, test) = callers.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ChurnNet(seed: 1);
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));
}
