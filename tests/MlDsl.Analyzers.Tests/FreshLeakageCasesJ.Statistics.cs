namespace MlDsl.Analyzers.Tests;

/// <summary>Set J, kind "statistics learned from rows that later reach validation or test" (MLDSL0016): fitted steps and hand-written aggregates and vocabularies.</summary>
public sealed partial class FreshLeakageCasesJ
{
    // scikit-learn "Common pitfalls and recommended practices", 10.2 Data leakage: "the imputer is fit on all the data
    // before the split" — here the median imputer is fitted, applied, and the transformed rows are split afterwards.
    [Fact]
    public Task Imputer_fitted_on_every_loan_then_the_imputed_rows_split_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Loan> loans = CsvFile.Read<Loan>("credit.csv");
                var imputer = Imputer.Fit({|#0:loans|}, new ImputerOptions { Strategy = ImputeStrategy.Median, AddMissingIndicator = false });
                Loan[] filled = imputer.Apply(loans);
                var (train, validation, test) = filled.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var model = new LoanNet();
                model.Fit(train, validation, new FitOptions { Epochs = 30 });
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Imputer_fitted_on_the_training_part_then_applied_to_each_part_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Loan> loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                var imputer = Imputer.Fit(train, new ImputerOptions { Strategy = ImputeStrategy.Median, AddMissingIndicator = false });
                using var model = new LoanNet();
                model.Fit(imputer.Apply(train), imputer.Apply(validation), new FitOptions { Epochs = 30 });
                Console.WriteLine($"test accuracy {model.Evaluate(imputer.Apply(test)).Accuracy:P2}");
            }
        }
        """));

    // Look-alike: the imputer over every loan only prints the medians in an EDA cell; training uses its own per-split fit.
    [Fact]
    public Task Imputer_over_every_loan_only_to_print_its_medians_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                IReadOnlyList<Loan> loans = CsvFile.Read<Loan>("credit.csv");
                var overview = Imputer.Fit(loans, ImputeStrategy.Median);
                for (int i = 0; i < overview.Features.Count; i++)
                    Console.WriteLine($"{overview.Features[i],-14} median {overview.Statistics[i]:F2}");

                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                var imputer = Imputer.Fit(split.Train, ImputeStrategy.Median);
                using var model = new LoanNet();
                model.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
                Console.WriteLine($"test accuracy {model.Evaluate(imputer.Apply(split.Test)).Accuracy:P2}");
            }
        }
        """));

    // Stack Overflow "Should I normalize before or after train_test_split?" (df / df.max() on the whole frame): the
    // largest income over every loan rescales the feature, through a lambda kept in a variable, before the split.
    [Fact]
    public Task Largest_income_over_every_loan_used_by_a_stored_lambda_before_the_split_is_reported() => Expect(Program("""
        public static class Rescale
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                float maxIncome = {|#0:loans.Max(l => l.Income)|};
                float maxDebt = loans.Max(l => l.Debt);
                Func<Loan, Loan> rescale = l => l with { Income = l.Income / maxIncome, Debt = l.Debt / maxDebt };
                List<Loan> scaled = loans.Select(rescale).ToList();
                var split = scaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Largest_income_over_the_training_loans_used_by_a_stored_lambda_is_silent() => Expect(Program("""
        public static class Rescale
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float maxIncome = split.Train.Max(l => l.Income);
                float maxDebt = split.Train.Max(l => l.Debt);
                Func<Loan, Loan> rescale = l => l with { Income = l.Income / maxIncome, Debt = l.Debt / maxDebt };
                using var model = new LoanNet();
                model.Fit(split.Train.Select(rescale).ToList(), split.Validation.Select(rescale).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(rescale).ToList()).Accuracy);
            }
        }
        """));

    // Look-alike: a ratio of one row's own values (debt-to-income) is not a statistic of rows.
    [Fact]
    public Task Debt_to_income_ratio_of_each_row_before_the_split_is_silent() => Expect(Program("""
        public static class Ratios
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv")
                    .Select(l => l with { Utilisation = l.Income > 0 ? l.Debt / l.Income : 0f })
                    .ToList();
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Kaggle "Home Credit" kernels: a mean income per region computed by a helper over all applications and written as a
    // feature; the split comes afterwards. No label is read, so this is a statistic of rows (0016), not target encoding.
    [Fact]
    public Task Mean_income_per_region_from_a_helper_over_every_loan_is_reported() => Expect(Program("""
        public static class RegionFeatures
        {
            private static Dictionary<string, float> RegionMeans(IEnumerable<Loan> rows)
            {
                var sums = new Dictionary<string, (float Sum, int Count)>();
                foreach (var row in rows)
                {
                    sums.TryGetValue(row.Region, out var acc);
                    sums[row.Region] = (acc.Sum + row.Income, acc.Count + 1);
                }
                return sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum / kv.Value.Count);
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var means = {|#0:RegionMeans(loans)|};
                var rows = loans.Select(l => l with { RegionRate = means.TryGetValue(l.Region, out var m) ? l.Income / m : 1f }).ToList();
                var (train, validation, test) = rows.Split();
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Mean_income_per_region_from_a_helper_over_the_training_loans_is_silent() => Expect(Program("""
        public static class RegionFeatures
        {
            private static Dictionary<string, float> RegionMeans(IEnumerable<Loan> rows)
            {
                var sums = new Dictionary<string, (float Sum, int Count)>();
                foreach (var row in rows)
                {
                    sums.TryGetValue(row.Region, out var acc);
                    sums[row.Region] = (acc.Sum + row.Income, acc.Count + 1);
                }
                return sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum / kv.Value.Count);
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split();
                var means = RegionMeans(train);
                List<Loan> Encode(IReadOnlyList<Loan> part) =>
                    part.Select(l => l with { RegionRate = means.TryGetValue(l.Region, out var m) ? l.Income / m : 1f }).ToList();
                using var model = new LoanNet();
                model.Fit(Encode(train), Encode(validation));
                Console.WriteLine(model.Evaluate(Encode(test)).Accuracy);
            }
        }
        """));

    // "Bag of words before the split" (Cross Validated, "Should the vocabulary be built only from the training set?"):
    // a vocabulary of the 500 most frequent words is counted by nested loops over every review, then each review's
    // known-word count becomes a feature, then the reviews are split.
    [Fact]
    public Task Vocabulary_counted_by_nested_loops_over_every_review_is_reported() => Expect(Program("""
        public static class Sentiment
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var counts = new Dictionary<string, int>();
                foreach (var review in {|#0:reviews|})
                    foreach (var word in review.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        counts[word] = counts.TryGetValue(word, out int c) ? c + 1 : 1;
                var vocabulary = counts.OrderByDescending(kv => kv.Value).Take(500).Select(kv => kv.Key).ToHashSet();

                var rows = reviews.Select(r => r with { Length = r.Text.Split(' ').Count(vocabulary.Contains) }).ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new ReviewNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Vocabulary_counted_by_nested_loops_over_the_training_reviews_is_silent() => Expect(Program("""
        public static class Sentiment
        {
            public static void Main()
            {
                var reviews = CsvFile.Read<Review>("reviews.csv");
                var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var counts = new Dictionary<string, int>();
                foreach (var review in split.Train)
                    foreach (var word in review.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        counts[word] = counts.TryGetValue(word, out int c) ? c + 1 : 1;
                var vocabulary = counts.OrderByDescending(kv => kv.Value).Take(500).Select(kv => kv.Key).ToHashSet();

                List<Review> Featurise(IEnumerable<Review> part) => part.Select(r => r with { Length = r.Text.Split(' ').Count(vocabulary.Contains) }).ToList();
                using var model = new ReviewNet();
                model.Fit(Featurise(split.Train), Featurise(split.Validation));
                Console.WriteLine($"test accuracy {model.Evaluate(Featurise(split.Test)).Accuracy:P1}");
            }
        }
        """));

    // Hastie, Tibshirani & Friedman, "Elements of Statistical Learning" 7.10.2, "The wrong and right way to do
    // cross-validation": features screened on all samples, then cross-validated.
    [Fact]
    public Task Features_selected_on_every_loan_then_cross_validated_is_reported() => Expect(Program("""
        public static class Screening
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var selector = SelectKBest.Fit({|#0:loans|}, ScoreFunction.AnovaF, k: 3);
                Console.WriteLine(string.Join(", ", selector.SelectedNames));
                Loan[] reduced = selector.Apply(loans);
                var result = CrossValidation.Run(reduced, CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 10, Shuffle = true });
                Console.WriteLine($"10-fold accuracy {result}");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Features_selected_inside_each_fold_is_silent() => Expect(Program("""
        public static class Screening
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                FitOnFold<Loan> select = foldTrain =>
                {
                    var selector = SelectKBest.Fit(foldTrain, ScoreFunction.AnovaF, k: 3);
                    return rows => selector.Apply(rows);
                };
                var result = CrossValidation.Run(loans, CrossValidation.TrainModel<Loan, LoanNet>(() => new LoanNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 10, Shuffle = true }, select);
                Console.WriteLine($"10-fold accuracy {result}");
            }
        }
        """));

    // A notebook comparing scalers: a dictionary of preprocessing lambdas, each fitting on the rows it is handed, each
    // handed every loan and the result split inside the loop over configurations.
    [Fact]
    public Task Dictionary_of_scaler_lambdas_each_given_every_loan_before_the_split_is_reported() => Expect(Program("""
        public static class ScalerComparison
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var preprocessors = new Dictionary<string, Func<IReadOnlyList<Loan>, Loan[]>>
                {
                    ["standard"] = rows => Standardizer.Fit(rows).Apply(rows),
                    ["minmax"] = rows => MinMaxScaler.Fit(rows).Apply(rows),
                };
                foreach (var (name, prepare) in preprocessors)
                {
                    var split = {|#0:prepare(loans)|}.Split(new SplitOptions { Kind = SplitKind.Stratified });
                    using var model = new LoanNet();
                    model.Fit(split.Train);
                    Console.WriteLine($"{name}: validation accuracy {model.Evaluate(split.Validation).Accuracy:P2}");
                }
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Dictionary_of_scaler_lambdas_fitted_on_the_training_part_is_silent() => Expect(Program("""
        public static class ScalerComparison
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var split = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var preprocessors = new Dictionary<string, Func<IReadOnlyList<Loan>, Func<IReadOnlyList<Loan>, Loan[]>>>
                {
                    ["standard"] = fit => { var s = Standardizer.Fit(fit); return rows => s.Apply(rows); },
                    ["minmax"] = fit => { var s = MinMaxScaler.Fit(fit); return rows => s.Apply(rows); },
                };
                foreach (var (name, prepare) in preprocessors)
                {
                    var apply = prepare(split.Train);
                    using var model = new LoanNet();
                    model.Fit(apply(split.Train));
                    Console.WriteLine($"{name}: validation accuracy {model.Evaluate(apply(split.Validation)).Accuracy:P2}");
                }
            }
        }
        """));

    // Kaggle "target encoding done right" discussions: the encoder is fitted on every application, then the encoded
    // rows are split — the test rows' own defaults are in their region's encoding.
    [Fact]
    public Task Target_encoder_fitted_on_every_loan_then_split_is_reported() => Expect(Program("""
        public static class RegionEncoding
        {
            private static readonly CategoricalColumn<Loan> RegionColumn = new("Region", l => l.Region, (l, v) => l with { RegionRate = v });

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var encoding = TargetEncoder.Fit({|#0:loans|}, RegionColumn, new TargetEncoderOptions { Smooth = 20 });
                var (train, validation, test) = encoding.Apply(loans).Split();
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Target_encoder_fitted_out_of_fold_on_the_training_part_is_silent() => Expect(Program("""
        public static class RegionEncoding
        {
            private static readonly CategoricalColumn<Loan> RegionColumn = new("Region", l => l.Region, (l, v) => l with { RegionRate = v });

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split();
                var encoded = TargetEncoder.FitApply(train, RegionColumn, new TargetEncoderOptions { Smooth = 20 });
                using var model = new LoanNet();
                model.Fit(encoded.Train, encoded.Encoder.Apply(validation));
                Console.WriteLine(model.Evaluate(encoded.Encoder.Apply(test)).Accuracy);
            }
        }
        """));

    // Kaggle competition kernels: "concatenate train and test so the scaler sees the full distribution".
    [Fact]
    public Task Scaler_fitted_on_the_competition_train_and_test_files_together_is_reported() => Expect(Program("""
        public static class Competition
        {
            public static void Main()
            {
                var train = CsvFile.Read<Loan>("train.csv");
                var test = CsvFile.Read<Loan>("test.csv");
                var scaler = Standardizer.Fit({|#0:train.Concat(test).ToList()|});
                var (fit, watch, _) = scaler.Apply(train).Split(new SplitOptions { Test = 0.0, Validation = 0.2 });
                using var model = new LoanNet();
                model.Fit(fit, watch, new FitOptions { EarlyStoppingPatience = 4, Epochs = 60 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(test)).Accuracy:P2}");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_on_the_competition_train_file_only_is_silent() => Expect(Program("""
        public static class Competition
        {
            public static void Main()
            {
                var train = CsvFile.Read<Loan>("train.csv");
                var test = CsvFile.Read<Loan>("test.csv");
                var scaler = Standardizer.Fit(train);
                var (fit, watch, _) = scaler.Apply(train).Split(new SplitOptions { Test = 0.0, Validation = 0.2 });
                using var model = new LoanNet();
                model.Fit(fit, watch, new FitOptions { EarlyStoppingPatience = 4, Epochs = 60 });
                Console.WriteLine($"test accuracy {model.Evaluate(scaler.Apply(test)).Accuracy:P2}");
            }
        }
        """));

    // A hand-written median imputation (pandas fillna(df.median())) through a helper taking a column of values.
    [Fact]
    public Task Median_income_of_every_loan_from_a_helper_used_to_fill_gaps_is_reported() => Expect(Program("""
        public static class FillGaps
        {
            private static float Median(IEnumerable<float> values)
            {
                float[] sorted = values.Where(v => !float.IsNaN(v)).OrderBy(v => v).ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2f;
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                float median = {|#0:Median(loans.Select(l => l.Income))|};
                var filled = loans.Select(l => float.IsNaN(l.Income) ? l with { Income = median } : l).ToList();
                var (train, validation, test) = filled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new LoanNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Median_income_of_the_training_loans_from_a_helper_used_to_fill_gaps_is_silent() => Expect(Program("""
        public static class FillGaps
        {
            private static float Median(IEnumerable<float> values)
            {
                float[] sorted = values.Where(v => !float.IsNaN(v)).OrderBy(v => v).ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2f;
            }

            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                var (train, validation, test) = loans.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float median = Median(train.Select(l => l.Income));
                List<Loan> Fill(IEnumerable<Loan> part) => part.Select(l => float.IsNaN(l.Income) ? l with { Income = median } : l).ToList();
                using var model = new LoanNet();
                model.Fit(Fill(train), Fill(validation));
                Console.WriteLine(model.Evaluate(Fill(test)).Accuracy);
            }
        }
        """));

    // Time series: a z-score over the whole sales history, then the time split (Kaufman et al., "Leakage in data
    // mining", and the many forecasting posts that scale before the chronological cut).
    [Fact]
    public Task Standardizer_over_the_whole_sales_history_before_the_time_split_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<StoreDay>("sales.csv").OrderBy(d => d.Date).ToList();
                var scaled = Standardizer.Fit({|#0:days|}).Apply(days);
                var (train, validation, test) = scaled.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
                using var model = new StoreNet();
                model.Fit(train, validation, new FitOptions { Epochs = 40 });
                Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F1}");
            }
        }
        """), "MLDSL0016");

    // Query syntax: the mean utilisation of every loan (a `let` in a query) fills gaps before the split.
    [Fact]
    public Task Mean_utilisation_of_every_loan_in_query_syntax_before_the_split_is_reported() => Expect(Program("""
        public static class QueryFill
        {
            public static void Main()
            {
                var loans = CsvFile.Read<Loan>("credit.csv");
                float meanUse = {|#0:(from l in loans where !float.IsNaN(l.Utilisation) select l.Utilisation).Average()|};
                var rows = (from l in loans
                            let use = float.IsNaN(l.Utilisation) ? meanUse : l.Utilisation
                            select l with { Utilisation = use }).ToList();
                var split = rows.Split();
                using var model = new LoanNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");
}
