namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Kinds behind the fixed FreshLeakageCasesE/F findings (fixE): rows, parts and scores followed through the language —
/// delegates given to helpers and to cross-validation. Each kind has a leaky variant of another shape and a correct
/// look-alike that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesE
{
    // ───────────── Delegates given as arguments: the helper invokes what the caller gave it

    [Fact]
    public Task Method_group_given_for_a_Func_parameter_and_invoked_with_Invoke_on_all_rows_before_the_split_is_reported() => Expect(Script("""
            static Transaction[] Rescale(IReadOnlyList<Transaction> rows) => MinMaxScaler.Fit(rows).Apply(rows);

            static double Experiment(IReadOnlyList<Transaction> all, Func<IReadOnlyList<Transaction>, Transaction[]> prepare)
            {
                var (train, validation, test) = prepare.Invoke(all).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                using var net = new FraudNet();
                net.Fit(train, validation);
                return net.Evaluate(test).Accuracy;
            }

            public static void Main()
            {
                var all = CsvFile.Read<Transaction>("creditcard.csv");
                Console.WriteLine({|#0:Experiment(all, Rescale)|});
            }
        """), "MLDSL0016");

    [Fact]
    public Task Row_wise_method_group_given_for_a_Func_parameter_and_invoked_before_the_split_is_silent() => Expect(Script("""
            static Transaction[] ClipAmounts(IReadOnlyList<Transaction> rows) => rows.Select(t => t with { Amount = Math.Min(t.Amount, 10000f) }).ToArray();

            static double Experiment(IReadOnlyList<Transaction> all, Func<IReadOnlyList<Transaction>, Transaction[]> prepare)
            {
                var (train, validation, test) = prepare.Invoke(all).Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var scaler = MinMaxScaler.Fit(train);
                using var net = new FraudNet();
                net.Fit(scaler.Apply(train), scaler.Apply(validation));
                return net.Evaluate(scaler.Apply(test)).Accuracy;
            }

            public static void Main()
            {
                var all = CsvFile.Read<Transaction>("creditcard.csv");
                Console.WriteLine(Experiment(all, ClipAmounts));
            }
        """));

    // Mark moved (fixJ) from the helper call to its rows argument: a score a helper (or the function given to it) makes on a
    // model is reported on the rows argument it is measured on, as for Func_variable_scoring_a_model_invoked_on_the_rows_it_was_fitted_on_is_reported.
    [Fact]
    public Task Inline_lambda_given_to_a_helper_that_scores_the_model_on_its_training_rows_is_reported() => Expect(Script("""
            static double Measure(FraudNet net, IReadOnlyList<Transaction> rows, Func<FraudNet, IReadOnlyList<Transaction>, double> metric) => metric(net, rows);

            public static void Main()
            {
                var (train, validation, test) = CsvFile.Read<Transaction>("creditcard.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new FraudNet();
                net.Fit(train, validation);
                Console.WriteLine(Measure(net, {|#0:train|}, (m, rows) => m.Evaluate(rows).Accuracy));
            }
        """), "MLDSL0027");

    // ───────────── Cross-validation delegates fitting on captured rows instead of their fold

    [Fact]
    public Task Inline_prepare_lambda_fitting_on_the_captured_training_part_is_reported() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Transaction>("creditcard.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2 });
                FoldScorer<Transaction> score = CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { Epochs = 5, Verbose = 0 });
                var result = CrossValidation.Run(split, score, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }, foldTrain =>
                {
                    var scaler = MinMaxScaler.Fit({|#0:split.Train|});
                    return rows => scaler.Apply(rows);
                });
                Console.WriteLine(result);
            }
        """), "MLDSL0016");

    [Fact]
    public Task Inline_prepare_lambda_fitting_on_a_filtered_copy_of_its_fold_is_silent() => Expect(Script("""
            public static void Main()
            {
                var split = CsvFile.Read<Transaction>("creditcard.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.2 });
                FoldScorer<Transaction> score = CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { Epochs = 5, Verbose = 0 });
                var result = CrossValidation.Run(split, score, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5 }, foldTrain =>
                {
                    var usable = foldTrain.Where(t => t.Amount > 0).ToList();
                    var scaler = MinMaxScaler.Fit(usable);
                    return rows => scaler.Apply(rows);
                });
                var final = MinMaxScaler.Fit(split);
                using var net = new FraudNet();
                net.Fit(final.Apply(split.Train));
                Console.WriteLine($"{result} {net.Evaluate(final.Apply(split.Test)).Accuracy}");
            }
        """));
}

public sealed partial class FreshLeakageCasesE
{
    // ───────────── One loader, two paths: two sources; one path twice: one source

    [Fact]
    public Task Loader_called_with_the_training_and_the_test_file_scores_unseen_rows_silently() => Expect(Script("""
            public static void Main()
            {
                var train = Kaggle.Titanic("train.csv");
                var test = Kaggle.Titanic("test_labelled.csv");
                var model = new TitanicNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        """));

    [Fact]
    public Task Loader_called_twice_with_the_training_file_scores_the_trained_rows_is_reported() => Expect(Script("""
            public static void Main()
            {
                var train = Kaggle.Titanic("train.csv");
                var again = Kaggle.Titanic("train.csv");
                var model = new TitanicNet();
                model.Fit(train);
                Console.WriteLine(model.Evaluate({|#0:again|}).Accuracy);
            }
        """), "MLDSL0027");
}

public sealed partial class FreshLeakageCasesE
{
    // ───────────── Abstract and interface calls: what the implementations in the compilation do

    private const string Transforms = """
        public abstract class Transform
        {
            public abstract IReadOnlyList<Transaction> Run(IReadOnlyList<Transaction> rows);
        }

        public sealed class CapAmount : Transform
        {
            public override IReadOnlyList<Transaction> Run(IReadOnlyList<Transaction> rows) => rows.Select(t => t with { Amount = Math.Min(t.Amount, 5000f) }).ToList();
        }

        public sealed class CentreAmount : Transform
        {
            public override IReadOnlyList<Transaction> Run(IReadOnlyList<Transaction> rows)
            {
                float mean = rows.Average(t => t.Amount);
                return rows.Select(t => t with { Amount = t.Amount - mean }).ToList();
            }
        }

        """;

    [Fact]
    public Task Abstract_transform_whose_override_centres_on_the_mean_of_all_rows_before_the_split_is_reported() => Expect(Declarations(Transforms + """
        public static class Experiment
        {
            public static void Main()
            {
                Transform transform = new CentreAmount();
                var all = CsvFile.Read<Transaction>("creditcard.csv");
                var (train, validation, test) = {|#0:transform.Run(all)|}.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new FraudNet();
                net.Fit(train, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """ + Rows), "MLDSL0016");

    [Fact]
    public Task Abstract_transform_whose_override_centres_each_part_on_its_training_rows_is_silent() => Expect(Declarations(Transforms + """
        public static class Experiment
        {
            public static void Main()
            {
                Transform transform = new CapAmount();
                var all = CsvFile.Read<Transaction>("creditcard.csv");
                var (train, validation, test) = transform.Run(all).Split(new SplitOptions { Kind = SplitKind.Stratified });
                var centred = new CentreAmount().Run(train);
                using var net = new FraudNet();
                net.Fit(centred, validation);
                Console.WriteLine(net.Evaluate(test).Accuracy);
            }
        }
        """ + Rows));
}

public sealed partial class FreshLeakageCasesE
{
    // ───────────── A search given the test rows as the rows it scores candidates on

    [Fact]
    public Task Random_search_given_the_deconstructed_test_part_as_validation_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var grid = GridSearch.Grid(new[] { 1e-3, 1e-2 }, new[] { 0.0, 1e-4 });
            var search = GridSearch.OnValidation(train, validation: {|#0:test|}, grid,
                p => CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { LearningRate = p.Item1, WeightDecay = p.Item2 }));
            Console.WriteLine($"best {search.BestParameters}: {search.Best.Score}");
        }
        """), "MLDSL0018");

    [Fact]
    public Task Grid_search_given_the_validation_part_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var grid = GridSearch.Grid(new[] { 1e-3, 1e-2 }, new[] { 0.0, 1e-4 });
            var search = GridSearch.OnValidation(split.Train, split.Validation, grid,
                p => CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet(), new FitOptions { LearningRate = p.Item1, WeightDecay = p.Item2 }));
            Console.WriteLine($"best {search.BestParameters}: {search.Best.Score}");
        }
        """));
}
