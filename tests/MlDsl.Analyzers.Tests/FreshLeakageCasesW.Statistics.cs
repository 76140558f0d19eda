namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, statistics learned from rows that later reach validation or test (MLDSL0016): a scaler fitted in a constructor
/// over every fire cell kept in a field, a generic <c>Standardize&lt;T&gt;</c> helper of a static FeatureEngineering class,
/// a response-time quantile taken from every ticket, a temperature mean computed with <c>AsParallel()</c>, an imputer
/// fitted in an awaited helper, feature selection over every departure before time-series folds, a queue volume counted
/// through <c>ToLookup</c> over every ticket (frequency encoding, Kaggle's transductive favourite); beside the same
/// statistics learned from the training part (through a returned tuple, an <c>out</c> parameter, a fold's prepare step)
/// and applied to the others.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    [Fact]
    public Task Scaler_fitted_in_a_constructor_over_every_fire_cell_kept_in_a_field_is_reported() => Expect(Program("""
        public sealed class SpreadStudy
        {
            private readonly IReadOnlyList<FireCell> cells;
            private readonly Standardizer scaler;

            public SpreadStudy(string path)
            {
                cells = CsvFile.Read<FireCell>(path);
                scaler = Standardizer.Fit({|#0:cells|});
            }

            public double Run()
            {
                var (train, validation, test) = scaler.Apply(cells).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new SpreadNet(seed: 1);
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_in_a_constructor_on_the_training_fires_of_a_split_kept_in_a_property_stays_silent() => Expect(Program("""
        public sealed class SpreadStudy
        {
            private DataSplit<FireCell> Parts { get; }
            private readonly Standardizer scaler;

            public SpreadStudy(string path)
            {
                Parts = CsvFile.Read<FireCell>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                scaler = Standardizer.Fit(Parts.Train);
            }

            public double Run()
            {
                using var net = new SpreadNet(seed: 1);
                net.Fit(scaler.Apply(Parts.Train), scaler.Apply(Parts.Validation));
                return net.Evaluate(scaler.Apply(Parts.Test)).Accuracy;
            }
        }
        """));

    [Fact]
    public Task Generic_standardize_helper_of_a_feature_engineering_class_given_every_batch_is_reported() => Expect(Program("""
        public static class FeatureEngineering
        {
            public static T[] Standardize<T>(IReadOnlyList<T> rows) where T : IDatasetRow<T> => Standardizer.Fit(rows).Apply(rows);
        }

        public static class Program
        {
            public static void Main()
            {
                IReadOnlyList<Fermentation> batches = CsvFile.Read<Fermentation>("ferments.csv");
                Fermentation[] scaled = {|#0:FeatureEngineering.Standardize(batches)|};
                var split = scaled.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new WineNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"{net.Evaluate(split.Test).MeanAbsoluteError:F2} % ABV");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Generic_standardize_helper_fitting_the_training_part_and_returning_a_tuple_stays_silent() => Expect(Program("""
        public static class FeatureEngineering
        {
            public static (T[] Train, T[] Validation, T[] Test) Standardize<T>(DataSplit<T> split) where T : IDatasetRow<T>
            {
                Standardizer scaler = Standardizer.Fit(split.Train);
                return (scaler.Apply(split.Train), scaler.Apply(split.Validation), scaler.Apply(split.Test));
            }
        }

        public static class Program
        {
            public static void Main()
            {
                var split = CsvFile.Read<Fermentation>("ferments.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
                var (train, validation, test) = FeatureEngineering.Standardize(split);
                using var net = new WineNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine($"{net.Evaluate(test).MeanAbsoluteError:F2} % ABV");
            }
        }
        """));

    [Fact]
    public Task Response_time_cap_at_the_99th_percentile_of_every_ticket_is_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                float[] sorted = {|#0:tickets.Select(t => t.FirstResponseHours).OrderBy(h => h)|}.ToArray();
                float cap = sorted[(int)(sorted.Length * 0.99)];
                List<Ticket> capped = tickets.Select(t => t with { FirstResponseHours = Math.Min(t.FirstResponseHours, cap) }).ToList();
                var (train, validation, test) = capped.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Response_time_cap_returned_through_an_out_parameter_from_the_training_tickets_stays_silent() => Expect(Program("""
        public static class DataPrep
        {
            public static DataSplit<Ticket> SplitTickets(string path, out float cap)
            {
                var split = CsvFile.Read<Ticket>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                float[] sorted = split.Train.Select(t => t.FirstResponseHours).OrderBy(h => h).ToArray();
                cap = sorted[(int)(sorted.Length * 0.99)];
                return split;
            }
        }

        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                DataSplit<Ticket> split = DataPrep.SplitTickets(path, out float cap);
                List<Ticket> Cap(IReadOnlyList<Ticket> part) =>
                    part.Select(t => t with { FirstResponseHours = Math.Min(t.FirstResponseHours, cap) }).ToList();
                using var net = new EscalationNet(seed: 1);
                net.Fit(Cap(split.Train), Cap(split.Validation));
                Console.WriteLine(net.Evaluate(Cap(split.Test)).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Temperature_mean_over_every_parking_hour_computed_in_parallel_is_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<ParkingHour> hours = CsvFile.Read<ParkingHour>(path);
                float meanTemperature = {|#0:hours.AsParallel().Average(h => h.Temperature)|};
                ParkingHour[] centred = hours.AsParallel().AsOrdered()
                    .Select(h => h with { Temperature = h.Temperature - meanTemperature }).ToArray();
                var (train, validation, test) = centred.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Temperature_mean_over_the_training_hours_computed_in_parallel_stays_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<ParkingHour>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                float meanTemperature = train.AsParallel().Average(h => h.Temperature);
                ParkingHour[] Centre(IReadOnlyList<ParkingHour> part) => part.AsParallel().AsOrdered()
                    .Select(h => h with { Temperature = h.Temperature - meanTemperature }).ToArray();
                using var net = new ParkingNet(seed: 1);
                net.Fit(Centre(train), Centre(validation));
                Console.WriteLine(net.Evaluate(Centre(test)).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Imputer_fitted_in_an_awaited_helper_over_every_participant_is_reported() => Expect(Program("""
        public static class DataPrep
        {
            public static async Task<Participant[]> ImputeAsync(IReadOnlyList<Participant> rows)
            {
                Imputer imputer = await Task.Run(() => Imputer.Fit(rows, ImputeStrategy.Median));
                return imputer.Apply(rows);
            }
        }

        public static class Program
        {
            public static async Task Main()
            {
                IReadOnlyList<Participant> participants = CsvFile.Read<Participant>("trial.csv");
                Participant[] filled = await {|#0:DataPrep.ImputeAsync(participants)|};
                var split = filled.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new DropoutNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Imputer_fitted_per_fold_in_the_prepare_step_of_grouped_cross_validation_stays_silent() => Expect(Program("""
        public static class Program
        {
            public static async Task Main()
            {
                IReadOnlyList<Participant> participants = await Task.Run(() => CsvFile.Read<Participant>("trial.csv"));
                var (train, _, test) = participants.Split(new SplitOptions { Kind = SplitKind.Grouped });
                CrossValidationResult result = CrossValidation.Run(train,
                    CrossValidation.TrainModel<Participant, DropoutNet>(() => new DropoutNet(seed: 1)),
                    new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 },
                    foldTrain => Imputer.Fit(foldTrain, ImputeStrategy.Median).Apply);
                Console.WriteLine($"cross-validated accuracy {result.Mean:F3} ± {result.StandardDeviation:F3}");
                Imputer imputer = Imputer.Fit(train, ImputeStrategy.Median);
                using var net = new DropoutNet(seed: 1);
                net.Fit(imputer.Apply(train));
                Console.WriteLine(net.Evaluate(imputer.Apply(test)).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Feature_selection_over_every_departure_inside_a_try_before_time_series_folds_is_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<RailDeparture> departures = CsvFile.Read<RailDeparture>(path);
                RailDeparture[] reduced;
                try
                {
                    reduced = SelectKBest.Fit({|#0:departures|}, ScoreFunction.FRegression, 3).Apply(departures);
                }
                catch (ArgumentException)
                {
                    reduced = departures.ToArray();
                }
                CrossValidationResult result = CrossValidation.Run(reduced,
                    CrossValidation.TrainModel<RailDeparture, RailNet>(() => new RailNet(seed: 1)),
                    new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 5 });
                Console.WriteLine(result);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Queue_volume_counted_through_a_lookup_of_every_ticket_is_reported() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<Ticket> tickets = CsvFile.Read<Ticket>(path);
                ILookup<string, Ticket> byQueue = tickets.ToLookup(t => t.Queue);
                List<Ticket> counted = tickets.Select(t => t with { QueueVolume = {|#0:byQueue[t.Queue].Count()|} }).ToList();
                var (train, validation, test) = counted.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Queue_volume_counted_through_a_lookup_of_the_training_tickets_stays_silent() => Expect(Program("""
        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<Ticket>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                ILookup<string, Ticket> byQueue = train.ToLookup(t => t.Queue);
                List<Ticket> Count(IReadOnlyList<Ticket> part) => part.Select(t => t with { QueueVolume = byQueue[t.Queue].Count() }).ToList();
                using var net = new EscalationNet(seed: 1);
                net.Fit(Count(train), Count(validation));
                Console.WriteLine(net.Evaluate(Count(test)).Accuracy);
            }
        }
        """));
}
