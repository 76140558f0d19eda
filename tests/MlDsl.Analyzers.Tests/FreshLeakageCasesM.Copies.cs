namespace MlDsl.Analyzers.Tests;

/// <summary>Set M, kind 2: rows multiplied or invented before the split, and resampling that stays on the training side.</summary>
public sealed partial class FreshLeakageCasesM
{
    // Vandewiele et al., "Overly optimistic prediction results on imbalanced data" (2021): SMOTE before the split. Here a
    // balancing helper of the notebook's data module is called on every claim, then the balanced claims are split.
    [Fact]
    public Task Balancing_helper_called_on_every_claim_before_the_split_is_reported() => Expect(Program("""
        public static class DataModule
        {
            public static Claim[] Balance(IReadOnlyList<Claim> claims, int seed) => Oversampler.Smote(claims, k: 3, seed: seed);
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var balanced = {|#0:DataModule.Balance(claims, 17)|};
                var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Kaggle "credit card fraud" kernels that oversample per class with pandas `groupby(...).apply(sample(replace=True))`:
    // the fraud group is repeated three times inside a GroupBy/SelectMany chain, then the table is split.
    [Fact]
    public Task Fraud_group_repeated_inside_a_group_by_chain_before_the_split_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var resampled = {|#0:claims.GroupBy(c => c.Fraud).SelectMany(g => g.Key == 1 ? g.Concat(g).Concat(g) : g)|}.ToList();
                var (train, validation, test) = resampled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Data augmentation by jitter on tabular data (a Medium "augment small datasets" recipe): every wine goes into a
    // list twice, once with noise on the acidity, in an index loop, before the split.
    [Fact]
    public Task Every_wine_added_with_a_jittered_copy_in_an_index_loop_is_reported() => Expect(Program("""
        public static class WineNotebook
        {
            public static void Main()
            {
                var wines = CsvFile.Read<Wine>("winequality-red.csv");
                var random = new Random(3);
                var augmented = new List<Wine>();
                for (int i = 0; i < wines.Count; i++)
                {
                    augmented.Add(wines[i]);
                    {|#0:augmented.Add(wines[i] with { Acidity = wines[i].Acidity * (0.95f + 0.1f * random.NextSingle()) })|};
                }
                var split = augmented.Split();
                using var net = new WineNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0026");

    // A bootstrap sample drawn from every claim with replacement (`df.sample(frac=1, replace=True)`), then cross-validated:
    // duplicates sit in a fold's training and validation rows.
    [Fact]
    public Task Bootstrap_of_every_claim_cross_validated_is_reported() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var random = new Random(11);
                var sample = {|#0:Enumerable.Range(0, claims.Count).Select(_ => claims[random.Next(claims.Count)])|}.ToList();
                var result = CrossValidation.Run(sample, CrossValidation.TrainModel<Claim, ClaimNet>(() => new ClaimNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 });
                Console.WriteLine($"accuracy {result.Mean:P1} ± {result.StandardDeviation:P1}");
            }
        }
        """), "MLDSL0026");

    // The same random oversampling as a collection expression in an expression-bodied property of a dataset class,
    // whose Split method the notebook then calls.
    [Fact]
    public Task Oversampled_property_of_a_dataset_class_split_afterwards_is_reported() => Expect(Program("""
        public sealed class ClaimTable
        {
            private readonly List<Claim> claims;
            public ClaimTable(string path) => claims = CsvFile.Read<Claim>(path).ToList();
            public List<Claim> Oversampled => {|#0:[.. claims, .. claims.Where(c => c.Fraud == 1)]|};
        }

        public static class FraudNotebook
        {
            public static void Main()
            {
                var table = new ClaimTable("claims.csv");
                var split = table.Oversampled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0026");

    // Look-alike (imbalanced-learn's Pipeline: the sampler sees the training fold only): a local function oversamples the
    // training claims after the split.
    [Fact]
    public Task Training_claims_oversampled_by_a_local_function_after_the_split_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, validation, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified });
                List<Claim> Balanced(IReadOnlyList<Claim> rows) => rows.Concat(rows.Where(c => c.Fraud == 1)).ToList();
                using var net = new ClaimNet();
                net.Fit(Balanced(train), validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike (random undersampling of the majority class before the split: no row is copied, the two classes are
    // disjoint parts put back together).
    [Fact]
    public Task Majority_class_undersampled_before_the_split_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var random = new Random(5);
                var honest = claims.Where(c => c.Fraud == 0).OrderBy(_ => random.Next()).Take(20000);
                var fraud = claims.Where(c => c.Fraud == 1);
                var reduced = honest.Concat(fraud).ToList();
                var split = reduced.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new ClaimNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (augmentation before a grouped split: every copy keeps its school, so it stays on its original's side).
    [Fact]
    public Task Pupils_jittered_before_a_split_by_school_is_silent() => Expect(Program("""
        public static class DropoutStudy
        {
            public static void Main()
            {
                var pupils = CsvFile.Read<Pupil>("pupils.csv");
                var augmented = pupils.SelectMany(p => new[] { p, p with { Attendance = Math.Min(1f, p.Attendance + 0.02f) } }).ToList();
                var split = augmented.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var net = new PupilNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine(net.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (SMOTE inside each fold over the training claims, the remedy in Vandewiele et al.): the fold's
    // validation rows are never resampled; fold scores only averaged.
    [Fact]
    public Task Smote_inside_each_fold_of_the_training_claims_is_silent() => Expect(Program("""
        public static class FraudNotebook
        {
            public static void Main()
            {
                var claims = CsvFile.Read<Claim>("claims.csv");
                var (train, _, test) = claims.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
                var scores = new List<double>();
                foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 4 }))
                {
                    var fit = Oversampler.Smote(fold.Train.Select(i => train[i]).ToList(), k: 5, seed: fold.Index);
                    using var net = new ClaimNet();
                    net.Fit(fit);
                    scores.Add(net.Evaluate(fold.Validation.Select(i => train[i]).ToList()).Accuracy);
                }
                Console.WriteLine($"CV accuracy {scores.Average():P1}");
            }
        }
        """));
}
