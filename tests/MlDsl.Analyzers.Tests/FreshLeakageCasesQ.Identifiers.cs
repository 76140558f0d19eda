namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind A of set Q: identifiers used as features (MLDSL0021, reported on the member's name). Identifiers the rule's
/// list does not spell out (a telecom MSISDN, a policy number, a library card, an NHS number, a GTIN barcode, a
/// snake_case key, a key held in a field), beside measures, counts and codes whose names merely contain "Id" or
/// "Number" and ids kept out of the features ([Slice], declared [Categories]).
/// </summary>
public sealed partial class FreshLeakageCasesQ
{
    [Fact]
    public Task Telecom_subscriber_msisdn_read_as_a_float_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Subscriber
        {
            [Feature] public float {|#0:Msisdn|} { get; init; }
            [Feature] public float MonthlyCharge { get; init; }
            [Feature] public float DroppedCalls { get; init; }
            [Feature] public float TenureMonths { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Subscriber))]
        public sealed partial class ChurnNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Car_insurance_policy_number_as_a_double_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Policy
        {
            [Feature] public double {|#0:PolicyNumber|} { get; init; }
            [Feature] public float DriverAge { get; init; }
            [Feature] public float VehicleAge { get; init; }
            [Feature] public float BonusMalus { get; init; }
            [Label(Classes = 2)] public int Claimed { get; init; }
        }

        [Model(typeof(Policy))]
        public sealed partial class ClaimNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Library_card_number_of_the_borrower_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Loan
        {
            [Feature] public int {|#0:LibraryCardNumber|} { get; init; }
            [Feature] public float LoanDays { get; init; }
            [Feature] public float Renewals { get; init; }
            [Feature] public float PriorLateReturns { get; init; }
            [Label(Classes = 2)] public int ReturnedLate { get; init; }
        }

        [Model(typeof(Loan))]
        public sealed partial class LateNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Hospital_stay_with_the_patients_nhs_number_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Stay
        {
            [Feature] public double {|#0:NhsNumber|} { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float LengthOfStay { get; init; }
            [Feature] public float Comorbidities { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(Stay))]
        public sealed partial class StayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Retail_week_with_the_products_gtin_barcode_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record ProductWeek
        {
            [Feature] public double {|#0:Gtin|} { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float Discount { get; init; }
            [Feature] public float ShelfFacings { get; init; }
            [Label] public float UnitsSold { get; init; }
        }

        [Model(typeof(ProductWeek))]
        public sealed partial class UnitsNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Web_session_with_a_snake_case_customer_id_field_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record WebSession
        {
            [Feature] public float {|#0:customer_id|};
            [Feature] public float page_views;
            [Feature] public float seconds_on_site;
            [Feature] public float cart_items;
            [Label(Classes = 2)] public int purchased;
        }

        [Model(typeof(WebSession))]
        public sealed partial class PurchaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    [Fact]
    public Task Sensor_measures_whose_names_contain_id_stay_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record PumpHour
        {
            [Feature] public float IdleMinutes { get; init; }
            [Feature] public float Humidity { get; init; }
            [Feature] public float FluidTemperature { get; init; }
            [Feature] public float Acidity { get; init; }
            [Label(Classes = 2)] public int Failed { get; init; }
        }

        [Model(typeof(PumpHour))]
        public sealed partial class PumpNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    [Fact]
    public Task Telecom_counts_of_handset_and_sim_changes_stay_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Line
        {
            [Feature] public float ImeiChanges { get; init; }
            [Feature] public float SimSwapCount { get; init; }
            [Feature] public float DistinctCellIds { get; init; }
            [Feature] public float MonthlyCharge { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Line))]
        public sealed partial class LineNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    [Fact]
    public Task Retail_sales_channel_id_with_declared_categories_stays_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Basket
        {
            [Feature, Categories("1", "2", "3")] public string ChannelId { get; init; } = "1";
            [Feature] public float Items { get; init; }
            [Feature] public float Total { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }

        [Model(typeof(Basket))]
        public sealed partial class ReturnNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    [Fact]
    public Task Store_id_kept_as_a_slice_for_per_store_metrics_stays_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record StoreDay
        {
            [Slice] public int StoreId { get; init; }
            [Feature] public float Footfall { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Temperature { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(StoreDay))]
        public sealed partial class StoreDayNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """));

    [Fact]
    public Task Car_insurance_octane_number_and_seat_count_stay_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Vehicle
        {
            [Feature] public float OctaneNumber { get; init; }
            [Feature] public float NumberOfSeats { get; init; }
            [Feature] public float EnginePower { get; init; }
            [Feature] public float PriorClaims { get; init; }
            [Label(Classes = 2)] public int Claimed { get; init; }
        }

        [Model(typeof(Vehicle))]
        public sealed partial class VehicleNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    [Fact]
    public Task Library_fines_paid_and_midweek_flag_stay_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Borrowing
        {
            [Feature] public float PaidFines { get; init; }
            [Feature] public float IsMidweek { get; init; }
            [Feature] public float RenewalsAllowed { get; init; }
            [Feature] public float ValidHolds { get; init; }
            [Label(Classes = 2)] public int ReturnedLate { get; init; }
        }

        [Model(typeof(Borrowing))]
        public sealed partial class BorrowingNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));
}
