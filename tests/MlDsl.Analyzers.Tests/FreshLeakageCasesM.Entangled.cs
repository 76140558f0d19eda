namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set M, kinds 6, 8 and 10: label and feature entangled outside the record, feature timing, identifiers; with lag
/// features, look-alike names and real quantities that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesM
{
    // Kaufman et al., "Leakage in data mining" (KDD 2011): a label defined by a rule over an input. The claims team's
    // "fraud" flag is recomputed from the amount in a helper, while the amount is also a feature.
    [Fact]
    public Task Fraud_label_recomputed_from_the_amount_by_a_helper_is_reported() => Expect(Program("""
        public static class Labelling
        {
            public static int Suspicious(RawClaim raw) => raw.Amount > 25000f && raw.PriorClaims >= 2 ? 1 : 0;
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CaseSystem.Export("cases.csv").Select(raw => new Claim
                {
                    Garage = raw.Garage,
                    Amount = raw.Amount,
                    DriverAge = raw.DriverAge,
                    VehicleValue = raw.VehicleValue,
                    PriorClaims = raw.PriorClaims,
                    {|#0:Fraud = Labelling.Suspicious(raw)|},
                }).ToList();
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017");

    // A feature built from the label through tuple deconstruction in a projection ("efficiency" = power over the
    // theoretical power, a wind-energy notebook's derived column that contains the target).
    [Fact]
    public Task Feature_from_the_label_through_a_deconstructed_tuple_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var readings = CsvFile.Read<Reading>("scada.csv").Select(r =>
                {
                    var (power, wind) = (r.Power, r.Wind);
                    return r with { {|#0:Pitch = power / (0.5f * wind * wind * wind + 1f)|} };
                }).ToList();
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    // A lead written as a lag (the pandas `shift(-1)` sign slip, Stack Overflow "shift(1) vs shift(-1) for lag
    // features"): the "previous" power read from the next record in an index loop.
    [Fact]
    public Task Previous_power_read_from_the_next_record_in_an_index_loop_is_reported() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var scada = Farm.Load("scada.csv");
                var readings = new List<Reading>();
                for (int i = 0; i < scada.Count - 1; i++)
                    readings.Add(new Reading
                    {
                        Time = scada[i].Time,
                        Wind = scada[i].Wind,
                        Pitch = scada[i].Pitch,
                        Rotor = scada[i].Rotor,
                        {|#0:PowerLag1 = scada[i + 1].Power|},
                        Power = scada[i].Power,
                    });
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0017");

    // Look-alike (the fix): the lag read from the record before, in the same index loop.
    [Fact]
    public Task Previous_power_read_from_the_record_before_in_an_index_loop_is_silent() => Expect(Program("""
        public static class PowerCurve
        {
            public static void Main()
            {
                var scada = Farm.Load("scada.csv");
                var readings = new List<Reading>();
                for (int i = 1; i < scada.Count; i++)
                    readings.Add(new Reading
                    {
                        Time = scada[i].Time,
                        Wind = scada[i].Wind,
                        Pitch = scada[i].Pitch,
                        Rotor = scada[i].Rotor,
                        PowerLag1 = scada[i - 1].Power,
                        Power = scada[i].Power,
                    });
                var split = readings.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new TurbineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Look-alike: the label recoded from the adjuster's decision (equality with constants), the features read from other
    // columns of the export, in a switch expression.
    [Fact]
    public Task Label_recoded_from_the_decision_beside_unrelated_features_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            static Claim ToClaim(RawClaim raw) => new Claim
            {
                Garage = raw.Garage,
                Amount = raw.Amount,
                DriverAge = raw.DriverAge,
                VehicleValue = raw.VehicleValue,
                PriorClaims = raw.PriorClaims,
                Fraud = raw.Decision switch { "rejected-fraud" => 1, _ => 0 },
            };

            public static void Main()
            {
                var claims = CaseSystem.Export("cases.csv").Select(ToClaim).ToList();
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike: a feature whose name resembles the label's (PowerCurveRating) computed from the wind only.
    [Fact]
    public Task Feature_named_like_the_label_computed_from_the_wind_only_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record RatedReading
        {
            [Timestamp] public DateTime Time { get; init; }
            [Feature] public float Wind { get; init; }
            [Feature] public float PowerCurveRating { get; init; }
            [Label] public float Power { get; init; }
        }

        [Model(typeof(RatedReading))]
        public sealed partial class RatedNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }

        public static class PowerCurve
        {
            static float Rated(float wind) => Math.Clamp((wind - 3f) / 9f, 0f, 1f) * 2000f;

            public static void Main()
            {
                var rows = Farm.Load("scada.csv")
                    .Select(s => new RatedReading { Time = s.Time, Wind = s.Wind, PowerCurveRating = Rated(s.Wind), Power = s.Power }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var net = new RatedNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // Feature timing (Kapoor & Narayanan L2 "features not legitimate at prediction time"): the investigator's hours on a
    // claim are logged after the fraud decision, declared so, and still used as a feature.
    [Fact]
    public Task Investigation_hours_declared_after_the_label_used_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Case
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float PriorClaims { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:InvestigationHours|} { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Case))]
        public sealed partial class CaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // The same late value hidden in a computed feature: hours per thousand of the amount.
    [Fact]
    public Task Computed_feature_reading_a_member_known_with_the_label_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Case
        {
            [Feature] public float Amount { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float SettledAmount { get; init; }
            [Feature] public float {|#0:SettledShare|} => SettledAmount / Math.Max(1f, Amount);
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Case))]
        public sealed partial class CaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // Look-alike: the late value kept as [Ignore] metadata, and a feature declared known before the label.
    [Fact]
    public Task Late_value_kept_as_ignored_metadata_beside_an_early_feature_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Case
        {
            [Feature] public float Amount { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float PoliceReportFiled { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float InvestigationHours { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Case))]
        public sealed partial class CaseNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // Identifiers (Kaggle "Santander"/"Home Credit" discussions on `SK_ID_CURR` as a feature): a policy number kept as an
    // integer feature; policies repeat across claims.
    [Fact]
    public Task Policy_number_as_an_integer_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record PolicyClaim
        {
            [Feature] public int {|#0:PolicyNumber|} { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float DriverAge { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(PolicyClaim))]
        public sealed partial class PolicyClaimNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // A turbine's serial id read from a snake-case column as a feature (every turbine has thousands of records).
    [Fact]
    public Task Turbine_id_column_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record TurbineRecord
        {
            [Feature, Column("turbine_id")] public int {|#0:Turbine|} { get; init; }
            [Feature] public float Wind { get; init; }
            [Label] public float Power { get; init; }
        }

        [Model(typeof(TurbineRecord))]
        public sealed partial class TurbineRecordNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(1)] Layer output;
        }
        """), "MLDSL0021");

    // Look-alike: counts and ordinals that only look like identifiers (number of doors, week number) and the policy
    // number declared as the group key instead of a feature.
    [Fact]
    public Task Counts_ordinals_and_a_policy_group_key_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record PolicyClaim
        {
            [GroupKey] public int PolicyNumber { get; init; }
            [Feature] public float NumberOfDoors { get; init; }
            [Feature] public int WeekNumber { get; init; }
            [Feature] public float Amount { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(PolicyClaim))]
        public sealed partial class PolicyClaimNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // In-sample target encoding by hand (Micci-Barreca's encoding without folds, the leak scikit-learn's TargetEncoder
    // docs describe): fraud rate per garage over every claim written into the rows, then split.
    [Fact]
    public Task Fraud_rate_per_garage_over_every_claim_written_into_the_rows_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var rate = {|#1:claims.GroupBy(c => c.Garage)|}.ToDictionary(g => g.Key, g => (float)g.Average(c => c.Fraud));
                var encoded = claims.Select(c => c with { {|#0:GarageRate = rate[c.Garage]|} }).ToList();
                var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0017", "MLDSL0016");

    // Look-alike (out-of-fold target encoding, scikit-learn's TargetEncoder cross fitting): the library step on the
    // training claims, its encoding applied to the other parts.
    [Fact]
    public Task Garage_target_encoding_fitted_out_of_fold_on_training_claims_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var split = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var garage = new CategoricalColumn<Claim>("Garage", c => c.Garage, (c, value) => c with { GarageRate = value });
                var encoded = TargetEncoder.FitApply(split.Train, garage);
                using var net = new ClaimNet();
                net.Fit(encoded.Train, encoded.Encoder.Apply(split.Validation));
                Console.WriteLine(net.Evaluate(encoded.Encoder.Apply(split.Test)).Accuracy);
            }
        }
        """));
}
