namespace MlDsl.Analyzers.Tests;

/// <summary>
/// The kind behind set O's entanglement and timing misses: the value that becomes the label, or a value declared known only
/// with or after it, flowing into a feature slot in code outside the row type (a local, a helper's parameter, a helper, a
/// <c>with</c> projection); and a label defined from an outcome measured against a feature, which is no rule over inputs.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // The label's value given to a helper as a parameter and also added into a feature.
    [Fact]
    public Task Label_value_given_as_a_parameter_and_added_into_a_feature_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            static Session Make(RawVisit visit, int bought) => new Session
            {
                User = visit.User,
                Clicks = visit.Clicks,
                Pages = visit.Pages,
                {|#0:Engagement = visit.Pages + 3f * bought|},
                Purchased = bought,
            };

            public static void Main()
            {
                var sessions = Tracker.Load("visits.csv").Select(v => Make(v, v.Events.Contains("checkout") ? 1 : 0)).ToList();
                var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // A flag kept in a local, recoded into the label and into a feature by one `with` in a loop.
    [Fact]
    public Task Flag_recoded_into_the_label_and_a_feature_by_a_with_in_a_loop_is_reported() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                var visits = Tracker.Load("visits.csv");
                var sessions = CsvFile.Read<Session>("sessions.csv");
                var rebuilt = new List<Session>();
                for (int i = 0; i < sessions.Count; i++)
                {
                    bool converted = visits[i].Events.Contains("checkout");
                    rebuilt.Add(sessions[i] with { {|#0:Engagement = converted ? 1f : 0f|}, Purchased = converted ? 1 : 0 });
                }
                var split = rebuilt.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // The fix: the label's local sets the label only; a second local counts the cart events for the feature.
    [Fact]
    public Task Label_local_beside_a_separately_counted_feature_is_silent() => Expect(Program("""
        public static class ShopNotebook
        {
            public static void Main()
            {
                Session ToSession(RawVisit visit)
                {
                    int bought = visit.Events.Contains("checkout") ? 1 : 0;
                    int carts = visit.Events.Count(e => e == "cart");
                    return new Session { User = visit.User, Clicks = visit.Clicks, Pages = visit.Pages, CartAdds = carts, Purchased = bought };
                }

                var sessions = Tracker.Load("visits.csv").Select(ToSession).ToList();
                var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 8 });
                using var net = new SessionNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: the label's local of the previous week carried into the lag feature (known at prediction time).
    [Fact]
    public Task Previous_weeks_label_local_as_a_lag_feature_is_silent() => Expect(Program("""
        public static class SalesNotebook
        {
            public static void Main()
            {
                var weeks = new List<StoreWeek>();
                float previous = 0f;
                foreach (Till till in Tills.Load("tills.csv").OrderBy(t => t.Week))
                {
                    float thousands = till.Sales / 1000f;
                    weeks.Add(new StoreWeek { Week = till.Week, Promo = till.Promo, Holiday = till.Holiday, SalesLag1 = previous, Sales = thousands });
                    previous = thousands;
                }
                var split = weeks.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new StoreNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A late value reaching a feature slot through a local.
    [Fact]
    public Task Late_payment_through_a_local_into_a_feature_slot_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = new List<Loan>();
                foreach (Loan loan in CsvFile.Read<Loan>("loans.csv"))
                {
                    float unpaid = loan.Amount - loan.TotalPayment;
                    loans.Add(loan with { {|#0:Signal = unpaid / Math.Max(1f, loan.Amount)|} });
                }
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    // A value declared after the label reaching a feature slot through a helper given the row.
    [Fact]
    public Task Recoveries_through_a_helper_into_a_feature_slot_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            static float RecoveredShare(Loan loan) => loan.Recoveries / Math.Max(1f, loan.Amount);

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv").Select(l => l with { {|#0:Signal = RecoveredShare(l)|} }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    // The fix: the feature slot filled from application values only.
    [Fact]
    public Task Feature_slot_from_application_values_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv").Select(l => l with { Signal = l.Debt / Math.Max(1f, l.Income) }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: late values combined into another metadata member ([Ignore]), never a model input.
    [Fact]
    public Task Late_values_combined_into_a_metadata_member_are_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv").Select(l => l with { TotalPayment = l.TotalPayment + l.Recoveries }).ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // A label one of whose conditions is a rule over a feature alone (a large loan counts as bad): still made from a feature.
    [Fact]
    public Task Label_with_a_condition_over_a_feature_alone_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv")
                    .Select(l => l with { {|#0:ChargedOff = l.Recoveries > 0f || l.Amount > 30000f ? 1 : 0|} })
                    .ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Look-alike: the late payment measured against the amount lent, through a flag kept in a local.
    [Fact]
    public Task Label_from_the_late_payment_against_the_amount_through_a_local_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = new List<Loan>();
                foreach (Loan loan in CsvFile.Read<Loan>("loans.csv"))
                {
                    bool shortfall = loan.TotalPayment < 0.9f * loan.Amount;
                    loans.Add(loan with { ChargedOff = shortfall ? 1 : 0 });
                }
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
