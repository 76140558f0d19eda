namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, kind 6: a label computed from a feature, or a feature from the label, in code outside the row type (a
/// projection, a helper, a <c>with</c> in a loop, a dictionary keyed by the label); beside recoded outcomes, features
/// derived from other features and fixed lookup tables keyed by a feature, which must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Kaufman et al., "Leakage in data mining" (KDD 2011), the label defined by a rule over an input: Lending Club
    // notebooks that call a loan "bad" when anything was recovered, while the recoveries are copied into a feature slot.
    [Fact]
    public Task Loan_label_thresholding_the_recoveries_copied_into_a_feature_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = LendingClub.Load("loans.csv").Select(raw => new Loan
                {
                    Amount = raw.Amount,
                    Rate = raw.Rate,
                    Income = raw.Income,
                    Debt = raw.Debt,
                    Signal = raw.Recoveries,
                    {|#0:ChargedOff = raw.Recoveries > 0f ? 1 : 0|},
                }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Kapoor & Narayanan (2023) L2, a feature that is a proxy of the outcome: a "prior" per class read from a dictionary
    // keyed by the session's own label (a Stack Overflow answer's way to "add class information as a feature").
    [Fact]
    public Task Prior_read_from_a_dictionary_keyed_by_the_sessions_label_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            static readonly Dictionary<int, float> ConversionPrior = new() { [0] = 0.03f, [1] = 0.97f };

            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var enriched = sessions.Select(s => s with { {|#0:Engagement = ConversionPrior[s.Purchased]|} }).ToList();
                var split = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 2 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Kaufman et al. (KDD 2011), "leaking features" that encode the target in disguise: an engagement score computed in a
    // helper that adds a bonus for sessions that ended in a purchase.
    [Fact]
    public Task Engagement_score_from_a_helper_that_reads_the_purchase_is_reported() => Expect(Program("""
        public static class Scoring
        {
            public static float Engagement(Session s) => 0.1f * s.Clicks + s.Pages + s.Dwell / 60f + (s.Purchased == 1 ? 5f : 0f);
        }

        public static class ShopNotebook
        {
            public static void Main()
            {
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var scored = sessions.Select(s => s with { {|#0:Engagement = Scoring.Engagement(s)|} }).ToList();
                var split = scored.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Backblaze's drive-failure notebooks relabelling drives by a SMART threshold ("a drive with reallocated sectors
    // above 100 is failing") in a loop, while the same attribute stays a feature: the model learns the rule.
    [Fact]
    public Task Drive_failure_relabelled_from_reallocated_sectors_in_a_loop_is_reported() => Expect(Program("""
        public static class DriveNotebook
        {
            public static void Main()
            {
                var days = CsvFile.Read<DriveDay>("smart.csv");
                var relabelled = new List<DriveDay>();
                foreach (var day in days)
                    relabelled.Add(day with { {|#0:Failure = day.Reallocated > 100f ? 1 : 0|} });
                var split = relabelled.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 4 });
                using var net = new DriveNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Kaufman et al. (KDD 2011): the cart counter recomputed to include the checkout event, which is the label; built
    // in a local function that keeps the outcome in a local first.
    [Fact]
    public Task Cart_adds_counting_the_checkout_that_is_the_label_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                Session ToSession(RawVisit visit)
                {
                    int bought = visit.Events.Contains("checkout") ? 1 : 0;
                    return new Session
                    {
                        User = visit.User,
                        Clicks = visit.Clicks,
                        Pages = visit.Pages,
                        Dwell = visit.Dwell,
                        {|#0:CartAdds = visit.CartAdds + bought|},
                        Purchased = bought,
                    };
                }

                var sessions = Tracker.Load("visits.csv").Select(ToSession).ToList();
                var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Look-alike (the fix of the first case, as Lending Club tutorials write it): the label recoded from the loan
    // status by equality with constants; features read from the application columns only.
    [Fact]
    public Task Loan_label_recoded_from_the_status_beside_application_features_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            static Loan ToLoan(RawLoan raw) => new Loan
            {
                Amount = raw.Amount,
                Rate = raw.Rate,
                Income = raw.Income,
                Debt = raw.Debt,
                Dti = raw.Debt / Math.Max(1f, raw.Income),
                ChargedOff = raw.Status switch { "Charged Off" => 1, "Default" => 1, _ => 0 },
            };

            public static void Main()
            {
                var loans = LendingClub.Load("loans.csv").Where(raw => raw.Status != "Current").Select(ToLoan).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: features derived from other features (a debt-to-income ratio and a monthly instalment share, the
    // ratios every credit notebook adds) in a `with` inside a loop; the label is not read.
    [Fact]
    public Task Ratios_of_application_features_in_a_with_loop_are_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var withRatios = new List<Loan>(loans.Count);
                foreach (var loan in loans)
                {
                    float monthlyIncome = Math.Max(1f, loan.Income / 12f);
                    float instalment = loan.Amount * (1f + loan.Rate) / 36f;
                    withRatios.Add(loan with { Dti = loan.Debt / monthlyIncome, Signal = instalment / monthlyIncome });
                }
                var split = withRatios.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: a fixed, published table keyed by a feature (Lending Club's sub-grade to base rate), not by the label.
    [Fact]
    public Task Base_rate_read_from_a_fixed_table_keyed_by_the_grade_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            static readonly Dictionary<string, float> BaseRate = new()
            {
                ["A"] = 0.06f, ["B"] = 0.10f, ["C"] = 0.14f, ["D"] = 0.18f, ["E"] = 0.22f, ["F"] = 0.26f, ["G"] = 0.30f,
            };

            public static void Main()
            {
                var loans = LendingClub.Load("loans.csv").Where(raw => raw.Status != "Current").Select(raw => new Loan
                {
                    Amount = raw.Amount,
                    Rate = raw.Rate,
                    Income = raw.Income,
                    Debt = raw.Debt,
                    Grade = BaseRate.GetValueOrDefault(raw.Grade, 0.3f),
                    Signal = raw.Rate - BaseRate.GetValueOrDefault(raw.Grade, 0.3f),
                    ChargedOff = raw.Status == "Charged Off" ? 1 : 0,
                }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (the fix of the checkout case): the outcome read from the events, the cart counter left as logged.
    [Fact]
    public Task Purchase_read_from_the_events_beside_the_logged_cart_counter_is_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                Session ToSession(RawVisit visit)
                {
                    int bought = visit.Events.Contains("checkout") ? 1 : 0;
                    float searches = visit.Events.Count(e => e == "search");
                    return new Session
                    {
                        User = visit.User,
                        Clicks = visit.Clicks,
                        Pages = visit.Pages,
                        Dwell = visit.Dwell,
                        CartAdds = visit.CartAdds,
                        Engagement = searches + visit.Pages / 10f,
                        Purchased = bought,
                    };
                }

                var sessions = Tracker.Load("visits.csv").Select(ToSession).ToList();
                var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: the label joined from a separate outcomes table by the loan's row number (the way the Lending Club
    // data is often shipped: applications and statuses in two files), features from the application only.
    [Fact]
    public Task Outcome_joined_from_a_second_table_by_position_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applications = CsvFile.Read<Loan>("applications.csv");
                var statuses = File.ReadLines("statuses.csv").Skip(1).Select(line => line.Split(',')[1]).ToArray();
                var labelled = applications.Select((loan, i) => loan with { ChargedOff = statuses[i] == "Charged Off" ? 1 : 0 }).ToList();
                var split = labelled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
