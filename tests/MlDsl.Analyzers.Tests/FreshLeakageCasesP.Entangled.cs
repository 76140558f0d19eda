namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 6: label and feature entangled outside the record (Kaufman et al. 2011): a merchant risk that a helper raises
/// for the rows already labelled fraud, an ICU label defined by a threshold on a feature the model still reads, a
/// form window that includes the match being predicted, and a default flag computed from the same days-past-due that
/// is fed as a feature.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The risk team's merchant score, "updated after disputes": it is the label under another name.</summary>
    [Fact]
    public Task Merchant_risk_raised_by_a_helper_for_rows_labelled_fraud_is_reported() => Expect(Program("""
        public static class FraudRisk
        {
            private static float RiskOf(Txn t) => t.IsFraud == 1 ? Math.Max(t.MerchantRisk, 0.9f) : t.MerchantRisk;

            public static void Run(string path)
            {
                var transactions = CsvFile.Read<Txn>(path);
                var enriched = transactions.Select(t => t with { {|#0:MerchantRisk = RiskOf(t)|} }).ToList();
                var split = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    /// <summary>
    /// "Deterioration" defined as lactate above 4 mmol/L while lactate stays an input: the model learns the definition,
    /// not the patient (the sepsis-3 circularity that several ICU papers corrected).
    /// </summary>
    [Fact]
    public Task Label_defined_by_a_threshold_on_a_feature_the_model_reads_is_reported() => Expect(Program("""
        public sealed record ChartRow(int Patient, float HeartRate, float Lactate, float MeanArterial, float SpO2, float Age);

        public static class IcuLabels
        {
            public static void Run(IReadOnlyList<ChartRow> charts)
            {
                var stays = charts.Select(c => new IcuStay
                {
                    Patient = c.Patient,
                    HeartRate = c.HeartRate,
                    Lactate = c.Lactate,
                    MeanArterial = c.MeanArterial,
                    SpO2 = c.SpO2,
                    Age = c.Age,
                    {|#0:Deteriorated = c.Lactate > 4f ? 1 : 0|},
                }).ToList();
                var split = stays.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new IcuNet(seed: 2);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    /// <summary>Home form as the win share of the last five matches, but the window ends at the current match, whose result is the label.</summary>
    [Fact]
    public Task Form_window_that_includes_the_current_match_is_reported() => Expect(Program("""
        public static class FootballForm
        {
            public static void Run(string path)
            {
                var ordered = CsvFile.Read<Fixture>(path).OrderBy(f => f.Date).ToList();
                var withForm = ordered.Select((f, i) => f with
                {
                    HomeForm = (float){|#0:ordered.Skip(Math.Max(0, i - 4)).Take(5).Average(x => x.HomeWin)|},
                }).ToList();
                var split = withForm.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FixtureNet(seed: 3);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    /// <summary>Credit: default defined as more than 90 days past due, by a helper, and the same days past due fed to the model as Utilization.</summary>
    [Fact]
    public Task Default_flag_computed_by_a_helper_from_a_column_also_fed_as_a_feature_is_reported() => Expect(Program("""
        public sealed record BureauRow(float Income, float Debt, float DaysPastDue, float Inquiries);

        public static class CreditLabels
        {
            private static int DefaultFlag(BureauRow row) => row.DaysPastDue > 90f ? 1 : 0;

            public static void Run(IReadOnlyList<BureauRow> bureau)
            {
                var applicants = bureau.Select(b => new Applicant
                {
                    Income = b.Income,
                    Debt = b.Debt,
                    Utilization = b.DaysPastDue / 30f,
                    Inquiries = b.Inquiries,
                    {|#0:Default = DefaultFlag(b)|},
                }).ToList();
                var split = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new CreditNet(seed: 4);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");
}
