namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kind 10: identifiers used as features, ids that repeat across rows (an advertiser, a phone number, a pump's serial
/// number), which a grouped split should keep apart instead; and the row's own group key copied into a feature.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>Criteo-style click rows with the advertiser's id as a numeric feature: the model memorises advertisers.</summary>
    [Fact]
    public Task Advertiser_id_typed_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record AdRow
        {
            [Feature] public float {|#0:AdvertiserId|} { get; init; }
            [Feature] public float Position { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Label(Classes = 2)] public int Clicked { get; init; }
        }

        [Model(typeof(AdRow))]
        public sealed partial class AdNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class AdRowTraining
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<AdRow>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");

    /// <summary>Telco rows where the subscriber's phone number (MSISDN) went in as a number, as exported.</summary>
    [Fact]
    public Task Phone_number_typed_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record LineRow
        {
            [Feature] public float {|#0:Msisdn|} { get; init; }
            [Feature] public float Tenure { get; init; }
            [Feature] public float MonthlyCharges { get; init; }
            [Label(Classes = 2)] public int Churned { get; init; }
        }

        [Model(typeof(LineRow))]
        public sealed partial class LineNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class LineRowTraining
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<LineRow>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LineNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");

    /// <summary>Maintenance rows with the pump's serial number as a feature: every day of a pump repeats it.</summary>
    [Fact]
    public Task Serial_number_typed_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record SensorRow
        {
            [Feature] public float {|#0:SerialNumber|} { get; init; }
            [Feature] public float Vibration { get; init; }
            [Feature] public float Temperature { get; init; }
            [Label(Classes = 2)] public int Failed { get; init; }
        }

        [Model(typeof(SensorRow))]
        public sealed partial class SensorNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class SensorRowTraining
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<SensorRow>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new SensorNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");

    /// <summary>The impression's user key (declared [GroupKey]) copied into the DeviceType feature by a projection.</summary>
    [Fact]
    public Task Group_key_copied_into_a_feature_by_a_projection_is_reported() => Expect(Program("""
        public static class ClickUsers
        {
            public static void Run(string path)
            {
                var impressions = CsvFile.Read<Impression>(path);
                var keyed = impressions.Select(i => i with { DeviceType = {|#0:i.User|} }).ToList();
                var split = keyed.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ClickNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");
}
