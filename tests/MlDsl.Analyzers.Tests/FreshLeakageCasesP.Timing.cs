namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 8: feature timing (Kaufman et al. 2011: a feature recorded after the outcome). The timing is declared on the
/// rows; the leaks move the late value into a feature through a helper, a dictionary and a feature array, or declare
/// a late value as a feature outright.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>Fraud: a helper mixes the chargeback amount (recorded after the fraud) into the merchant risk feature.</summary>
    [Fact]
    public Task Chargeback_mixed_into_a_feature_by_a_helper_is_reported() => Expect(Program("""
        public static class FraudChargebacks
        {
            private static float Mix(Txn t) => t.MerchantRisk + 0.001f * t.Chargeback;

            public static void Run(string path)
            {
                var transactions = CsvFile.Read<Txn>(path);
                var mixed = transactions.Select(t => t with { {|#0:MerchantRisk = Mix(t)|} }).ToList();
                var split = mixed.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    /// <summary>Churn: refunds (issued after the customer left) looked up by account in a dictionary and added to the support calls.</summary>
    [Fact]
    public Task Refund_looked_up_in_a_dictionary_and_added_to_a_feature_is_reported() => Expect(Program("""
        public static class ChurnRefunds
        {
            public static void Run(string path)
            {
                var subscribers = CsvFile.Read<Subscriber>(path);
                var refunds = subscribers.ToDictionary(s => s.Account, s => s.RefundIssued);
                var enriched = subscribers.Select(s => s with { SupportCalls = s.SupportCalls + {|#0:refunds[s.Account]|} }).ToList();
                var split = enriched.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ChurnNet(seed: 2);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    /// <summary>ICU: the vasopressor hours (charted with the outcome) written into the feature array that rebuilds each stay.</summary>
    [Fact]
    public Task Vasopressor_hours_written_into_the_feature_array_of_WithFeatures_are_reported() => Expect(Program("""
        public static class IcuRebuild
        {
            public static void Run(string path)
            {
                var stays = CsvFile.Read<IcuStay>(path);
                var rebuilt = stays.Select(s => IcuStay.WithFeatures(s, new[] { s.HeartRate, s.Lactate, s.MeanArterial, {|#0:s.Vasopressors|}, s.Age })).ToList();
                var split = rebuilt.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new IcuNet(seed: 3);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    /// <summary>Maintenance rows that declare the technician's repair hours (logged after the failure) as a feature.</summary>
    [Fact]
    public Task Repair_hours_declared_as_a_feature_known_after_the_label_are_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record ServiceDay
        {
            [GroupKey] public int Pump { get; init; }
            [Feature] public float Vibration { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:RepairHours|} { get; init; }
            [Label(Classes = 2)] public int Failed { get; init; }
        }
        """), "MLDSL0029");
}
