namespace MlDsl.Analyzers.Tests;

/// <summary>Set H, kind "label and feature entangled outside the record" (MLDSL0017).</summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: entangled (a feature read from the value the label records). Source: Telco churn data sets whose
    // "months left on contract" is zero exactly for the customers who left — Kaggle discussions of "a feature that
    // gives 99% accuracy" in churn competitions; Kaufman et al. 2012 "Leakage in data mining" (KDD Cup churn).
    private const string FeatureFromChurnStatus = """
        public sealed record TelcoExport(float Tenure, float Monthly, int Calls, float MonthsLeft, string Status);

        public static class TelcoRows
        {
            public static Subscriber ToRow(TelcoExport raw) => new Subscriber
            {
                Tenure = raw.Tenure,
                MonthlyCharges = raw.Monthly,
                SupportCalls = raw.Calls,
                {|#0:ContractRisk = raw.Status == "Churned" ? 0f : raw.MonthsLeft|},
                Churn = raw.Status == "Churned" ? 1 : 0,
            };

            public static void Main()
            {
                var exports = File.ReadLines("telco-export.csv").Skip(1).Select(l => l.Split(','))
                    .Select(f => new TelcoExport(float.Parse(f[0]), float.Parse(f[1]), int.Parse(f[2]), float.Parse(f[3]), f[4]));
                var rows = exports.Select(ToRow).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ChurnNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Months_left_zeroed_for_churners_in_a_row_builder_is_reported() => Expect(Program(FeatureFromChurnStatus), "MLDSL0017");

    [Fact]
    public Task Months_left_read_as_exported_is_silent() => Expect(Program(Fix(FeatureFromChurnStatus,
        """{|#0:ContractRisk = raw.Status == "Churned" ? 0f : raw.MonthsLeft|},""", "ContractRisk = raw.MonthsLeft,")));

    // Kind: entangled (the label computed from a feature in a projection). Source: Stack Overflow "R² of 1.0 on house
    // prices" — the target was rebuilt as price-per-square-foot × living area, a function of a feature.
    private const string PriceFromArea = """
        public static void Main()
        {
            const float PricePerFoot = 120f;
            var houses = CsvFile.Read<House>("houses-no-price.csv")
                .Where(h => h.GrLivArea > 0)
                .Select(h => h with { {|#0:SalePrice = h.GrLivArea * PricePerFoot + 5000f|} })
                .ToList();
            var split = houses.Split(new SplitOptions { Seed = 12 });
            using var net = new HouseNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 30 });
            Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Sale_price_rebuilt_from_living_area_is_reported() => Expect(Script(PriceFromArea), "MLDSL0017");

    [Fact]
    public Task Sale_price_as_recorded_is_silent() => Expect(Script(Fix(PriceFromArea, """
            var houses = CsvFile.Read<House>("houses-no-price.csv")
                .Where(h => h.GrLivArea > 0)
                .Select(h => h with { {|#0:SalePrice = h.GrLivArea * PricePerFoot + 5000f|} })
                .ToList();
        """, """
            var houses = CsvFile.Read<House>("houses.csv")
                .Where(h => h.GrLivArea > 0)
                .Select(h => h with { LotArea = h.LotArea / PricePerFoot })
                .ToList();
        """)));

    // Kind: entangled (the label made by a rule over a measured feature, in a helper). Source: churn projects that label
    // "at risk" customers as those with more than five support calls and then learn the rule back (Cross Validated
    // "my classifier only learned how I built the labels").
    private const string LabelRuleFromCalls = """
        public sealed record CrmRecord(float Tenure, float Monthly, int Calls);

        public static class CrmLabels
        {
            private static int AtRisk(CrmRecord r) => r.Calls > 5 ? 1 : 0;

            public static void Main()
            {
                var crm = CsvFile.Read<Subscriber>("crm.csv")
                    .Select(s => new CrmRecord(s.Tenure, s.MonthlyCharges, (int)s.SupportCalls)).ToList();
                var rows = crm.Select(r => new Subscriber
                {
                    Tenure = r.Tenure,
                    MonthlyCharges = r.Monthly,
                    SupportCalls = r.Calls,
                    {|#0:Churn = AtRisk(r)|},
                }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ChurnNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20 });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Churn_label_made_by_a_rule_over_support_calls_is_reported() => Expect(Program(LabelRuleFromCalls), "MLDSL0017");

    [Fact]
    public Task Churn_label_read_from_the_crm_is_silent() => Expect(Program(Fix(LabelRuleFromCalls, """
                var crm = CsvFile.Read<Subscriber>("crm.csv")
                    .Select(s => new CrmRecord(s.Tenure, s.MonthlyCharges, (int)s.SupportCalls)).ToList();
                var rows = crm.Select(r => new Subscriber
                {
                    Tenure = r.Tenure,
                    MonthlyCharges = r.Monthly,
                    SupportCalls = r.Calls,
                    {|#0:Churn = AtRisk(r)|},
                }).ToList();
        """, """
                var rows = CsvFile.Read<Subscriber>("crm.csv").ToList();
                Console.WriteLine($"{rows.Select(s => new CrmRecord(s.Tenure, s.MonthlyCharges, (int)s.SupportCalls)).Count(r => AtRisk(r) == 1)} at risk by the old rule");
        """)));

    // Kind: entangled (a group survival rate that includes the passenger's own label), then split. Source: Titanic
    // "family / ticket survival rate" features (Kaggle kernels by Konstantin and others) computed over the whole file,
    // own row included; the usual fix computes it from the training rows, leaving each passenger out.
    private const string TitleSurvivalRate = """
        public static void Main()
        {
            var passengers = CsvFile.Read<Passenger>("titanic.csv");
            Dictionary<string, float> survivalByTitle = {|#1:passengers|}
                .GroupBy(p => p.Title)
                .ToDictionary(g => g.Key, g => (float)g.Average(p => p.Survived));
            var featured = passengers.Select(p => p with { {|#0:FamilySize = survivalByTitle[p.Title]|} }).ToList();
            var split = featured.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            using var net = new TitanicNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Survival_rate_per_title_over_every_passenger_is_reported() => Expect(Script(TitleSurvivalRate), "MLDSL0017", "MLDSL0016");

    [Fact]
    public Task Survival_rate_per_title_encoded_out_of_fold_on_the_training_rows_is_silent() => Expect(Script(Fix(TitleSurvivalRate, """
            Dictionary<string, float> survivalByTitle = {|#1:passengers|}
                .GroupBy(p => p.Title)
                .ToDictionary(g => g.Key, g => (float)g.Average(p => p.Survived));
            var featured = passengers.Select(p => p with { {|#0:FamilySize = survivalByTitle[p.Title]|} }).ToList();
            var split = featured.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
        """, """
            var split = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            var title = new CategoricalColumn<Passenger>("Title", p => p.Title, (p, rate) => p with { FamilySize = rate });
            var encoded = TargetEncoder.FitApply(split.Train, title);
            split = split with { Train = encoded.Train, Validation = encoded.Encoder.Apply(split.Validation), Test = encoded.Encoder.Apply(split.Test) };
        """)));
}
