namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set S, feature timing (MLDSL0029) and identifiers used as features (MLDSL0021): the fine an inspection issues after theft
/// is found, a reconnection fee (charged with the verdict) reaching a computed feature through a helper in another part of a
/// partial record, the fine folded into a feature in a <c>with</c>; a vessel's IMO number and MMSI, a wafer id read as a
/// float and the lot copied into a feature; beside the same members kept as metadata, written into a slice, used as the
/// group key, and values that merely count or place (a cassette slot, a lot's size).
/// </summary>
public sealed partial class FreshLeakageCasesS
{
    [Fact]
    public Task Inspection_fine_declared_after_the_label_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record InspectedMeter
        {
            [Feature] public float MonthlyKwh { get; init; }
            [Feature] public float NightShare { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:InspectionFine|} { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Inspection_fine_kept_as_metadata_beside_earlier_inspections_as_a_feature_stays_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record InspectedMeter
        {
            [Feature] public float MonthlyKwh { get; init; }
            [Feature] public float NightShare { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float EarlierInspections { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float InspectionFine { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }
        """));

    [Fact]
    public Task Reconnection_fee_reaching_a_computed_feature_through_a_helper_in_another_part_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Disconnection
        {
            [Feature] public float MonthlyKwh { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float ReconnectionFee { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }

        public sealed partial record Disconnection
        {
            [Feature] public float {|#0:FeeShare|} => Share(ReconnectionFee, MonthlyKwh);

            private static float Share(float fee, float kwh) => kwh <= 0 ? 0 : fee / kwh;
        }
        """), "MLDSL0029");

    [Fact]
    public Task Reconnection_fee_share_kept_as_an_ignored_computed_member_stays_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Disconnection
        {
            [Feature] public float MonthlyKwh { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float ReconnectionFee { get; init; }
            [Label(Classes = 2)] public int Theft { get; init; }
        }

        public sealed partial record Disconnection
        {
            [Ignore] public float FeeShare => Share(ReconnectionFee, MonthlyKwh);

            private static float Share(float fee, float kwh) => kwh <= 0 ? 0 : fee / kwh;
        }
        """));

    [Fact]
    public Task Inspection_fine_folded_into_a_feature_in_a_with_expression_is_reported() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                List<Meter> meters = CsvFile.Read<Meter>(path)
                    .Select(m => m with { {|#0:ZeroDays = m.ZeroDays + m.InspectionFine / 100f|} }).ToList();
                var (train, validation, test) = meters.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0029");

    [Fact]
    public Task Inspection_fine_banded_into_a_slice_in_a_switch_expression_stays_silent() => Expect(Program("""
        public static class TheftStudy
        {
            public static void Run(string path)
            {
                List<Meter> meters = CsvFile.Read<Meter>(path)
                    .Select(m => m with { FineBand = m.InspectionFine switch { > 500f => "high", > 0f => "low", _ => "none" } }).ToList();
                var (train, validation, test) = meters.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new TheftNet(seed: 1);
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    [Fact]
    public Task Vessel_imo_number_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record PortVisit
        {
            [Timestamp] public DateTime Arrival { get; init; }
            [Feature] public int {|#0:ImoNumber|} { get; init; }
            [Feature] public float Draught { get; init; }
            [Feature] public float SpeedKnots { get; init; }
            [Label] public float DelayHours { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Vessel_mmsi_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record PortVisit
        {
            [Timestamp] public DateTime Arrival { get; init; }
            [Feature] public long {|#0:Mmsi|} { get; init; }
            [Feature] public float Draught { get; init; }
            [Feature] public float SpeedKnots { get; init; }
            [Label] public float DelayHours { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Vessel_imo_number_as_the_group_key_stays_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record PortVisit
        {
            [GroupKey] public int ImoNumber { get; init; }
            [Feature] public float Draught { get; init; }
            [Feature] public float SpeedKnots { get; init; }
            [Feature] public float BerthNumber { get; init; }
            [Label] public float DelayHours { get; init; }
        }
        """));

    [Fact]
    public Task Wafer_id_read_as_a_float_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record ProbedWafer
        {
            [GroupKey] public string Lot { get; init; } = "";
            [Feature] public float {|#0:WaferId|} { get; init; }
            [Feature] public float Thickness { get; init; }
            [Feature] public float EtchRate { get; init; }
            [Label(Classes = 2)] public int Pass { get; init; }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Cassette_slot_and_die_count_as_features_stay_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record ProbedWafer
        {
            [GroupKey] public string Lot { get; init; } = "";
            [Feature] public int SlotNumber { get; init; }
            [Feature] public float DieCount { get; init; }
            [Feature] public float Thickness { get; init; }
            [Feature] public float EtchRate { get; init; }
            [Label(Classes = 2)] public int Pass { get; init; }
        }
        """));

    [Fact]
    public Task Lot_parsed_into_a_feature_in_a_with_expression_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record ProbedWafer
        {
            [GroupKey] public string Lot { get; init; } = "";
            [Feature] public float LotSerial { get; init; }
            [Feature] public float Thickness { get; init; }
            [Feature] public float EtchRate { get; init; }
            [Label(Classes = 2)] public int Pass { get; init; }
        }

        [Model(typeof(ProbedWafer))]
        public sealed partial class ProbeNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class YieldStudy
        {
            public static void Run(string path)
            {
                List<ProbedWafer> wafers = CsvFile.Read<ProbedWafer>(path)
                    .Select(w => w with { LotSerial = {|#0:float.Parse(w.Lot)|} }).ToList();
                var split = wafers.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new ProbeNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0021");

    [Fact]
    public Task Lot_size_counted_into_a_feature_before_a_grouped_split_stays_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record ProbedWafer
        {
            [GroupKey] public string Lot { get; init; } = "";
            [Feature] public float LotSize { get; init; }
            [Feature] public float Thickness { get; init; }
            [Feature] public float EtchRate { get; init; }
            [Label(Classes = 2)] public int Pass { get; init; }
        }

        [Model(typeof(ProbedWafer))]
        public sealed partial class ProbeNet
        {
            [Linear(16), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class YieldStudy
        {
            public static void Run(string path)
            {
                IReadOnlyList<ProbedWafer> read = CsvFile.Read<ProbedWafer>(path);
                List<ProbedWafer> wafers = read.Select(w => w with { LotSize = read.Count(x => x.Lot == w.Lot) }).ToList();
                var split = wafers.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new ProbeNet(seed: 1);
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
