namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind C of set Q: lag features read from a neighbouring row (MLDSL0017 when the row is a later one and its label
/// becomes a feature; reported on the assignment). Orders the lag rules must work out: by ticker then by day, by
/// negated ticks (newest first), reversed twice, sorted newest first then reversed in place; neighbours paired by Zip
/// and by an indexed Select; a loop that runs backwards. Beside them, the same programs reading the past, a forecast
/// whose label is the next day's value, and next day's campaign, planned in advance, which is no label.
/// </summary>
public sealed partial class FreshLeakageCasesQ
{
    private const string FitQuotes = """
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1 });
                using var model = new QuoteNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
        """;

    private const string FitTraffic = """
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.1 });
                using var model = new TrafficNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
        """;

    [Fact]
    public Task Next_days_close_of_the_same_ticker_ordered_by_ticker_then_day_is_reported() => Expect(Program($$"""
        public static class Prices
        {
            public static void Run(string path)
            {
                List<Quote> quotes = Exchange.Load(path).OrderBy(q => q.Ticker).ThenBy(q => q.Day).ToList();
                var rows = new List<QuoteDay>();
                for (int i = 5; i < quotes.Count - 1; i++)
                {
                    if (quotes[i + 1].Ticker != quotes[i].Ticker || quotes[i - 5].Ticker != quotes[i].Ticker) continue;
                    rows.Add(new QuoteDay
                    {
                        Day = quotes[i].Day,
                        Volume = quotes[i].Volume,
                        {|#0:CloseLag1 = quotes[i + 1].Close|},
                        CloseLag5 = quotes[i - 5].Close,
                        Close = quotes[i].Close,
                    });
                }
        {{FitQuotes}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Previous_index_in_quotes_ordered_by_negated_ticks_is_the_next_day_and_is_reported() => Expect(Program($$"""
        public static class Prices
        {
            public static void Run(string path)
            {
                List<Quote> quotes = Exchange.Load(path).Where(q => q.Ticker == "ACME").OrderBy(q => -q.Day.Ticks).ToList();
                var rows = new List<QuoteDay>();
                for (int i = 1; i < quotes.Count - 5; i++)
                {
                    rows.Add(new QuoteDay
                    {
                        Day = quotes[i].Day,
                        Volume = quotes[i].Volume,
                        {|#0:CloseLag1 = quotes[i - 1].Close|},
                        CloseLag5 = quotes[i + 5].Close,
                        Close = quotes[i].Close,
                    });
                }
        {{FitQuotes}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_index_after_a_descending_order_reversed_again_is_reported() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderByDescending(d => d.Day).Reverse().ToList();
                var rows = new List<TrafficDay>();
                for (int i = 7; i < days.Count - 1; i++)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i].Campaign,
                        {|#0:VisitsLag1 = days[i + 1].Visits|},
                        VisitsLag7 = days[i - 7].Visits,
                        Visits = days[i].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_index_after_a_descending_sort_reversed_in_place_is_reported() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path);
                days.Sort((a, b) => b.Day.CompareTo(a.Day));
                days.Reverse();
                var rows = new List<TrafficDay>();
                for (int i = 7; i < days.Count - 1; i++)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i].Campaign,
                        {|#0:VisitsLag1 = days[i + 1].Visits|},
                        VisitsLag7 = days[i - 7].Visits,
                        Visits = days[i].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Tomorrows_visits_paired_by_zip_with_the_next_day_are_reported() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                List<TrafficDay> rows = days.Zip(days.Skip(1), (today, tomorrow) => new TrafficDay
                {
                    Day = today.Day,
                    Campaign = today.Campaign,
                    {|#0:VisitsLag1 = tomorrow.Visits|},
                    Visits = today.Visits,
                }).ToList();
        {{FitTraffic}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_days_visits_read_in_an_indexed_select_are_reported() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                List<TrafficDay> rows = days.Select((d, i) => new TrafficDay
                {
                    Day = d.Day,
                    Campaign = d.Campaign,
                    {|#0:VisitsLag1 = i + 1 < days.Count ? days[i + 1].Visits : 0f|},
                    Visits = d.Visits,
                }).ToList();
        {{FitTraffic}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Next_index_read_in_a_loop_running_backwards_is_reported() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                var rows = new List<TrafficDay>();
                for (int i = days.Count - 2; i >= 7; i--)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i].Campaign,
                        {|#0:VisitsLag1 = days[i + 1].Visits|},
                        VisitsLag7 = days[i - 7].Visits,
                        Visits = days[i].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """), "MLDSL0017");

    [Fact]
    public Task Previous_day_of_the_same_ticker_ordered_by_ticker_then_day_stays_silent() => Expect(Program($$"""
        public static class Prices
        {
            public static void Run(string path)
            {
                List<Quote> quotes = Exchange.Load(path).OrderBy(q => q.Ticker).ThenBy(q => q.Day).ToList();
                var rows = new List<QuoteDay>();
                for (int i = 5; i < quotes.Count; i++)
                {
                    if (quotes[i - 5].Ticker != quotes[i].Ticker) continue;
                    rows.Add(new QuoteDay
                    {
                        Day = quotes[i].Day,
                        Volume = quotes[i].Volume,
                        CloseLag1 = quotes[i - 1].Close,
                        CloseLag5 = quotes[i - 5].Close,
                        Close = quotes[i].Close,
                    });
                }
        {{FitQuotes}}
            }
        }
        """));

    [Fact]
    public Task Next_index_in_quotes_ordered_by_negated_ticks_is_the_previous_day_and_stays_silent() => Expect(Program($$"""
        public static class Prices
        {
            public static void Run(string path)
            {
                List<Quote> quotes = Exchange.Load(path).Where(q => q.Ticker == "ACME").OrderBy(q => -q.Day.Ticks).ToList();
                var rows = new List<QuoteDay>();
                for (int i = 0; i < quotes.Count - 5; i++)
                {
                    rows.Add(new QuoteDay
                    {
                        Day = quotes[i].Day,
                        Volume = quotes[i].Volume,
                        CloseLag1 = quotes[i + 1].Close,
                        CloseLag5 = quotes[i + 5].Close,
                        Close = quotes[i].Close,
                    });
                }
        {{FitQuotes}}
            }
        }
        """));

    [Fact]
    public Task Previous_index_after_a_descending_order_reversed_again_stays_silent() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderByDescending(d => d.Day).Reverse().ToList();
                var rows = new List<TrafficDay>();
                for (int i = 7; i < days.Count; i++)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i].Campaign,
                        VisitsLag1 = days[i - 1].Visits,
                        VisitsLag7 = days[i - 7].Visits,
                        Visits = days[i].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """));

    [Fact]
    public Task Yesterdays_visits_paired_by_zip_with_the_previous_day_stay_silent() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                List<TrafficDay> rows = days.Zip(days.Skip(1), (yesterday, today) => new TrafficDay
                {
                    Day = today.Day,
                    Campaign = today.Campaign,
                    VisitsLag1 = yesterday.Visits,
                    Visits = today.Visits,
                }).ToList();
        {{FitTraffic}}
            }
        }
        """));

    [Fact]
    public Task Forecast_of_tomorrows_visits_from_todays_stays_silent() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                var rows = new List<TrafficDay>();
                for (int i = 6; i < days.Count - 1; i++)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i + 1].Day,
                        Campaign = days[i + 1].Campaign,
                        VisitsLag1 = days[i].Visits,
                        VisitsLag7 = days[i - 6].Visits,
                        Visits = days[i + 1].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """));

    [Fact]
    public Task Next_days_planned_campaign_beside_a_past_lag_stays_silent() => Expect(Program($$"""
        public static class Traffic
        {
            public static void Run(string path)
            {
                List<DailyVisits> days = Analytics.Load(path).OrderBy(d => d.Day).ToList();
                var rows = new List<TrafficDay>();
                for (int i = 7; i < days.Count - 1; i++)
                {
                    rows.Add(new TrafficDay
                    {
                        Day = days[i].Day,
                        Campaign = days[i + 1].Campaign,
                        VisitsLag1 = days[i - 1].Visits,
                        VisitsLag7 = days[i - 7].Visits,
                        Visits = days[i].Visits,
                    });
                }
        {{FitTraffic}}
            }
        }
        """));
}
