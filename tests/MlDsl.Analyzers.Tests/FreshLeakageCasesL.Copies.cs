namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kind 2: rows multiplied or invented before the split, and copies that stay on their side.</summary>
public sealed partial class FreshLeakageCasesL
{
    // Kaggle chest x-ray pneumonia kernels that flip every image to double the data and only then call train_test_split:
    // an x-ray and its mirror image end on both sides.
    [Fact]
    public Task Xrays_doubled_by_a_horizontal_flip_before_the_split_is_reported() => Expect(Program("""
        public static class ChestXrays
        {
            static float[] Mirror(float[] pixels) =>
                Enumerable.Range(0, 256).Select(i => pixels[(i / 16) * 16 + 15 - i % 16]).ToArray();

            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv");
                var doubled = {|#0:xrays.SelectMany(x => new[] { x, x with { Pixels = Mirror(x.Pixels) } })|}.ToList();
                var split = doubled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new XrayNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Santos et al., "Cross-validation for imbalanced datasets: avoiding overoptimistic and overfitting approaches"
    // (IEEE CIM 2018): SMOTE applied to the whole credit table, then cross-validated.
    [Fact]
    public Task Smote_over_every_application_then_cross_validation_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                Applicant[] balanced = {|#0:Oversampler.Smote(applicants, k: 5, seed: 3)|};
                var result = CrossValidation.Run(balanced, CrossValidation.TrainModel<Applicant, ApplicantNet>(() => new ApplicantNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine($"AUC-free accuracy {result.Mean:P1} ± {result.StandardDeviation:P1}");
            }
        }
        """), "MLDSL0026");

    // Stack Overflow "random oversampling before or after train test split?": an iterator yields each septic admission
    // three times, the notebook then splits.
    [Fact]
    public Task Septic_admissions_repeated_by_an_iterator_before_the_split_is_reported() => Expect(Program("""
        public static class SepsisNotebook
        {
            static IEnumerable<Admission> Repeat(IEnumerable<Admission> rows)
            {
                foreach (var a in rows)
                {
                    yield return a;
                    if (a.Sepsis == 1)
                    {
                        yield return a;
                        yield return a;
                    }
                }
            }

            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var balanced = {|#0:Repeat(admissions)|}.ToList();
                var (train, validation, test) = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // A bootstrap "to get more data" drawn with replacement from the e-mails before the split (a spam-filter homework
    // repository): the same e-mail lands in training and test.
    [Fact]
    public Task Emails_bootstrapped_with_replacement_before_the_split_is_reported() => Expect(Program("""
        public static class SpamFilter
        {
            public static void Main()
            {
                var emails = CsvFile.Read<Email>("emails.csv");
                var random = new Random(1);
                var resampled = new List<Email>();
                for (int i = 0; i < emails.Count * 2; i++)
                    {|#0:resampled.Add(emails[random.Next(emails.Count)])|};
                var split = resampled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new EmailNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Look-alike (histopathology practice, e.g. the Camelyon challenge: split by patient): rotated copies of every slide
    // made before a split by patient keep their patient key, so they stay with their original.
    [Fact]
    public Task Rotated_slide_copies_before_a_split_by_patient_is_silent() => Expect(Program("""
        public static class Biopsies
        {
            static float[] Rotate(float[] p) => Enumerable.Range(0, 256).Select(i => p[(15 - i % 16) * 16 + i / 16]).ToArray();

            public static void Main()
            {
                var slides = CsvFile.Read<Slide>("slides.csv");
                var augmented = slides.SelectMany(s => new[] { s, s with { Pixels = Rotate(s.Pixels) } }).ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = 5 });
                using var model = new SlideNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (imbalanced-learn's documentation: resample the training data only): random oversampling of the
    // training part, validation and test untouched.
    [Fact]
    public Task Oversampling_only_the_training_applications_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (train, validation, test) = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                var balanced = Oversampler.Random(train, seed: 3);
                using var model = new ApplicantNet();
                model.Fit(balanced, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike (audio augmentation tutorials, e.g. torchaudio's): noisy copies of the training utterances only, after a
    // split by speaker.
    [Fact]
    public Task Noisy_copies_of_training_utterances_only_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                var noisy = Oversampler.Augment(split.Train,
                    (u, random) => u with { Mfcc = u.Mfcc.Select(m => m + (float)(random.NextDouble() - 0.5) * 0.1f).ToArray() },
                    copies: 2, seed: 9);
                using var model = new UtteranceNet();
                model.Fit(noisy, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));
}
