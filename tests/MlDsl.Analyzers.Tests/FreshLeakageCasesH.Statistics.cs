namespace MlDsl.Analyzers.Tests;

/// <summary>Set H, kind "statistics learned from rows that later reach validation or test" (MLDSL0016).</summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: statistics (a selector fitted on every row). Source: scikit-learn "Common pitfalls", §Data leakage — SelectKBest
    // fitted on the full data set before train_test_split gives 0.76 accuracy on pure noise; in the pipeline, 0.5.
    private const string SelectorOnAllRows = """
        public static void Main()
        {
            IReadOnlyList<Transaction> all = CsvFile.Read<Transaction>("noise.csv");
            Console.WriteLine($"{all.Count} rows, fraud share {all.Average(t => t.Fraud):P2}");
            var selector = SelectKBest.Fit({|#0:all|}, ScoreFunction.AnovaF, k: 2);
            Transaction[] reduced = selector.Apply(all);
            Console.WriteLine($"kept {string.Join(", ", selector.SelectedNames)}");
            var (train, validation, test) = reduced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 42 });
            using var model = new FraudNet();
            model.Fit(train, validation, new FitOptions { Epochs = 20, Verbose = 0 });
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Selector_fitted_on_every_row_before_the_split_is_reported() => Expect(Script(SelectorOnAllRows), "MLDSL0016");

    [Fact]
    public Task Selector_fitted_on_the_training_part_is_silent() => Expect(Script(Fix(SelectorOnAllRows, """
            var selector = SelectKBest.Fit({|#0:all|}, ScoreFunction.AnovaF, k: 2);
            Transaction[] reduced = selector.Apply(all);
            Console.WriteLine($"kept {string.Join(", ", selector.SelectedNames)}");
            var (train, validation, test) = reduced.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 42 });
        """, """
            var (rawTrain, rawValidation, rawTest) = all.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 42 });
            var selector = SelectKBest.Fit(rawTrain, ScoreFunction.AnovaF, k: 2);
            Console.WriteLine($"kept {string.Join(", ", selector.SelectedNames)}");
            Transaction[] train = selector.Apply(rawTrain), validation = selector.Apply(rawValidation), test = selector.Apply(rawTest);
        """)));

    // Kind: statistics (a hand-written maximum over every row rescales a feature). Source: House Prices kernels that
    // divide GrLivArea and LotArea by their maxima over train+test ("all_data") before splitting back.
    private const string MaximumRescaling = """
        public static void Main()
        {
            List<House> houses = CsvFile.Read<House>("house-prices.csv").Where(h => h.GrLivArea < 4000).ToList();
            float largestLot = {|#0:houses|}.Max(h => h.LotArea);
            float largestLiving = {|#1:houses|}.Max(h => h.GrLivArea);
            var rescaled = houses
                .Select(h => h with { LotArea = h.LotArea / largestLot, GrLivArea = h.GrLivArea / largestLiving })
                .ToList();
            var split = rescaled.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 1 });
            using var net = new HouseNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
            Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Largest_lot_over_every_house_rescales_before_the_split_is_reported() => Expect(Script(MaximumRescaling), "MLDSL0016", "MLDSL0016");

    [Fact]
    public Task Largest_lot_over_the_training_houses_is_silent() => Expect(Script(Fix(MaximumRescaling, """
            float largestLot = {|#0:houses|}.Max(h => h.LotArea);
            float largestLiving = {|#1:houses|}.Max(h => h.GrLivArea);
            var rescaled = houses
                .Select(h => h with { LotArea = h.LotArea / largestLot, GrLivArea = h.GrLivArea / largestLiving })
                .ToList();
            var split = rescaled.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 1 });
        """, """
            var raw = houses.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 1 });
            float largestLot = raw.Train.Max(h => h.LotArea);
            float largestLiving = raw.Train.Max(h => h.GrLivArea);
            List<House> Rescale(IReadOnlyList<House> part) =>
                part.Select(h => h with { LotArea = h.LotArea / largestLot, GrLivArea = h.GrLivArea / largestLiving }).ToList();
            var split = new DataSplit<House>(Rescale(raw.Train), Rescale(raw.Validation), Rescale(raw.Test), raw.Options);
        """)));

    // Kind: statistics (an imputer fitted on train+test combined, in a helper class). Source: the Titanic kernels that
    // concatenate train.csv and test.csv ("full_data") and fill Age with the median of both.
    private const string CombinedImputer = """
        public static class FeatureEngineering
        {
            public static IReadOnlyList<Passenger> FillAges(IReadOnlyList<Passenger> passengers)
            {
                var imputer = Imputer.Fit(passengers, ImputeStrategy.Median);
                return imputer.Apply(passengers);
            }

            public static IReadOnlyList<Passenger> AddFamily(IReadOnlyList<Passenger> passengers) =>
                passengers.Select(p => p with { FamilySize = p.FamilySize + 1 }).ToList();
        }

        public static class TitanicKernel
        {
            public static void Main()
            {
                var train = CsvFile.Read<Passenger>("train.csv");
                var holdout = CsvFile.Read<Passenger>("holdout-labelled.csv");
                var full = train.Concat(holdout).ToList();
                var prepared = FeatureEngineering.AddFamily({|#0:FeatureEngineering.FillAges(full)|});
                var fitRows = prepared.Take(train.Count).ToList();
                var scoreRows = prepared.Skip(train.Count).ToList();
                var (fitPart, watchPart, _) = fitRows.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0 });
                using var net = new TitanicNet();
                net.Fit(fitPart, watchPart, new FitOptions { Epochs = 40 });
                Console.WriteLine($"holdout accuracy {net.Evaluate(scoreRows).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Ages_filled_from_the_median_of_train_and_holdout_together_is_reported() => Expect(Program(CombinedImputer), "MLDSL0016");

    [Fact]
    public Task Ages_filled_from_the_training_file_only_is_silent() => Expect(Program(Fix(CombinedImputer, """
                var full = train.Concat(holdout).ToList();
                var prepared = FeatureEngineering.AddFamily({|#0:FeatureEngineering.FillAges(full)|});
                var fitRows = prepared.Take(train.Count).ToList();
                var scoreRows = prepared.Skip(train.Count).ToList();
        """, """
                var imputer = Imputer.Fit(train, ImputeStrategy.Median);
                var fitRows = FeatureEngineering.AddFamily(imputer.Apply(train));
                var scoreRows = FeatureEngineering.AddFamily(imputer.Apply(holdout));
        """)));

    // Kind: statistics (a vocabulary counted over every review, in a local function). Source: IMDB notebooks that call
    // Keras' Tokenizer.fit_on_texts on all 50,000 reviews and only then split them (Stack Overflow "tokenizer before
    // train_test_split, is this leakage?").
    private const string VocabularyOnAllReviews = """
        public static void Main()
        {
            List<MovieReview> reviews = CsvFile.Read<MovieReview>("imdb.csv").ToList();

            Dictionary<string, int> CountWords(IEnumerable<MovieReview> texts) =>
                texts.SelectMany(r => r.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .GroupBy(w => w)
                    .OrderByDescending(g => g.Count())
                    .Take(999)
                    .Select((g, i) => (Word: g.Key, Id: i + 1))
                    .ToDictionary(p => p.Word, p => p.Id);

            int[] Encode(string text, Dictionary<string, int> words) =>
                text.ToLowerInvariant().Split(' ').Select(w => words.TryGetValue(w, out int id) ? id : 0).Concat(new int[32]).Take(32).ToArray();

            var vocabulary = {|#0:CountWords(reviews)|};
            var encoded = reviews.Select(r => r with { Tokens = Encode(r.Text, vocabulary) }).ToList();
            var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.5 });
            using var net = new ImdbNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 5 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Vocabulary_counted_over_every_review_before_the_split_is_reported() => Expect(Script(VocabularyOnAllReviews), "MLDSL0016");

    [Fact]
    public Task Vocabulary_counted_over_the_training_reviews_is_silent() => Expect(Script(Fix(VocabularyOnAllReviews, """
            var vocabulary = {|#0:CountWords(reviews)|};
            var encoded = reviews.Select(r => r with { Tokens = Encode(r.Text, vocabulary) }).ToList();
            var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.5 });
        """, """
            var raw = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.5 });
            var vocabulary = CountWords(raw.Train);
            List<MovieReview> EncodeAll(IReadOnlyList<MovieReview> part) => part.Select(r => r with { Tokens = Encode(r.Text, vocabulary) }).ToList();
            var split = (Train: EncodeAll(raw.Train), Validation: EncodeAll(raw.Validation), Test: EncodeAll(raw.Test));
        """)));

    // Kind: statistics (a scaler fitted inside an async loader, split by the caller). Source: the credit-card fraud
    // kernels that run StandardScaler on 'Amount' over the whole file in the loading cell, then train_test_split.
    private const string AsyncScaledLoader = """
        public static class FraudData
        {
            public static async Task<IReadOnlyList<Transaction>> LoadScaledAsync(string path)
            {
                string[] lines = await File.ReadAllLinesAsync(path);
                Console.WriteLine($"{lines.Length - 1} transactions in {path}");
                IReadOnlyList<Transaction> rows = CsvFile.Read<Transaction>(path);
                var scaler = Standardizer.Fit(rows);
                return scaler.Apply(rows);
            }
        }

        public static class FraudKernel
        {
            public static async Task Main()
            {
                IReadOnlyList<Transaction> rows = await {|#0:FraudData.LoadScaledAsync("creditcard.csv")|};
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                using var net = new FraudNet();
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10, ClassWeights = new[] { 1f, 50f } });
                Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P3}");
            }
        }
        """;

    [Fact]
    public Task Async_loader_that_standardises_every_transaction_is_reported() => Expect(Program(AsyncScaledLoader), "MLDSL0016");

    [Fact]
    public Task Async_loader_that_only_reads_and_a_scaler_fitted_on_the_split_is_silent() => Expect(Program(Fix(AsyncScaledLoader.Replace("""
                var scaler = Standardizer.Fit(rows);
                return scaler.Apply(rows);
        """, """
                return rows;
        """), """
                IReadOnlyList<Transaction> rows = await {|#0:FraudData.LoadScaledAsync("creditcard.csv")|};
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
        """, """
                IReadOnlyList<Transaction> rows = await FraudData.LoadScaledAsync("creditcard.csv");
                var raw = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 7 });
                var scaler = Standardizer.Fit(raw);
                var split = raw with { Train = scaler.Apply(raw.Train), Validation = scaler.Apply(raw.Validation), Test = scaler.Apply(raw.Test) };
        """)));

    // Kind: statistics (target encoding fitted on every house). Source: House Prices kernels that mean-encode
    // Neighborhood by SalePrice over the whole training file and then cross-validate (Micci-Barreca's warning; the
    // category_encoders docs' "fit on training data only").
    private const string TargetEncodingOnAllRows = """
        public static void Main()
        {
            var houses = CsvFile.Read<House>("houses.csv");
            var neighborhood = new CategoricalColumn<House>("Neighborhood", h => h.Neighborhood, (h, v) => h with { NeighborhoodPrice = v });
            var encoded = TargetEncoder.FitApply({|#0:houses|}, neighborhood);
            var split = encoded.Train.Split(new SplitOptions { Seed = 3 });
            using var net = new HouseNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 30 });
            Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Target_encoding_fitted_on_every_house_before_the_split_is_reported() => Expect(Script(TargetEncodingOnAllRows), "MLDSL0016");

    [Fact]
    public Task Target_encoding_fitted_on_the_training_houses_is_silent() => Expect(Script(Fix(TargetEncodingOnAllRows, """
            var encoded = TargetEncoder.FitApply({|#0:houses|}, neighborhood);
            var split = encoded.Train.Split(new SplitOptions { Seed = 3 });
        """, """
            var raw = houses.Split(new SplitOptions { Seed = 3 });
            var encoded = TargetEncoder.FitApply(raw.Train, neighborhood);
            var split = raw with { Train = encoded.Train, Validation = encoded.Encoder.Apply(raw.Validation), Test = encoded.Encoder.Apply(raw.Test) };
        """)));

    // Kind: statistics (a scaler fitted on the training and test parts of a dictionary of parts). Source: Cross Validated
    // "Should I fit the scaler on train+test to use all the information?" — the accepted answer's counter-example.
    private const string DictionaryOfParts = """
        public static void Main()
        {
            var split = CsvFile.Read<Subscriber>("telco.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            var parts = new Dictionary<string, IReadOnlyList<Subscriber>>
            {
                ["train"] = split.Train,
                ["valid"] = split.Validation,
                ["test"] = split.Test,
            };
            var scaler = MinMaxScaler.Fit({|#0:parts["train"].Concat(parts["test"]).ToList()|});
            var scaled = parts.ToDictionary(p => p.Key, p => (IReadOnlyList<Subscriber>)scaler.Apply(p.Value));
            using var net = new ChurnNet();
            net.Fit(scaled["train"], scaled["valid"], new FitOptions { Epochs = 25 });
            Console.WriteLine($"test accuracy {net.Evaluate(scaled["test"]).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Scaler_fitted_on_the_train_and_test_entries_of_a_dictionary_is_reported() => Expect(Script(DictionaryOfParts), "MLDSL0016");

    [Fact]
    public Task Scaler_fitted_on_the_train_entry_of_a_dictionary_is_silent() => Expect(Script(Fix(DictionaryOfParts,
        """{|#0:parts["train"].Concat(parts["test"]).ToList()|}""", """parts["train"]""")));

    // Kind: statistics (a seasonal profile of the label over every day). Source: store-sales notebooks that compute the
    // mean sales per weekday over the whole history and use it as a feature before the time-based holdout.
    private const string WeekdayProfileOnAllDays = """
        public static void Main()
        {
            var days = CsvFile.Read<StoreDay>("store-sales.csv").OrderBy(d => d.Day).ToList();
            var weekdayMean = {|#0:days|}.GroupBy(d => d.Day.DayOfWeek).ToDictionary(g => g.Key, g => g.Average(d => d.Promo));
            var withProfile = new List<StoreDay>();
            foreach (StoreDay day in days)
            {
                withProfile.Add(day with { Rolling7 = weekdayMean[day.Day.DayOfWeek] });
            }

            var split = withProfile.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
            using var net = new SalesNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F1}");
        }
        """;

    [Fact]
    public Task Weekday_profile_over_every_day_before_the_time_split_is_reported() => Expect(Script(WeekdayProfileOnAllDays), "MLDSL0016");

    [Fact]
    public Task Weekday_profile_over_the_training_days_is_silent() => Expect(Script(Fix(WeekdayProfileOnAllDays, """
            var weekdayMean = {|#0:days|}.GroupBy(d => d.Day.DayOfWeek).ToDictionary(g => g.Key, g => g.Average(d => d.Promo));
            var withProfile = new List<StoreDay>();
            foreach (StoreDay day in days)
            {
                withProfile.Add(day with { Rolling7 = weekdayMean[day.Day.DayOfWeek] });
            }

            var split = withProfile.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
        """, """
            var raw = days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
            var weekdayMean = raw.Train.GroupBy(d => d.Day.DayOfWeek).ToDictionary(g => g.Key, g => g.Average(d => d.Promo));
            float Profile(StoreDay day) => weekdayMean.TryGetValue(day.Day.DayOfWeek, out float mean) ? mean : 0f;
            var split = raw with
            {
                Train = raw.Train.Select(d => d with { Rolling7 = Profile(d) }).ToList(),
                Validation = raw.Validation.Select(d => d with { Rolling7 = Profile(d) }).ToList(),
                Test = raw.Test.Select(d => d with { Rolling7 = Profile(d) }).ToList(),
            };
        """)));
}
