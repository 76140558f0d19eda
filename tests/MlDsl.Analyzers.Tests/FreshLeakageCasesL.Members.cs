namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kinds 8, 9 and 10: feature timing, the same rows for training and validation, identifiers as features.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Support-ticket triage (the "time to resolution" leak discussed in Kaggle's customer-support datasets): urgency is
    // predicted when a ticket opens, but the hours it took to resolve are a feature.
    [Fact]
    public Task Resolution_hours_as_a_feature_of_a_new_ticket_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record OpenedTicket
        {
            [Feature] public float Words { get; init; }
            [Feature] public float Attachments { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:ResolutionHours|} { get; init; }
            [Label(Classes = 2)] public int Urgent { get; init; }
        }
        """), "MLDSL0029");

    // MIMIC length-of-stay leakage (the stay is known at discharge): a computed feature divides the stay, declared known
    // with the outcome and ignored itself, by age.
    [Fact]
    public Task Computed_feature_reading_the_length_of_stay_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Discharge
        {
            [Feature] public float Age { get; init; }
            [Feature] public float Lactate { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float LengthOfStay { get; init; }
            [Feature] public float {|#0:StayPerDecade|} => LengthOfStay / Math.Max(1f, Age / 10f);
            [Label(Classes = 2)] public int Sepsis { get; init; }
        }
        """), "MLDSL0029");

    // Look-alike (the fix the rule page suggests): the late value kept as an ignored member and a slice for analysis, a
    // computed non-feature ratio reading it, and the inputs declared known before the label.
    [Fact]
    public Task Resolution_hours_kept_for_analysis_only_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record OpenedTicket
        {
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float Words { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float Attachments { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float ResolutionHours { get; init; }
            [Ignore] public float HoursPerWord => ResolutionHours / Math.Max(1f, Words);
            [Label(Classes = 2)] public int Urgent { get; init; }
        }
        """));

    // Look-alike (Hyndman & Athanasopoulos on known future inputs): tomorrow's planned promotion is known in advance and
    // is not the label, so looking it up a day ahead is fine.
    [Fact]
    public Task Tomorrows_planned_promo_looked_up_ahead_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var tills = Tills.Load("tills.csv").OrderBy(t => t.Date).ToList();
                var days = tills.Zip(tills.Skip(1), (today, tomorrow) => new ShopDay
                {
                    Date = today.Date,
                    Promo = today.Promo + 0.5f * tomorrow.Promo,
                    Temperature = today.Temperature,
                    Sales = today.Sales,
                }).ToList();
                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));

    // A notebook that keeps its parts in a named tuple and, by a copy-paste slip, watches the training rows.
    [Fact]
    public Task Ticket_model_watching_its_training_part_through_a_named_tuple_is_reported() => Expect(Program("""
        public static class Triage
        {
            public static void Main()
            {
                var tickets = CsvFile.Read<Ticket>("tickets.csv");
                var split = tickets.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var parts = (Fit: split.Train, Watch: split.Train, Final: split.Test);
                using var model = new TicketNet();
                model.Fit(parts.Fit, {|#0:parts.Watch|}, new FitOptions { Epochs = 20 });
                Console.WriteLine(model.Evaluate(parts.Final).Accuracy);
            }
        }
        """), "MLDSL0020");

    // Keras `model.fit(X, y, validation_data=(X_val, y_val))` where X is the full array the validation was cut from.
    [Fact]
    public Task Xray_model_trained_on_every_xray_validated_on_a_part_is_reported() => Expect(Program("""
        public static class ChestXrays
        {
            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv");
                var split = xrays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new XrayNet();
                model.Fit(xrays, {|#0:split.Validation|});
                Console.WriteLine(model.Evaluate({|#1:split.Test|}).Accuracy);
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // A hand-written fold loop where the validation rows are picked with the training index set (a copy-paste slip):
    // the fold is validated and then scored on its own training rows.
    [Fact]
    public Task Fold_validation_picked_with_the_training_indices_is_reported() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var train = split.Train;
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 }))
                {
                    var fit = fold.Train.Select(i => train[i]).ToList();
                    var watch = fold.Train.Select(i => train[i]).ToList();
                    using var net = new UtteranceNet();
                    net.Fit(fit, {|#0:watch|});
                    Console.WriteLine($"fold {fold.Index}: {net.Evaluate({|#1:watch|}).Accuracy:P1}");
                }
            }
        }
        """), "MLDSL0020", "MLDSL0027");

    // Look-alike: the same fold loop picking each side with its own index set.
    [Fact]
    public Task Fold_sides_picked_with_their_own_indices_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var train = split.Train;
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 4 }))
                {
                    var fit = (from i in fold.Train select train[i]).ToList();
                    var watch = (from i in fold.Validation select train[i]).ToList();
                    using var net = new UtteranceNet();
                    net.Fit(fit, watch);
                    Console.WriteLine($"fold {fold.Index}: {net.Evaluate(watch).Accuracy:P1}");
                }
            }
        }
        """));

    // Look-alike: parts kept in a record and handed out by member.
    [Fact]
    public Task Applicant_parts_kept_in_a_record_is_silent() => Expect(Program("""
        public sealed record Parts(IReadOnlyList<Applicant> Fit, IReadOnlyList<Applicant> Watch, IReadOnlyList<Applicant> Final);

        public static class CreditNotebook
        {
            static Parts Cut(IReadOnlyList<Applicant> rows)
            {
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 8 });
                return new Parts(split.Train, split.Validation, split.Test);
            }

            public static void Main()
            {
                var parts = Cut(CsvFile.Read<Applicant>("applications.csv"));
                using var model = new ApplicantNet();
                model.Fit(parts.Fit, parts.Watch);
                Console.WriteLine(model.Evaluate(parts.Final).Accuracy);
            }
        }
        """));

    // Kaggle "Titanic PassengerId" in a hospital: the patient's registration number as an input.
    [Fact]
    public Task Patient_registration_number_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Ward
        {
            [Feature] public int {|#0:PatientNumber|} { get; init; }
            [Feature] public float Temperature { get; init; }
            [Feature] public float RespiratoryRate { get; init; }
            [Label(Classes = 2)] public int Deteriorated { get; init; }
        }
        """), "MLDSL0021");

    // The speaker key used as an input too (an MFCC table exported with "speaker" among the columns).
    [Fact]
    public Task Speaker_key_also_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Word
        {
            [Feature, GroupKey] public int {|#0:Speaker|} { get; init; }
            [Feature, Shape(13)] public float[] Mfcc { get; init; } = Array.Empty<float>();
            [Label(Classes = 10)] public int Digit { get; init; }
        }
        """), "MLDSL0021");

    // Retail transactions keyed by their running number (Online Retail II's "Invoice" column read as an input).
    [Fact]
    public Task Transaction_number_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Basket
        {
            [Feature] public long {|#0:TransactionNo|} { get; init; }
            [Feature] public float Items { get; init; }
            [Feature] public float Discount { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }
        """), "MLDSL0021");

    // Look-alike: counts, quantities and ordinals whose names end like identifiers, and a coded diagnosis with
    // categories; the patient key is a group key, not an input.
    [Fact]
    public Task Counts_quantities_and_a_categorical_code_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Ward
        {
            [GroupKey] public int PatientId { get; init; }
            [Feature] public float BodyMassIndex { get; init; }
            [Feature] public int NumberOfAdmissions { get; init; }
            [Feature] public int WeekNumber { get; init; }
            [Feature, Categories("J18", "A41", "I50")] public string DiagnosisCode { get; init; } = "J18";
            [Label(Classes = 2)] public int Deteriorated { get; init; }
        }
        """));

    // Look-alike: a bid price, a paid amount and a humidity reading (words ending in "id").
    [Fact]
    public Task Bid_paid_and_humid_are_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Auction
        {
            [Feature] public int Bid { get; init; }
            [Feature] public int Paid { get; init; }
            [Feature] public float Humid { get; init; }
            [Label(Classes = 2)] public int Sold { get; init; }
        }
        """));
}
