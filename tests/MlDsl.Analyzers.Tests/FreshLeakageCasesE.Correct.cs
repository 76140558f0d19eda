namespace MlDsl.Analyzers.Tests;

/// <summary>Set E, the correct half: what a careful practitioner writes for the same tasks; every case must be silent.</summary>
public sealed partial class FreshLeakageCasesE
{
    // L1.1 fixed — a training score printed beside the test score (a diagnosis of overfitting).
    [Fact]
    public Task Titanic_training_and_test_accuracy_side_by_side_is_silent() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            Console.WriteLine($"{passengers.Count} passengers, {passengers.Count(p => p.Survived == 1)} survived");

            var split = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            var imputer = Imputer.Fit(split, ImputeStrategy.Median);
            var train = imputer.Apply(split.Train);
            var validation = imputer.Apply(split.Validation);
            var test = imputer.Apply(split.Test);

            var model = new TitanicNet();
            model.Fit(train, validation, new FitOptions { Epochs = 30, LearningRate = 1e-2 });
            var trainScore = model.Evaluate(train);
            var testScore = model.Evaluate(test);
            Console.WriteLine($"train {trainScore.Accuracy:P2} vs test {testScore.Accuracy:P2}");
            if (trainScore.Accuracy - testScore.Accuracy > 0.1) Console.WriteLine("overfitting: add dropout or weight decay");
        }
        """));

    // L1.2 fixed — Titanic: the mean age of the training passengers fills every part.
    [Fact]
    public Task Titanic_age_filled_with_the_training_mean_after_the_split_is_silent() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            Console.WriteLine($"Age missing for {passengers.Count(p => float.IsNaN(p.Age))} of {passengers.Count}");

            var (train, validation, test) = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            float meanAge = train.Where(p => !float.IsNaN(p.Age)).Average(p => p.Age);
            List<Passenger> Fill(IEnumerable<Passenger> part) =>
                part.Select(p => float.IsNaN(p.Age) ? p with { Age = meanAge } : p).ToList();

            var model = new TitanicNet();
            model.Fit(Fill(train), Fill(validation), new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {model.Evaluate(Fill(test)).Accuracy:P2}");
        }
        """));

    // L1.2 fixed — House Prices: the scaler learns from train.csv only; test.csv is transformed with it.
    [Fact]
    public Task House_prices_scaler_fitted_on_the_training_file_only_is_silent() => Expect(Script("""
        public static void Main()
        {
            var train = Kaggle.Houses("train.csv")
                .Where(h => h.GrLivArea < 4000)
                .Select(h => h with { LogPrice = MathF.Log(h.LogPrice + 1f) })   // log1p of the row's own price
                .ToList();
            var test = Kaggle.Houses("test_with_prices.csv")
                .Select(h => h with { LogPrice = MathF.Log(h.LogPrice + 1f) })
                .ToList();
            Console.WriteLine($"train {train.Count}, test {test.Count}, skew fixed with log1p");

            var parts = train.Split(new SplitOptions { Validation = 0.15, Test = 0 });
            var scaler = Standardizer.Fit(parts.Train);
            var model = new HouseNet();
            model.Fit(scaler.Apply(parts.Train), scaler.Apply(parts.Validation), new FitOptions { Epochs = 100, EarlyStoppingPatience = 10 });
            var holdout = model.Evaluate(scaler.Apply(test));
            Console.WriteLine($"MAE of log price on test.csv: {holdout.MeanAbsoluteError:F4}");
        }
        """));

    // L1.2 fixed — YearBuilt rescaled by the training range.
    [Fact]
    public Task Year_built_rescaled_by_the_training_range_is_silent() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            var split = houses.Split();
            float oldest = split.Train.Min(h => h.YearBuilt);
            float newest = split.Train.Max(h => h.YearBuilt);
            Console.WriteLine($"training houses built between {oldest} and {newest}");

            HouseSale Rescale(HouseSale house) => house with { YearBuilt = (house.YearBuilt - oldest) / (newest - oldest) };
            var train = split.Train.Select(Rescale).ToList();
            var validation = split.Validation.Select(Rescale).ToList();
            var test = split.Test.Select(Rescale).ToList();

            var net = new HouseNet();
            net.Fit(train, validation);
            Console.WriteLine(net.Evaluate(test).Score("test "));
        }
        """));

    // L1.2 fixed — title target encoding, out-of-fold on the training passengers, then applied to the test passengers.
    [Fact]
    public Task Title_target_encoding_out_of_fold_on_the_training_rows_is_silent() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv")
                .Select(p => p with { Title = p.Title is "Mlle" or "Ms" ? "Miss" : p.Title == "Mme" ? "Mrs" : p.Title })
                .ToList();
            var split = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified });

            var column = new CategoricalColumn<Passenger>("Title", p => p.Title, (p, rate) => p with { TitleRate = rate });
            var encoded = TargetEncoder.FitApply(split.Train, column, new TargetEncoderOptions());
            foreach (var (title, rate) in encoded.Encoder.Encodings)
                Console.WriteLine($"{title,-8} {rate:F3}");
            var validation = encoded.Encoder.Apply(split.Validation);
            var test = encoded.Encoder.Apply(split.Test);

            var model = new TitanicNet();
            model.Fit(encoded.Train, validation);
            Console.WriteLine($"accuracy {model.Evaluate(test).Accuracy:P2}");
        }
        """));

    // L1.3 fixed — SelectKBest on the training transactions, the same columns kept everywhere.
    [Fact]
    public Task Fraud_features_selected_on_the_training_rows_is_silent() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var (train, validation, test) = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var selector = SelectKBest.Fit(train, ScoreFunction.AnovaF, k: 2);
            Console.WriteLine("kept: " + string.Join(", ", selector.SelectedNames));

            var model = new FraudNet();
            model.Fit(selector.Apply(train), selector.Apply(validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {model.Evaluate(selector.Apply(test)).Accuracy:P3}");
        }
        """));

    // sklearn pitfalls fixed — the selection refitted inside every fold (the Pipeline inside cross_val_score).
    [Fact]
    public Task Selection_refitted_inside_each_fold_is_silent() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            var cv = CrossValidation.Run(split.Train,
                CrossValidation.TrainModel<WebSession, SessionNet>(() => new SessionNet(), new FitOptions { Epochs = 10 }),
                new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 },
                foldTrain =>
                {
                    var selector = SelectKBest.Fit(foldTrain, ScoreFunction.MutualInformation, k: 2);
                    return rows => selector.Apply(rows);
                });
            Console.WriteLine($"CV accuracy: {cv.Mean:P2} ± {cv.StandardDeviation:P2}");
        }
        """));

    // L1.4 fixed — SMOTE on the training part only, after the stratified split.
    [Fact]
    public Task Smote_on_the_training_transactions_only_is_silent() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var split = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.25 });
            var scaler = Standardizer.Fit(split);
            var balancedTrain = Oversampler.Smote(scaler.Apply(split.Train), k: 5, seed: 7);
            Console.WriteLine($"training frauds after SMOTE: {balancedTrain.Count(t => t.Fraud == 1)} of {balancedTrain.Length}");

            var model = new FraudNet();
            model.Fit(balancedTrain, scaler.Apply(split.Validation));
            var test = model.Evaluate(scaler.Apply(split.Test));
            Console.WriteLine($"accuracy on the untouched test rows {test.Accuracy:P2}");
        }
        """));

    // L1.4 fixed — minority copies made from the training rows of each fold only.
    [Fact]
    public Task Minority_copies_made_inside_each_training_fold_is_silent() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var (train, _, test) = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            var scores = new List<double>();
            foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true }))
            {
                var foldTrain = fold.Train.Select(i => train[i]).ToList();
                var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                var upsampled = Oversampler.Random(foldTrain, seed: fold.Index);
                var net = new FraudNet();
                net.Fit(upsampled);
                scores.Add(net.Evaluate(foldValidation).Accuracy);
            }
            Console.WriteLine($"5-fold accuracy {scores.Average():P2}");
        }
        """));

    // L1.4 fixed — flips of the training scans only, after the split by patient.
    [Fact]
    public Task Xrays_augmented_after_the_grouped_split_is_silent() => Expect(Script("""
        static ChestXray Flip(ChestXray x, Random random)
        {
            var pixels = new float[64];
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 8; c++)
                    pixels[r * 8 + c] = x.Pixels[r * 8 + (7 - c)];
            return x with { Pixels = pixels };
        }

        public static void Main()
        {
            var xrays = Kaggle.Xrays();
            var split = xrays.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            var augmentedTrain = Oversampler.Augment(split.Train, Flip, copies: 2, seed: 11);
            Console.WriteLine($"{split.Train.Count} training scans, {augmentedTrain.Length} after flips");

            var cnn = new XrayNet();
            cnn.Fit(augmentedTrain, split.Validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {cnn.Evaluate(split.Test).Accuracy:P1}");
        }
        """));

    // L2 fixed — the chargeback is kept as metadata, declared late, never an input.
    [Fact]
    public Task Chargeback_kept_as_ignored_metadata_is_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record CardPayment
        {
            [Feature] public float Amount { get; init; }
            [Feature, KnownAt(FeatureTiming.BeforeLabel)] public float MerchantRisk { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Ignore, KnownAt(FeatureTiming.AfterLabel)] public float ChargebackFiled { get; init; }
            [Ignore] public float ChargebackShare => ChargebackFiled / Math.Max(1f, Amount);
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(CardPayment))]
        public sealed partial class CardNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // L2 fixed — the label is the recorded diagnosis, and glucose stays a feature.
    [Fact]
    public Task Diabetes_label_from_the_recorded_diagnosis_is_silent() => Expect(Program("""
        public sealed record ClinicExport(float Glucose, float Bmi, float Age, string Diagnosis);

        [Dataset]
        public sealed partial record Screening
        {
            [Feature] public float Glucose { get; init; }
            [Feature] public float Bmi { get; init; }
            [Feature] public float Age { get; init; }
            [Label(Classes = 2)] public int Diabetic { get; init; }
        }

        [Model(typeof(Screening))]
        public sealed partial class ScreeningNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Notebook
        {
            public static void Run(IReadOnlyList<ClinicExport> export)
            {
                var rows = export
                    .Where(e => e.Bmi > 0)
                    .Select(e => new Screening { Glucose = e.Glucose, Bmi = e.Bmi, Age = e.Age, Diabetic = e.Diagnosis == "T2D" ? 1 : 0 })
                    .ToList();
                Console.WriteLine($"{rows.Count(r => r.Diabetic == 1)} diagnosed of {rows.Count}");
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var model = new ScreeningNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """));

    // L3.1 fixed — split by time; a lag-7 of the target and a trailing 7-day mean ending yesterday.
    [Fact]
    public Task Store_sales_with_lags_and_trailing_window_split_by_time_is_silent() => Expect(Script("""
        public static void Main()
        {
            var days = Kaggle.StoreSales().OrderBy(d => d.Date).ToList();
            var featured = new List<StoreDay>();
            for (int i = 7; i < days.Count; i++)
            {
                float trailing = days.Skip(i - 7).Take(7).Average(d => d.Sales);   // days i-7 .. i-1
                featured.Add(days[i] with { Lag7 = days[i - 7].Sales, Rolling7 = trailing });
            }
            Console.WriteLine($"{featured.Count} days, {featured[0].Date:d} .. {featured[^1].Date:d}");

            var split = featured.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0.1, Test = 0.2 });
            var model = new SalesNet();
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 60 });
            Console.WriteLine($"test MAE {model.Evaluate(split.Test).MeanAbsoluteError:F2}");
        }
        """));

    // L3.1 fixed — grid search with time-series folds, the chosen setting evaluated once on the latest days.
    [Fact]
    public Task Grid_search_with_time_series_folds_then_one_test_score_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, _, test) = Kaggle.StoreSales().Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
            var grid = GridSearch.Grid(new[] { 1e-3, 3e-3 }, new[] { 32, 64 });
            var search = GridSearch.CrossValidate(train, grid,
                p => CrossValidation.TrainModel<StoreDay, SalesNet>(() => new SalesNet(), new FitOptions { LearningRate = p.Item1, BatchSize = p.Item2 }),
                new FoldOptions { Kind = FoldKind.TimeSeries, Folds = 4, Gap = 7 });
            foreach (var candidate in search.Candidates)
                Console.WriteLine($"{candidate.Parameters}: {candidate.Score}");

            var model = new SalesNet();
            model.Fit(train, null, new FitOptions { LearningRate = search.BestParameters.Item1, BatchSize = search.BestParameters.Item2 });
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """));

    // L3.2 fixed — X-rays split by patient, normalizer fitted on the training scans.
    [Fact]
    public Task Xrays_split_by_patient_is_silent() => Expect(Script("""
        public static void Main()
        {
            var xrays = Kaggle.Xrays();
            var perPatient = xrays.GroupBy(x => x.Patient).Select(g => g.Count()).ToList();
            Console.WriteLine($"scans per patient: min {perPatient.Min()}, max {perPatient.Max()}");

            var split = xrays.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 });
            var normalizer = ChannelNormalizer.Fit(split);
            var cnn = new XrayNet();
            cnn.Fit(normalizer.Apply(split.Train), normalizer.Apply(split.Validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {cnn.Evaluate(normalizer.Apply(split.Test)).Accuracy:P1}");
        }
        """));

    // L3.2 fixed — hand-written grouped folds over user sessions, scores averaged.
    [Fact]
    public Task Session_folds_grouped_by_user_and_averaged_is_silent() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var (train, _, test) = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped });
            var scores = new List<double>();
            foreach (var fold in Folds.Of(train, new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 }))
            {
                var foldTrain = fold.Train.Select(i => train[i]).ToList();
                var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                var scaler = Standardizer.Fit(foldTrain);
                var net = new SessionNet();
                net.Fit(scaler.Apply(foldTrain));
                scores.Add(net.Evaluate(scaler.Apply(foldValidation)).Accuracy);
            }
            Console.WriteLine($"grouped CV accuracy {scores.Average():P2} over {scores.Count} folds");
        }
        """));

    // L3.2 fixed — the pipeline splits by patient.
    [Fact]
    public Task Xray_pipeline_with_a_grouped_split_is_silent() => Expect(Program("""
        [Pipeline(typeof(XrayNet), ClassNames = new[] { "normal", "pneumonia" })]
        [Split(Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2, Seed = 5)]
        [Train(Epochs = 20, BatchSize = 32, EarlyStoppingPatience = 4, Oversample = OversampleKind.Random)]
        public sealed partial class PneumoniaPipeline
        {
            [Ingest] private static IReadOnlyList<ChestXray> Load() => Kaggle.Xrays();
        }
        """));

    // L3.2 fixed — PassengerId ignored; counts and a body-mass index whose names look like identifiers.
    [Fact]
    public Task Passenger_id_ignored_and_look_alike_names_are_silent() => Expect(Declarations("""
        [Dataset]
        public sealed partial record TitanicRow
        {
            [Ignore] public int PassengerId { get; init; }
            [Feature] public float Pclass { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public int NumberOfSiblings { get; init; }
            [Feature] public float BodyMassIndex { get; init; }
            [Feature] public int CabinDeckCode { get; init; }
            [Label(Classes = 2)] public int Survived { get; init; }
        }

        [Model(typeof(TitanicRow))]
        public sealed partial class TitanicRowNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """));

    // L3.2 fixed — the account is the group key, and the split keeps each account on one side.
    [Fact]
    public Task Account_number_as_group_key_with_a_grouped_split_is_silent() => Expect(Program("""
        [Dataset]
        public sealed partial record Transfer
        {
            [GroupKey, Column("account_no")] public long AccountNo { get; init; }
            [Feature] public float Amount { get; init; }
            [Feature] public float NumberOfTransfersToday { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(Transfer))]
        public sealed partial class TransferNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Notebook
        {
            public static void Run(IReadOnlyList<Transfer> transfers)
            {
                var split = transfers.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
                var net = new TransferNet();
                net.Fit(split.Train, split.Validation);
                Console.WriteLine($"accuracy on unseen accounts {net.Evaluate(split.Test).Accuracy:P2}");
            }
        }
        """));

    // L3.3 fixed — repeated holdout: several seeds, every test score averaged, none chosen.
    [Fact]
    public Task Repeated_cross_validation_averaged_over_seeds_is_silent() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            var (train, _, test) = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0 });
            var means = new List<double>();
            for (int seed = 0; seed < 5; seed++)
            {
                var cv = CrossValidation.Run(train,
                    CrossValidation.TrainModel<Passenger, TitanicNet>(() => new TitanicNet()),
                    new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true, Seed = seed },
                    foldTrain => { var imputer = Imputer.Fit(foldTrain, ImputeStrategy.Median); return rows => imputer.Apply(rows); });
                means.Add(cv.Mean);
                Console.WriteLine($"seed {seed}: {cv}");
            }
            Console.WriteLine($"repeated 5x5 CV accuracy {means.Average():P2}");
        }
        """));

    // threshold fixed — chosen on the validation predictions, the test set scored once with it.
    [Fact]
    public Task Fraud_threshold_tuned_on_validation_then_applied_to_test_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(train, validation, new FitOptions { Epochs = 30 });

            double F1At(IReadOnlyList<Transaction> rows, float[][] probabilities, double threshold)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold;
                    if (flagged && rows[i].Fraud == 1) tp++;
                    else if (flagged) fp++;
                    else if (rows[i].Fraud == 1) fn++;
                }
                return 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
            }

            var validationProbabilities = model.PredictProbabilities(validation);
            double threshold = Enumerable.Range(1, 19).Select(k => k * 0.05)
                .MaxBy(t => F1At(validation, validationProbabilities, t));
            double testF1 = F1At(test, model.PredictProbabilities(test), threshold);
            Console.WriteLine($"threshold {threshold:F2}: test F1 {testF1:F3}");
        }
        """));

    // NLP fixed — tokenizer fitted on the training reviews, early stopping on validation, test once.
    [Fact]
    public Task Tokenizer_fitted_on_the_training_reviews_is_silent() => Expect(Script("""
        public static void Main()
        {
            var reviews = Kaggle.Imdb();
            Console.WriteLine($"{reviews.Count} reviews, {reviews.Average(r => r.Positive):P0} positive");
            var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.25 });
            var tokenizer = Tokenizer.Fit(split.Train, r => r.Text, new TokenizerOptions { Length = 16, MaxTokens = 998, MinCount = 2 });
            Console.WriteLine($"vocabulary: {tokenizer.Words.Count} words");
            List<Review> Encode(IEnumerable<Review> part) => part.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();

            var model = new ReviewNet();
            model.Fit(Encode(split.Train), Encode(split.Validation), new FitOptions { Epochs = 30, EarlyStoppingPatience = 3 });
            Console.WriteLine($"test accuracy {model.Evaluate(Encode(split.Test)).Accuracy:P2}");
        }
        """));

    // blending fixed — candidates compared on validation, the winner scored once on test.
    [Fact]
    public Task Best_learning_rate_kept_by_validation_score_then_one_test_score_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Houses("train.csv").Split(new SplitOptions { Test = 0.2 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var validation = scaler.Apply(split.Validation);
            var test = scaler.Apply(split.Test);

            HouseNet best = null!;
            double bestMae = double.MaxValue;
            foreach (double rate in new[] { 1e-4, 1e-3, 1e-2 })
            {
                var candidate = new HouseNet();
                candidate.Fit(train, validation, new FitOptions { LearningRate = rate });
                double mae = candidate.Evaluate(validation).MeanAbsoluteError;
                Console.WriteLine($"lr {rate}: validation MAE {mae:F4}");
                if (mae < bestMae) { bestMae = mae; best = candidate; }
            }
            Console.WriteLine($"test MAE of the chosen model {best.Evaluate(test).MeanAbsoluteError:F4}");
        }
        """));

    // stacking fixed — base model fitted on the training part, the meta model learns from its predictions on validation rows.
    [Fact]
    public Task Stacking_on_held_out_predictions_is_silent() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.Titanic("train.csv").Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.3 });
            var imputer = Imputer.Fit(train, ImputeStrategy.Median);
            var level0 = new TitanicNet();
            level0.Fit(imputer.Apply(train), null, new FitOptions { Epochs = 50 });

            var blendRows = imputer.Apply(validation).Select(p => p with { TitleRate = level0.PredictProbabilities(p)[1] }).ToList();
            var testRows = imputer.Apply(test).Select(p => p with { TitleRate = level0.PredictProbabilities(p)[1] }).ToList();
            var level1 = new TitanicNet();
            level1.Fit(blendRows, null, new FitOptions { Epochs = 20 });
            Console.WriteLine($"blended accuracy {level1.Evaluate(testRows).Accuracy:P2}");
        }
        """));

    // a fit for a printout only (EDA), then the real preprocessing on the training part.
    [Fact]
    public Task Scaler_fitted_on_all_rows_only_to_print_the_statistics_is_silent() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var overview = Standardizer.Fit(transactions);
            Console.WriteLine("EDA, every transaction: " + overview);
            var imputerPreview = Imputer.Fit(transactions, ImputeStrategy.Median);
            Console.WriteLine("medians: " + string.Join(", ", imputerPreview.Statistics));

            var split = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var scaler = Standardizer.Fit(split);
            var model = new FraudNet();
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            var evaluation = model.Evaluate(scaler.Apply(split.Test));
            Console.WriteLine($"test accuracy {evaluation.Accuracy:P2}; ship it: {evaluation.Accuracy > 0.99}");
        }
        """));

    // refit on every labelled row to ship, after the test score was taken once.
    [Fact]
    public Task Refit_on_all_rows_to_ship_after_the_test_score_is_silent() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            var split = houses.Split(new SplitOptions { Test = 0.2 });
            var scaler = Standardizer.Fit(split);
            var model = new HouseNet();
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 150 });
            double testMae = model.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError;
            Console.WriteLine($"test MAE {testMae:F4}");
            if (testMae > 0.2) return;

            var finalScaler = Standardizer.Fit(houses);
            var final = new HouseNet();
            final.Fit(finalScaler.Apply(houses), null, new FitOptions { Epochs = 150 });
            final.Save("house-net.bin");
            finalScaler.Save("house-scaler.json");
        }
        """));

    // per-image normalisation by the scan's own maximum (not a statistic of other rows).
    [Fact]
    public Task Each_scan_normalised_by_its_own_maximum_before_the_grouped_split_is_silent() => Expect(Script("""
        public static void Main()
        {
            var xrays = Kaggle.Xrays()
                .Select(x => { float max = Math.Max(1e-6f, x.Pixels.Max()); return x with { Pixels = x.Pixels.Select(v => v / max).ToArray() }; })
                .ToList();
            var split = xrays.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.1, Test = 0.2 });
            var cnn = new XrayNet();
            cnn.Fit(split.Train, split.Validation, new FitOptions { Epochs = 10 });
            var score = cnn.Evaluate(split.Test);
            Console.WriteLine($"accuracy on unseen patients {score.Accuracy:P1} ({score.Count} scans)");
        }
        """));

    // per-user feature statistic (no label) before a grouped split — stays on one side with its group.
    [Fact]
    public Task Per_user_mean_clicks_before_a_grouped_split_is_silent() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var meanClicks = sessions.GroupBy(s => s.User).ToDictionary(g => g.Key, g => g.Average(s => s.Clicks));
            var relative = sessions.Select(s => s with { Clicks = s.Clicks - meanClicks[s.User] }).ToList();

            var split = relative.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            var net = new SessionNet();
            net.Fit(split.Train, split.Validation);
            Console.WriteLine($"accuracy on new users {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """));

    // look-alike — flips of every X-ray before a split by patient: each flip keeps its patient, so the grouped split keeps it
    // on its original's side (no copy crosses the split).
    [Fact]
    public Task Xrays_augmented_before_a_grouped_split_is_silent() => Expect(Script("""
        static ChestXray Flip(ChestXray x, Random random)
        {
            var pixels = new float[64];
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 8; c++)
                    pixels[r * 8 + c] = x.Pixels[r * 8 + (7 - c)];
            return x with { Pixels = pixels };
        }

        public static void Main()
        {
            var xrays = Kaggle.Xrays();
            Console.WriteLine($"{xrays.Count} scans of {xrays.Select(x => x.Patient).Distinct().Count()} patients");
            var augmented = Oversampler.Augment(xrays, Flip, copies: 2, seed: 11);

            var split = augmented.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });
            var cnn = new XrayNet();
            cnn.Fit(split.Train, split.Validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {cnn.Evaluate(split.Test).Accuracy:P1}");
        }
        """));
}
