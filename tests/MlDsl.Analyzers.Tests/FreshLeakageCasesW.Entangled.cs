namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set W, label and feature entangled (MLDSL0017): an occupancy "lag" read from the next hour's reading through
/// <c>Zip</c>, a rolling occupancy in a local function whose window ends at the current hour, a ticket priority that the
/// help desk bumps when it escalates (Kaufman et al.'s "feature updated after the outcome"), a corridor's delay minutes
/// that day summed over every departure including the row's own, and a count of full hours in the last day that includes
/// the current hour; beside the lag read from the previous hour (<c>Skip(1).Zip</c>), a window of the three hours before,
/// a label mapped by a switch with <c>when</c> from the status alone, the corridor's delays of the day before read from a
/// lookup, and a count of strictly earlier hours.
/// </summary>
public sealed partial class FreshLeakageCasesW
{
    [Fact]
    public Task Occupancy_lag_read_from_the_next_hour_through_zip_is_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                List<RawHour> raw = GarageLog.Load(path);
                List<ParkingHour> hours = raw.Zip(raw.Skip(1), (now, next) => new ParkingHour
                {
                    Hour = now.Hour,
                    Price = now.Price,
                    EventNearby = now.EventNearby,
                    Temperature = now.Temperature,
                    {|#0:OccupancyLag1 = next.Occupancy|},
                    Occupancy = now.Occupancy,
                }).ToList();
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Occupancy_lag_read_from_the_previous_hour_through_skip_then_zip_stays_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                List<RawHour> raw = GarageLog.Load(path);
                List<ParkingHour> hours = raw.Skip(1).Zip(raw, (now, previous) => new ParkingHour
                {
                    Hour = now.Hour,
                    Price = now.Price,
                    EventNearby = now.EventNearby,
                    Temperature = now.Temperature,
                    OccupancyLag1 = previous.Occupancy,
                    Occupancy = now.Occupancy,
                }).ToList();
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Rolling_occupancy_in_a_local_function_whose_window_ends_at_the_current_hour_is_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                List<RawHour> raw = GarageLog.Load(path);
                float Rolling(int i) => {|#0:raw.Skip(i - 2).Take(3)|}.Average(r => r.Occupancy);
                List<ParkingHour> hours = Enumerable.Range(3, raw.Count - 3).Select(i => new ParkingHour
                {
                    Hour = raw[i].Hour,
                    Price = raw[i].Price,
                    EventNearby = raw[i].EventNearby,
                    Temperature = raw[i].Temperature,
                    RollingOccupancy = Rolling(i),
                    Occupancy = raw[i].Occupancy,
                }).ToList();
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Rolling_occupancy_in_a_local_function_over_the_three_hours_before_stays_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                List<RawHour> raw = GarageLog.Load(path);
                float Rolling(int i) => raw.Skip(i - 3).Take(3).Average(r => r.Occupancy);
                List<ParkingHour> hours = Enumerable.Range(3, raw.Count - 3).Select(i => new ParkingHour
                {
                    Hour = raw[i].Hour,
                    Price = raw[i].Price,
                    EventNearby = raw[i].EventNearby,
                    Temperature = raw[i].Temperature,
                    RollingOccupancy = Rolling(i),
                    Occupancy = raw[i].Occupancy,
                }).ToList();
                var (train, validation, test) = hours.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Priority_bumped_by_the_help_desk_on_escalation_is_reported() => Expect(Program("""
        public static class DataPrep
        {
            public static Ticket ToTicket(RawTicket raw) => new()
            {
                Queue = raw.Queue,
                {|#0:Priority = raw.Status is "escalated" ? Math.Max(raw.Priority, 4f) : raw.Priority|},
                Replies = raw.Replies,
                FirstResponseHours = raw.FirstResponseHours,
                CustomerTier = raw.CustomerTier,
                Escalated = raw.Status == "escalated" ? 1 : 0,
            };
        }

        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                List<Ticket> tickets = HelpDesk.Load(path).Select(DataPrep.ToTicket).ToList();
                var (train, validation, test) = tickets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Label_mapped_by_a_switch_with_when_from_the_status_alone_stays_silent() => Expect(Program("""
        public static class DataPrep
        {
            public static Ticket ToTicket(RawTicket raw) => new()
            {
                Queue = raw.Queue,
                Priority = raw.Priority,
                Replies = raw.Replies,
                FirstResponseHours = raw.FirstResponseHours,
                CustomerTier = raw.CustomerTier,
                Escalated = raw.Status switch
                {
                    var s when s.StartsWith("escalated", StringComparison.OrdinalIgnoreCase) => 1,
                    _ => 0,
                },
            };
        }

        public static class EscalationStudy
        {
            public static void Run(string path)
            {
                List<Ticket> tickets = HelpDesk.Load(path).Select(DataPrep.ToTicket).ToList();
                var (train, validation, test) = tickets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new EscalationNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Corridor_delay_minutes_that_day_summed_over_every_departure_including_its_own_are_reported() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RawDeparture> raw = Dispatch.Load(path);
                Dictionary<(string, DateTime), float> corridorDelay = {|#1:raw.GroupBy(d => (d.Corridor, d.Departure.Date))
                    .ToDictionary(g => g.Key, g => g.Sum(d => d.DelayMinutes))|};
                List<RailDeparture> rows = raw.Select(r => new RailDeparture
                {
                    Departure = r.Departure,
                    DistanceKm = r.DistanceKm,
                    Cars = r.Cars,
                    SnowCm = r.SnowCm,
                    {|#0:CorridorLoad = corridorDelay[(r.Corridor, r.Departure.Date)]|},
                    DelayMinutes = r.DelayMinutes,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new RailNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017", "MLDSL0016");

    [Fact]
    public Task Corridor_delay_minutes_of_the_day_before_read_from_a_lookup_stay_silent() => Expect(Program("""
        public static class DelayStudy
        {
            public static void Run(string path)
            {
                List<RawDeparture> raw = Dispatch.Load(path);
                ILookup<(string, DateTime), RawDeparture> byCorridorDay = raw.ToLookup(d => (d.Corridor, d.Departure.Date));
                List<RailDeparture> rows = raw.Select(r => new RailDeparture
                {
                    Departure = r.Departure,
                    DistanceKm = r.DistanceKm,
                    Cars = r.Cars,
                    SnowCm = r.SnowCm,
                    CorridorLoad = byCorridorDay[(r.Corridor, r.Departure.Date.AddDays(-1))].Sum(d => d.DelayMinutes),
                    DelayMinutes = r.DelayMinutes,
                }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new RailNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));

    [Fact]
    public Task Count_of_full_hours_in_the_last_day_including_the_current_hour_is_reported() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<ParkingHour> hours = CsvFile.Read<ParkingHour>(path);
                List<ParkingHour> enriched = hours.Select(r => r with
                {
                    RollingOccupancy = {|#0:hours.Count(h => h.Hour <= r.Hour && h.Hour > r.Hour.AddHours(-24) && h.Occupancy > 0.95f)|},
                }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Count_of_full_hours_in_the_day_strictly_before_the_current_hour_stays_silent() => Expect(Program("""
        public static class ParkingStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<ParkingHour> hours = CsvFile.Read<ParkingHour>(path);
                List<ParkingHour> enriched = hours.Select(r => r with
                {
                    RollingOccupancy = hours.Count(h => h.Hour < r.Hour && h.Hour >= r.Hour.AddHours(-24) && h.Occupancy > 0.95f),
                }).ToList();
                var (train, validation, test) = enriched.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new ParkingNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).MeanAbsoluteError);
            }
        }
        """));
}
