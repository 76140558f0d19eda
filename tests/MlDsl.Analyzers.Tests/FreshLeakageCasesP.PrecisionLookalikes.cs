namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Precision, part 4: the fixes of this set's leaks written with the same mechanisms (a local function's median and a
/// static field's maximum learned from training rows, a constructor that learns from training rows), the library's
/// target encoder and tokenizer fitted on training rows, a label read from a member recorded after the outcome, test
/// scores per region printed after the final fit, and a hand-written gate on the test score.
/// </summary>
public sealed partial class FreshLeakageCasesP
{
    /// <summary>The median fill learned by a local function from the training stays only, applied to every part.</summary>
    [Fact]
    public Task Median_fill_learned_by_a_local_function_from_training_stays_stays_silent() => Expect(Program("""
        public static class SepsisHonest
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<IcuStay>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                float MedianOf(IEnumerable<float> values)
                {
                    var sorted = values.Where(v => !float.IsNaN(v)).OrderBy(v => v).ToArray();
                    return sorted[sorted.Length / 2];
                }
                float fill = MedianOf(split.Train.Select(s => s.Lactate));
                IcuStay Fill(IcuStay s) => float.IsNaN(s.Lactate) ? s with { Lactate = fill } : s;
                using var model = new IcuNet(seed: 1);
                model.Fit(split.Train.Select(Fill).ToList(), split.Validation.Select(Fill).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(Fill).ToList()).Accuracy);
            }
        }
        """));

    /// <summary>The largest training price kept in a static field, every part divided by it.</summary>
    [Fact]
    public Task Maximum_of_training_days_kept_in_a_static_field_stays_silent() => Expect(Program("""
        public static class PriceScaleHonest
        {
            private static float maxPrice = 1f;
            public static void Learn(IReadOnlyList<DemandDay> days) => maxPrice = days.Max(d => d.Price);
            public static DemandDay Scale(DemandDay day) => day with { Price = day.Price / maxPrice };
        }

        public static class DemandScriptHonest
        {
            public static void Run(string path)
            {
                var (train, validation, test) = CsvFile.Read<DemandDay>(path).Split(new SplitOptions { Kind = SplitKind.ByTime });
                PriceScaleHonest.Learn(train);
                using var model = new DemandNet(seed: 3);
                model.Fit(train.Select(PriceScaleHonest.Scale).ToList(), validation.Select(PriceScaleHonest.Scale).ToList());
                Console.WriteLine(model.Evaluate(test.Select(PriceScaleHonest.Scale).ToList()).MeanAbsoluteError);
            }
        }
        """));

    /// <summary>Employer target-encoded out of fold on the training applicants; validation and test read the training table.</summary>
    [Fact]
    public Task Target_encoder_fitted_on_training_applicants_stays_silent() => Expect(Program("""
        public static class CreditTargetEncoding
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Applicant>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var employer = new CategoricalColumn<Applicant>("Employer", a => a.Employer, (a, value) => a with { EmployerFrequency = value });
                var encoded = TargetEncoder.FitApply(split.Train, employer, new TargetEncoderOptions { Folds = 5 });
                using var model = new CreditNet(seed: 4);
                model.Fit(encoded.Train, encoded.Encoder.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(encoded.Encoder.Apply(split.Test)).Accuracy);
            }
        }
        """));

    /// <summary>The library tokenizer's vocabulary learned from the split's training reviews; token ids written into the counts of every part.</summary>
    [Fact]
    public Task Tokenizer_fitted_on_the_split_stays_silent() => Expect(Program("""
        public static class ReviewTokens
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Review>(path).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var tokenizer = Tokenizer.Fit(split, r => r.Text, new TokenizerOptions { Length = 16 });
                Review Encode(Review r) => r with { Counts = tokenizer.Encode(r.Text).Select(id => (float)id).ToArray() };
                using var model = new ReviewNet(seed: 5);
                model.Fit(split.Train.Select(Encode).ToList(), split.Validation.Select(Encode).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(Encode).ToList()).Accuracy);
            }
        }
        """));

    /// <summary>The fraud label read from the chargeback (recorded after the fraud, kept [Ignore]): labels may come from late records.</summary>
    [Fact]
    public Task Label_read_from_a_member_recorded_after_the_outcome_stays_silent() => Expect(Program("""
        public static class FraudLabels
        {
            public static void Run(string path)
            {
                var labelled = CsvFile.Read<Txn>(path).Select(t => t with { IsFraud = t.Chargeback > 0 ? 1 : 0 }).ToList();
                var split = labelled.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new FraudNet(seed: 6);
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    /// <summary>After the final fit, the test accuracy printed per store region: several test evaluations in a loop, no choice.</summary>
    [Fact]
    public Task Test_accuracy_per_group_printed_after_the_final_fit_stays_silent() => Expect(Program("""
        public static class ClickRegions
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Impression>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ClickNet(seed: 7);
                model.Fit(split.Train, split.Validation);
                foreach (var device in split.Test.GroupBy(i => i.DeviceType))
                {
                    Console.WriteLine($"device {device.Key}: {model.Evaluate(device.ToList()).Accuracy:P1}");
                }
            }
        }
        """));

    /// <summary>A release gate written by hand: the final model is refused when its test accuracy is below the bar (what [Gate] does).</summary>
    [Fact]
    public Task Hand_written_gate_on_the_test_accuracy_stays_silent() => Expect(Program("""
        public static class ChurnGate
        {
            public static void Run(string path)
            {
                var split = CsvFile.Read<Subscriber>(path).Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new ChurnNet(seed: 8);
                model.Fit(split.Train, split.Validation);
                double accuracy = model.Evaluate(split.Test).Accuracy;
                if (accuracy < 0.8)
                {
                    throw new InvalidOperationException($"test accuracy {accuracy:P1} is below the 80% gate; not exported");
                }
                model.Save("churn.mldsl");
            }
        }
        """));
}
