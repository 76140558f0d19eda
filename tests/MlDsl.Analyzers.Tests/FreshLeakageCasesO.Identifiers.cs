namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set O, kind 10: identifiers that repeat across rows used as features (a store, a patient, a drive serial, an
/// encounter), beside category codes, counts and look-alike words, and the identifier declared as the group key.
/// </summary>
public sealed partial class FreshLeakageCasesO
{
    // Kaggle "Rossmann Store Sales" and "Walmart Recruiting" kernels that keep `Store` as a numeric input: the model
    // memorises each store's level, and a new store gets a meaningless number.
    [Fact]
    public Task Store_id_as_an_integer_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record ChainWeek
        {
            [Timestamp] public DateTime Week { get; init; }
            [Feature] public int {|#0:StoreId|} { get; init; }
            [Feature] public float Promo { get; init; }
            [Feature] public float Temperature { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(ChainWeek))]
        public sealed partial class ChainNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """), "MLDSL0021");

    // UCI "Diabetes 130-US hospitals" (Strack et al. 2014): `patient_nbr` repeats across a patient's encounters; Kaggle
    // notebooks leave it among the inputs. Declared with the dataset's own abbreviation.
    [Fact]
    public Task Patient_nbr_column_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record DiabeticEncounter
        {
            [Feature, Column("patient_nbr")] public int {|#0:PatientNbr|} { get; init; }
            [Feature, Column("time_in_hospital")] public float TimeInHospital { get; init; }
            [Feature, Column("num_medications")] public float Medications { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(DiabeticEncounter))]
        public sealed partial class DiabeticNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // The same dataset's `encounter_id` as a feature (Kaggle discussions: it grows with admission date, so it leaks time).
    [Fact]
    public Task Encounter_id_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record DiabeticEncounter
        {
            [Feature, Column("encounter_id")] public long {|#0:EncounterId|} { get; init; }
            [Feature, Column("time_in_hospital")] public float TimeInHospital { get; init; }
            [Feature, Column("num_medications")] public float Medications { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(DiabeticEncounter))]
        public sealed partial class DiabeticNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Backblaze: the drive's serial number kept as an input (every drive has hundreds of daily rows, and failing drives
    // cluster in a few serial ranges of one batch).
    [Fact]
    public Task Drive_serial_number_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record SmartDay
        {
            [Feature, Column("serial_number")] public long {|#0:SerialNumber|} { get; init; }
            [Feature, Column("smart_5_raw")] public float Reallocated { get; init; }
            [Feature, Column("smart_197_raw")] public float Pending { get; init; }
            [Label(Classes = 2)] public int Failure { get; init; }
        }

        [Model(typeof(SmartDay))]
        public sealed partial class SmartNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // The Kaggle leak of ids correlated with the target (e.g. "Santander Value Prediction", "Two Sigma Connect"): a
    // customer id typed float because the CSV loader reads every column as a number, used as a feature.
    [Fact]
    public Task Customer_id_typed_as_float_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Shopper
        {
            [Feature, Column("customer_id")] public float {|#0:CustomerId|} { get; init; }
            [Feature] public float Visits { get; init; }
            [Feature] public float Basket { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(Shopper))]
        public sealed partial class ShopperNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // Look-alike (MLDSL0021's remedy): the store declared the group key, its type a declared category, and counts.
    [Fact]
    public Task Store_as_group_key_with_a_store_type_category_and_counts_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record ChainWeek
        {
            [GroupKey] public int StoreId { get; init; }
            [Timestamp] public DateTime Week { get; init; }
            [Feature, Categories("a", "b", "c", "d")] public string StoreType { get; init; } = "";
            [Feature] public int NumberOfCheckouts { get; init; }
            [Feature] public int WeekOfYear { get; init; }
            [Label] public float Sales { get; init; }
        }

        [Model(typeof(ChainWeek))]
        public sealed partial class ChainNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """));

    // Look-alike: the diabetes dataset's per-encounter counts (`num_lab_procedures`, `number_inpatient`) and a diagnosis
    // code with declared categories.
    [Fact]
    public Task Encounter_counts_and_a_categorised_diagnosis_code_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record DiabeticEncounter
        {
            [Feature, Column("num_lab_procedures")] public int NumLabProcedures { get; init; }
            [Feature, Column("number_inpatient")] public int NumberInpatient { get; init; }
            [Feature, Column("number_emergency")] public int NumberEmergency { get; init; }
            [Feature, Column("diag_1"), Categories("250", "428", "414", "other")] public string DiagnosisCode { get; init; } = "";
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(DiabeticEncounter))]
        public sealed partial class DiabeticNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Look-alike: `admission_type_id` of the same dataset is a code for eight admission types (emergency, urgent,
    // elective...), declared with its categories: a category that ends in "id", not an identifier of records.
    [Fact]
    public Task Admission_type_id_with_declared_categories_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record DiabeticEncounter
        {
            [Feature, Column("admission_type_id"), Categories("1", "2", "3", "4", "5", "6", "7", "8")] public string AdmissionTypeId { get; init; } = "";
            [Feature, Column("time_in_hospital")] public float TimeInHospital { get; init; }
            [Label(Classes = 2)] public int Readmitted { get; init; }
        }

        [Model(typeof(DiabeticEncounter))]
        public sealed partial class DiabeticNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Look-alike (a health insurer's wellness data): words that end in the letters of an identifier or name a quantity
    // (drives a hybrid, daily fluid intake, body mass index) and the wearable's model number as a declared category.
    [Fact]
    public Task Look_alike_words_and_quantities_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Insured
        {
            [Feature] public int Hybrid { get; init; }
            [Feature] public float FluidIntake { get; init; }
            [Feature] public float BodyMassIndex { get; init; }
            [Feature, Categories("ST4000DM000", "ST12000NM0007")] public string ModelNumber { get; init; } = "";
            [Label(Classes = 2)] public int Claimed { get; init; }
        }

        [Model(typeof(Insured))]
        public sealed partial class InsuredNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));
}
