namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, a second round of shapes: lookups, AddRange, epoch callbacks, in-place arrays, tuple parts, refits to ship, what-if rows.</summary>
public sealed partial class FreshLeakageCasesJ
{
    // In-sample target encoding with ToLookup (default rate per region, own label included), then split.
    [Fact]
    public Task Default_rate_per_region_from_a_lookup_of_every_loan_is_reported() => Expect(Program("""
        public static class Lookup
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var byRegion = loans.ToLookup(l => l.Region);
                var rows = loans.Select(l => l with { {|#1:RegionRate = (float){|#0:byRegion[l.Region].Average(x => x.Defaulted)|}|} }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016", "MLDSL0017");

    // Look-alike: mean income per region from a lookup of the training loans only, applied to every part.
    [Fact]
    public Task Mean_income_per_region_from_a_lookup_of_training_loans_is_silent() => Expect(Program("""
        public static class Lookup
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var byRegion = train.ToLookup(l => l.Region);
                float overall = train.Average(l => l.Income);
                Loan Encode(Loan l) => l with { RegionRate = byRegion.Contains(l.Region) ? l.Income / byRegion[l.Region].Average(x => x.Income) : l.Income / overall };
                using var model = new LoanNet();
                model.Fit(train.Select(Encode).ToList(), validation.Select(Encode).ToList());
                Console.WriteLine(model.Evaluate(test.Select(Encode).ToList()).Accuracy);
            }
        }
        """));

    // Duplicates with AddRange: every default added a second time to a copy of every loan, then split.
    [Fact]
    public Task Defaults_added_again_with_AddRange_before_the_split_is_reported() => Expect(Program("""
        public static class AddAgain
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var rows = new List<Loan>(loans);
                {|#0:rows.AddRange(loans.Where(l => l.Defaulted == 1))|};
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Look-alike: AddRange of the validation part onto a copy of the training part, for the refit after the choice.
    [Fact]
    public Task Validation_added_to_training_rows_with_AddRange_for_the_refit_is_silent() => Expect(Program("""
        public static class AddAgain
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                double best = 0; int bestEpochs = 10;
                foreach (int epochs in new[] { 10, 20, 40 })
                {
                    using var m = new LoanNet();
                    m.Fit(split.Train, null, new FitOptions { Epochs = epochs });
                    double a = m.Evaluate(split.Validation).Accuracy;
                    if (a > best) (best, bestEpochs) = (a, epochs);
                }
                var refit = new List<Loan>(split.Train);
                refit.AddRange(split.Validation);
                using var model = new LoanNet();
                model.Fit(refit, null, new FitOptions { Epochs = bestEpochs });
                Console.WriteLine($"{bestEpochs} epochs: test {model.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """));

    // The epoch count chosen from a test-loss curve recorded by an OnEpoch callback.
    [Fact]
    public Task Epoch_count_picked_from_a_test_loss_curve_recorded_in_OnEpoch_is_reported() => Expect(Program("""
        public static class Curve
        {
            public static void Main()
            {
                var (train, _, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var testLoss = new List<double>();
                using var probe = new LoanNet();
                probe.Fit(train, null, new FitOptions { Epochs = 60, OnEpoch = _ => testLoss.Add(probe.Evaluate({|#0:test|}).Loss) });
                int epochs = testLoss.IndexOf(testLoss.Min()) + 1;
                using var model = new LoanNet();
                model.Fit(train, null, new FitOptions { Epochs = epochs });
                Console.WriteLine($"{epochs} epochs: test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """), "MLDSL0018");

    [Fact]
    public Task Epoch_count_picked_from_a_validation_loss_curve_recorded_in_OnEpoch_is_silent() => Expect(Program("""
        public static class Curve
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var validationLoss = new List<double>();
                using var probe = new LoanNet();
                probe.Fit(train, null, new FitOptions { Epochs = 60, OnEpoch = _ => validationLoss.Add(probe.Evaluate(validation).Loss) });
                int epochs = validationLoss.IndexOf(validationLoss.Min()) + 1;
                using var model = new LoanNet();
                model.Fit(train, null, new FitOptions { Epochs = epochs });
                Console.WriteLine($"{epochs} epochs: test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // Trained on train+validation, the only score taken is on validation.
    [Fact]
    public Task Fitted_on_train_and_validation_then_scored_on_validation_is_reported() => Expect(Program("""
        public static class Both
        {
            public static void Main()
            {
                var (train, validation, _) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train.Concat(validation).ToList(), null, new FitOptions { Epochs = 40 });
                Console.WriteLine($"validation accuracy {model.Evaluate({|#0:validation|}).Accuracy:P2}");
            }
        }
        """), "MLDSL0027");

    // In-sample stacking in place: an array of every loan overwritten with the first model's predictions for it.
    [Fact]
    public Task Predictions_written_in_place_into_the_array_the_model_was_fitted_on_is_reported() => Expect(Program("""
        public static class InPlace
        {
            public static void Main()
            {
                Loan[] loans = CsvFile.Read<Loan>("credit.csv").ToArray();
                using var first = new LoanNet(seed: 1);
                first.Fit(loans);
                for (int i = 0; i < loans.Length; i++)
                    loans[i] = loans[i] with { RegionRate = {|#0:first.Predict(loans[i])|} };
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var second = new DeepLoanNet(seed: 2);
                second.Fit(split.Train, split.Validation);
                Console.WriteLine(second.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Same rows through a tuple of parts with a slip: (split.Train, split.Train).
    [Fact]
    public Task Tuple_of_parts_with_the_training_part_twice_is_reported() => Expect(Program("""
        public static class TupleParts
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var (fitRows, watchRows) = (split.Train, split.Train);
                using var model = new LoanNet();
                model.Fit(fitRows, {|#0:watchRows|}, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0020");

    // A bearing pipeline split by time although its rows have no timestamp, only machines.
    [Fact]
    public Task Bearing_pipeline_split_by_time_is_reported() => Expect(Program("""
        [Pipeline(typeof(BearingNet))]
        [{|#0:Split(Kind = SplitKind.ByTime, Test = 0.25)|}]
        [Train(Epochs = 10)]
        public sealed partial class BearingByTime
        {
            [Ingest] private static IReadOnlyList<Bearing> Load() => CsvFile.Read<Bearing>("bearings.csv");
        }
        """), "MLDSL0019");

    // An order reference as an integer feature.
    [Fact]
    public Task Order_reference_as_a_feature_is_reported() => Expect(Program("""
        [Dataset]
        public sealed partial record Return
        {
            [Feature] public int {|#0:OrderRef|} { get; init; }
            [Feature] public float Price { get; init; }
            [Feature] public float DaysToDeliver { get; init; }
            [Label(Classes = 2)] public int Returned { get; init; }
        }

        [Model(typeof(Return))]
        public sealed partial class ReturnNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // An imputer fitted on the training and test parts together.
    [Fact]
    public Task Imputer_fitted_on_training_and_test_parts_together_is_reported() => Expect(Program("""
        public static class TrainTest
        {
            public static void Main()
            {
                var split = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                var imputer = Imputer.Fit({|#0:split.Train.Concat(split.Test).ToList()|}, ImputeStrategy.Mean);
                using var model = new LoanNet();
                model.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(imputer.Apply(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Refit to ship: after the single test score, a scaler and a model are fitted on every loan and saved.
    [Fact]
    public Task Scaler_and_model_refitted_on_every_loan_to_ship_after_the_test_score_is_silent() => Expect(Program("""
        public static class Ship
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split.Train);
                using var model = new LoanNet();
                model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(split.Test)).Accuracy:P2}");

                var shipScaler = Standardizer.Fit(loans);
                using var shipped = new LoanNet();
                shipped.Fit(shipScaler.Apply(loans), null, new FitOptions { Epochs = 30 });
                shipScaler.Save("scaler.json");
                shipped.Save("model.bin");
            }
        }
        """));

    // What-if rows after the final score: every test loan with 10% more income, predicted and compared (not training).
    [Fact]
    public Task What_if_copies_of_test_loans_predicted_after_the_final_score_is_silent() => Expect(Program("""
        public static class WhatIf
        {
            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Loan>("credit.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation, new FitOptions { EarlyStoppingPatience = 5 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
                var richer = test.Select(l => l with { Income = l.Income * 1.1f }).ToList();
                int[] before = model.Predict(test), after = model.Predict(richer);
                Console.WriteLine($"{before.Zip(after).Count(p => p.First == 1 && p.Second == 0)} loans flip to no-default with 10% more income");
            }
        }
        """));
}
