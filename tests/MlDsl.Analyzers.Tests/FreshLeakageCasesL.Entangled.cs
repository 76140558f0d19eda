namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kind 6: label and feature entangled outside the record, next to lags and recorded outcomes.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Kaggle "Store Item Demand" kernels that build lag features from a date-keyed dictionary and get the sign wrong:
    // "last week's sales" looked up a week ahead, which is next week's label.
    [Fact]
    public Task Week_lag_looked_up_a_week_ahead_in_a_date_keyed_dictionary_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var tills = Tills.Load("tills.csv");
                var byDate = tills.ToDictionary(t => t.Date);
                var days = tills.Select(t => new ShopDay
                {
                    Date = t.Date,
                    Promo = t.Promo,
                    Temperature = t.Temperature,
                    SalesLag1 = byDate.TryGetValue(t.Date.AddDays(-1), out var yesterday) ? yesterday.Sales : 0f,
                    SalesLag7 = byDate.TryGetValue({|#0:t.Date.AddDays(7)|}, out var week) ? week.Sales : 0f,
                    Sales = t.Sales,
                }).ToList();
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    // Micci-Barreca target encoding done in-sample (the leak scikit-learn's TargetEncoder docs warn about): the default
    // rate per employer, filled by a loop over groups, includes each applicant's own label; the split comes afterwards.
    [Fact]
    public Task Default_rate_per_employer_filled_by_a_loop_over_groups_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var rate = new Dictionary<string, float>();
                foreach (var employer in {|#1:applicants.GroupBy(a => a.Employer)|})
                    rate[employer.Key] = (float){|#0:employer.Average(a => a.Default)|};
                var encoded = applicants.Select(a => a with { EmployerRate = rate[a.Employer] }).ToList();
                var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ApplicantNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017", "MLDSL0016");

    // Kaufman, Rosset & Perlich, "Leakage in data mining" (KDD 2011): a label defined by a rule on a feature. The sepsis
    // flag is derived from the lactate reading in a helper, and lactate is also an input.
    [Fact]
    public Task Sepsis_flag_derived_from_the_lactate_feature_in_a_helper_is_reported() => Expect(Program("""
        public static class SepsisNotebook
        {
            static int Flag(RawAdmission r) => r.Lactate > 2f ? 1 : 0;

            public static void Main()
            {
                var admissions = Admissions.Load("export.csv").Select(r => new Admission
                {
                    Age = r.Age,
                    HeartRate = r.HeartRate,
                    Lactate = r.Lactate,
                    Creatinine = r.Creatinine,
                    Ward = r.Ward,
                    {|#0:Sepsis = Flag(r)|},
                }).ToList();
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // A spam notebook that "boosts" known spam so the signal is clearer, hidden in a query's let clause: the feature
    // now carries the label.
    [Fact]
    public Task Exclamations_boosted_by_the_spam_label_in_a_query_let_is_reported() => Expect(Program("""
        public static class SpamFilter
        {
            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var boosted = (from e in emails
                               let boost = e.Spam * 3f
                               select e with { {|#0:Exclamations = e.Exclamations + boost|} }).ToList();
                var split = boosted.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // Look-alike (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", lagged predictors): yesterday's and
    // last week's sales looked up by date in the past.
    [Fact]
    public Task Lags_looked_up_a_day_and_a_week_back_by_date_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var tills = Tills.Load("tills.csv");
                var byDate = tills.ToDictionary(t => t.Date);
                float SalesOn(DateTime day) => byDate.TryGetValue(day, out var till) ? till.Sales : 0f;
                var days = tills.Select(t => new ShopDay
                {
                    Date = t.Date,
                    Promo = t.Promo,
                    Temperature = t.Temperature,
                    SalesLag1 = SalesOn(t.Date.AddDays(-1)),
                    SalesLag7 = SalesOn(t.Date.AddDays(-7)),
                    Sales = t.Sales,
                }).ToList();
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike (MIMIC-style cohort code): the label is the recorded outcome, recoded from the export's status column by
    // equality only; the lab values are inputs.
    [Fact]
    public Task Sepsis_label_recoded_from_the_recorded_outcome_is_silent() => Expect(Program("""
        public static class SepsisNotebook
        {
            public static void Main()
            {
                var admissions = Admissions.Load("export.csv").Select(r => new Admission
                {
                    Age = r.Age,
                    HeartRate = r.HeartRate,
                    Lactate = r.Lactate,
                    Creatinine = r.Creatinine,
                    Ward = r.Ward,
                    Sepsis = r.Outcome switch { "sepsis" => 1, "septic shock" => 1, _ => 0 },
                }).ToList();
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (pandas `shift(1)` and `rolling(7).mean().shift(1)` ported to a for loop): yesterday by index and the
    // mean of the seven days before.
    [Fact]
    public Task Lag_by_index_and_trailing_week_mean_in_a_for_loop_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var tills = Tills.Load("tills.csv").OrderBy(t => t.Date).ToList();
                var days = new List<ShopDay>();
                for (int i = 7; i < tills.Count; i++)
                    days.Add(new ShopDay
                    {
                        Date = tills[i].Date,
                        Promo = tills[i].Promo,
                        Temperature = tills[i].Temperature,
                        SalesLag1 = tills[i - 1].Sales,
                        SalesLag7 = tills.Skip(i - 7).Take(7).Average(t => t.Sales),
                        Sales = tills[i].Sales,
                    });
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike (target encoding done right, as scikit-learn's TargetEncoder cross-fits): each training applicant gets
    // the default rate of its employer from the other folds; validation and test get the table of all training rows.
    [Fact]
    public Task Out_of_fold_default_rate_per_employer_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            static Dictionary<string, float> Rates(IEnumerable<Applicant> rows) =>
                rows.GroupBy(a => a.Employer).ToDictionary(g => g.Key, g => (float)g.Average(a => a.Default));

            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (train, validation, test) = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float overall = (float)train.Average(a => a.Default);
                var encodedTrain = new Applicant[train.Count];
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }))
                {
                    var others = Rates(fold.Train.Select(i => train[i]));
                    foreach (int i in fold.Validation)
                        encodedTrain[i] = train[i] with { EmployerRate = others.GetValueOrDefault(train[i].Employer, overall) };
                }
                var rate = Rates(train);
                List<Applicant> Encode(IReadOnlyList<Applicant> rows) =>
                    rows.Select(a => a with { EmployerRate = rate.GetValueOrDefault(a.Employer, overall) }).ToList();
                using var model = new ApplicantNet();
                model.Fit(encodedTrain, Encode(validation));
                Console.WriteLine(model.Evaluate(Encode(test)).Accuracy);
            }
        }
        """));
}
