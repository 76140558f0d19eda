namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 6: aggregates that stay inside one group or one row's past (a card's transactions in the previous
/// day, a patient's mean heart rate over their own stays with a split by patient), a model fitted on every row only to
/// print its loss curve, blending (the second model learns on validation predictions of a model fitted on training
/// rows), and a preparation helper that fits on the training part and hands back every part.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>Velocity: how many transactions the same card made in the 24 hours before this one (IEEE-CIS's favourite feature).</summary>
    [Fact]
    public Task Card_velocity_over_the_previous_day_stays_silent() => Expect(Program("""
        public static class FraudVelocity
        {
            public static void Run(string path)
            {
                var withVelocity = new List<Txn>();
                foreach (var card in CsvFile.Read<Txn>(path).GroupBy(t => t.Card))
                {
                    var history = card.OrderBy(t => t.At).ToList();
                    foreach (var t in history)
                    {
                        int previousDay = history.Count(h => h.At < t.At && h.At >= t.At.AddHours(-24));
                        withVelocity.Add(t with { Velocity = previousDay });
                    }
                }
                var split = withVelocity.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new FraudNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>Each stay's heart rate centred on the patient's own mean; the split by patient keeps every patient's stays in one part.</summary>
    [Fact]
    public Task Per_patient_mean_with_a_split_by_patient_stays_silent() => Expect(Program("""
        public static class IcuPatientCentred
        {
            public static void Run(string path)
            {
                var stays = CsvFile.Read<IcuStay>(path);
                var centred = stays.GroupBy(s => s.Patient).SelectMany(patient =>
                {
                    float mean = patient.Average(s => s.HeartRate);
                    return patient.Select(s => s with { HeartRate = s.HeartRate - mean });
                }).ToList();
                var split = centred.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new IcuNet(seed: 2);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>A throwaway model fitted on every pump day only to print its loss per epoch (can it learn at all?); the real one trains on the split.</summary>
    [Fact]
    public Task Model_fitted_on_every_row_only_to_print_its_loss_curve_stays_silent() => Expect(Program("""
        public static class PumpLossCurve
        {
            public static void Run(string path)
            {
                var days = CsvFile.Read<PumpDay>(path);
                using (var probe = new PumpNet(seed: 9))
                {
                    var curve = probe.Fit(days, null, new FitOptions { Epochs = 5 });
                    foreach (var epoch in curve.Epochs) Console.WriteLine($"{epoch.Epoch}: {epoch.TrainLoss:F4}");
                }
                var split = days.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new PumpNet(seed: 1);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>
    /// Blending (Netflix prize, Kaggle): the first model trains on the training part; the second learns from its
    /// predictions on the validation part and is scored on the test part, where the first model's predictions are also new.
    /// </summary>
    [Fact]
    public Task Blending_on_validation_predictions_stays_silent() => Expect(Program("""
        public static class CreditBlend
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Applicant>(path).Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.3 });
                using var first = new CreditNet(seed: 1);
                first.Fit(split.Train);
                var validationScores = first.PredictProbabilities(split.Validation);
                var testScores = first.PredictProbabilities(split.Test);
                var blendTrain = split.Validation.Select((a, i) => a with { BureauScore = validationScores[i][1] }).ToList();
                var blendTest = split.Test.Select((a, i) => a with { BureauScore = testScores[i][1] }).ToList();
                using var second = new CreditNet(seed: 2);
                second.Fit(blendTrain);
                Console.WriteLine(second.Evaluate(blendTest).Accuracy);
            }
        }
        """));

    /// <summary>A preparation helper: the scaler learns from the split's training rows and every part comes back scaled, as a named tuple.</summary>
    [Fact]
    public Task Preparation_helper_returning_every_part_scaled_by_training_statistics_stays_silent() => Expect(Program("""
        public static class ChurnPreparation
        {
            public static (List<Subscriber> Train, List<Subscriber> Validation, List<Subscriber> Test) Prepare(DataSplit<Subscriber> split)
            {
                var scaler = MinMaxScaler.Fit(split);
                return (scaler.Apply(split.Train).ToList(), scaler.Apply(split.Validation).ToList(), scaler.Apply(split.Test).ToList());
            }

            public static void Run(string path)
            {
                var parts = Prepare(CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped }));
                using var model = new ChurnNet(seed: 3);
                model.Fit(parts.Train, parts.Validation);
                Console.WriteLine(model.Evaluate(parts.Test).Accuracy);
            }
        }
        """));
}
