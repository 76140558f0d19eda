namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, kind 8: feature timing. Members declared known with or after the label used as model inputs (declared as a
/// feature, reached through computed members, or copied into a feature slot by a projection), beside late values kept
/// as metadata and early values whose names sound late.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Kapoor & Narayanan (2023) L2, "features not legitimate at prediction time"; the Lending Club columns
    // `recoveries` and `total_pymnt` that Kaggle kernels keep and then report near-perfect default prediction with.
    [Fact]
    public Task Recoveries_declared_after_the_label_used_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record PaidLoan
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Rate { get; init; }
            [Feature] public float Income { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:Recoveries|} { get; init; }
            [Label(Classes = 2)] public int ChargedOff { get; init; }
        }

        [Model(typeof(PaidLoan))]
        public sealed partial class PaidLoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // The same late value behind two computed members: the amount collected (not a feature) and the share of the loan it
    // makes (a feature), through a helper method.
    [Fact]
    public Task Repaid_share_through_a_computed_member_and_a_helper_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record PaidLoan
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Rate { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float TotalPayment { get; init; }
            [Ignore] public float Collected => TotalPayment - Amount;
            [Feature] public float {|#0:CollectedShare|} => Share(Collected, Amount);
            [Label(Classes = 2)] public int ChargedOff { get; init; }

            private static float Share(float part, float whole) => part / Math.Max(1f, whole);
        }

        [Model(typeof(PaidLoan))]
        public sealed partial class PaidLoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // The "wherever it is used as a model input": the late total payment kept [Ignore]d on the row, then copied
    // into the plain `Signal` feature by a projection before training (a ratio a notebook "engineers").
    [Fact]
    public Task Late_total_payment_copied_into_a_feature_slot_by_a_projection_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv")
                    .Select(l => l with { {|#0:Signal = l.TotalPayment / Math.Max(1f, l.Amount)|} })
                    .ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0029");

    // The hospital version (Kaufman et al. 2011, the discharge information in an admission model): the discharge
    // disposition is coded with the readmission outcome and declared so, then used as a feature of encounters.
    [Fact]
    public Task Discharge_disposition_known_with_the_label_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Stay
        {
            [GroupKey] public int Patient { get; init; }
            [Feature] public float TimeInHospital { get; init; }
            [Feature] public float Medications { get; init; }
            [Feature, KnownAt(FeatureTiming.WithLabel), Column("discharge_disposition")] public float {|#0:Discharge|} { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // Look-alike (MLDSL0029's remedy): late columns kept as [Ignore] and [Slice] metadata for error analysis, every
    // feature an application value.
    [Fact]
    public Task Late_columns_kept_as_ignored_and_slice_metadata_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record PaidLoan
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float Rate { get; init; }
            [Feature] public float Income { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float Recoveries { get; init; }
            [Slice, KnownAt(FeatureTiming.WithLabel)] public string Settlement { get; init; } = "";
            [Label(Classes = 2)] public int ChargedOff { get; init; }
        }

        [Model(typeof(PaidLoan))]
        public sealed partial class PaidLoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Look-alike: a value whose name sounds late ("last payment") but is the applicant's last payment on a previous
    // loan, recorded before the application and declared so.
    [Fact]
    public Task Previous_loans_last_payment_declared_before_the_label_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record RepeatLoan
        {
            [Feature] public float Amount { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float LastPaymentOnPreviousLoan { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float PreviousChargeOffs { get; init; }
            [Label(Classes = 2)] public int ChargedOff { get; init; }
        }

        [Model(typeof(RepeatLoan))]
        public sealed partial class RepeatLoanNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Look-alike: the late total payment read only for a printed recovery-rate summary after the evaluation, never a
    // model input.
    [Fact]
    public Task Late_payment_read_only_for_a_printed_summary_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("loans.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new LoanNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
                var recovered = split.Test.Where(l => l.ChargedOff == 1).Sum(l => l.TotalPayment + l.Recoveries);
                Console.WriteLine($"recovered on charged-off test loans: {recovered:N0}");
            }
        }
        """));
}
