namespace MlDsl.Analyzers.Tests;

/// <summary>Set E, the leaky half: one leak of a real source per case, marked where a reviewer points.</summary>
public sealed partial class FreshLeakageCasesE
{
    // L1.1 — no test set: the Titanic notebook that fits on train.csv and reports accuracy on train.csv.
    [Fact]
    public Task Titanic_accuracy_reported_on_the_rows_it_was_fitted_on_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            Console.WriteLine($"{passengers.Count} passengers, {passengers.Count(p => p.Survived == 1)} survived");
            foreach (var group in passengers.GroupBy(p => p.Pclass).OrderBy(g => g.Key))
                Console.WriteLine($"class {group.Key}: survival {group.Average(p => p.Survived):P0}");

            float medianFare = passengers.Select(p => p.Fare).OrderBy(f => f).ElementAt(passengers.Count / 2);
            var cleaned = passengers
                .Where(p => !float.IsNaN(p.Age))
                .Select(p => p with { Fare = float.IsNaN(p.Fare) ? medianFare : p.Fare })
                .ToList();

            var model = new TitanicNet();
            model.Fit(cleaned, null, new FitOptions { Epochs = 30, LearningRate = 1e-2 });
            var score = model.Evaluate({|#0:cleaned|});
            Console.WriteLine($"accuracy: {score.Accuracy:P2}");
        }
        """), "MLDSL0027");

    // L1.1 — validating on the training rows (Keras' validation_data=(X_train, y_train)).
    [Fact]
    public Task House_prices_validated_on_its_own_training_part_is_reported() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv")
                .Where(h => h.GrLivArea < 4000)              // the two outliers the kernels drop
                .Select(h => h with { LogPrice = MathF.Log(h.LogPrice + 1f) })
                .ToList();
            Console.WriteLine($"{houses.Count} houses after removing outliers");

            var split = houses.Split(new SplitOptions { Validation = 0.15, Test = 0.15, Seed = 0 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var test = scaler.Apply(split.Test);

            var net = new HouseNet();
            var report = net.Fit(train, {|#0:train|}, new FitOptions { Epochs = 200, EarlyStoppingPatience = 20 });
            Console.WriteLine(report);
            Console.WriteLine($"test MAE (log): {net.Evaluate(test).MeanAbsoluteError:F4}");
        }
        """), "MLDSL0020");

    // L1.1 — the only score taken is on the rows early stopping picked the epoch by.
    [Fact]
    public Task Fraud_score_taken_only_on_the_early_stopping_rows_is_reported() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            double fraudShare = transactions.Average(t => t.Fraud);
            Console.WriteLine($"fraud share: {fraudShare:P3}");

            var (train, validation, _) = transactions.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.2, Test = 0.2 });
            var scaler = MinMaxScaler.Fit(train);
            var scaledTrain = scaler.Apply(train);
            var scaledValidation = scaler.Apply(validation);

            var model = new FraudNet();
            model.Fit(scaledTrain, scaledValidation, new FitOptions { Epochs = 50, EarlyStoppingPatience = 5 });
            var result = model.Evaluate({|#0:scaledValidation|});
            Console.WriteLine($"final accuracy {result.Accuracy:P2}, loss {result.Loss:F4}");
        }
        """), "MLDSL0027");

    // L1.2 — Titanic: Age imputed by the mean of all passengers, then split.
    [Fact]
    public Task Titanic_age_filled_with_the_mean_of_every_passenger_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            int missing = passengers.Count(p => float.IsNaN(p.Age));
            Console.WriteLine($"Age missing for {missing} of {passengers.Count}");

            float meanAge = {|#0:passengers.Where(p => !float.IsNaN(p.Age)).Average(p => p.Age)|};
            var filled = passengers.Select(p => float.IsNaN(p.Age) ? p with { Age = meanAge } : p).ToList();

            var split = filled.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
            var model = new TitanicNet();
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // L1.2 — the library imputer, fitted on every row, then split (the "fit_transform(X)" before train_test_split).
    [Fact]
    public Task Median_imputer_fitted_on_all_passengers_then_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            var imputer = Imputer.Fit({|#0:passengers|}, ImputeStrategy.Median);
            Console.WriteLine("medians: " + string.Join(", ", imputer.Features.Zip(imputer.Statistics, (f, s) => $"{f}={s}")));
            var complete = imputer.Apply(passengers);

            var (train, validation, test) = complete.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var net = new TitanicNet();
            net.Fit(train, validation);
            var evaluation = net.Evaluate(test);
            Console.WriteLine($"accuracy {evaluation.Accuracy:P1} on {evaluation.Count} passengers");
        }
        """), "MLDSL0016");

    // L1.2 — House Prices: all_data = pd.concat((train, test)); scaling fitted on all_data.
    [Fact]
    public Task House_prices_scaled_on_train_and_test_concatenated_as_all_data_is_reported() => Expect(Script("""
        public static void Main()
        {
            var train = Kaggle.Houses("train.csv");
            var test = Kaggle.Houses("test_with_prices.csv");
            var allData = train.Concat(test).ToList();
            Console.WriteLine($"all_data: {allData.Count} rows");
            Console.WriteLine($"mean living area: {allData.Average(h => h.GrLivArea):F0}");

            var scaler = Standardizer.Fit({|#0:allData|});
            var scaledTrain = scaler.Apply(train);
            var scaledTest = scaler.Apply(test);

            var model = new HouseNet();
            model.Fit(scaledTrain, null, new FitOptions { Epochs = 100, LearningRate = 5e-4 });
            var holdout = model.Evaluate(scaledTest);
            Console.WriteLine($"RMSE-ish (MAE of log price): {holdout.MeanAbsoluteError:F4}");
        }
        """), "MLDSL0016");

    // L1.2 — one-hot/ordinal "encoding" via a max over every row: rescale YearBuilt by the newest house of all rows.
    [Fact]
    public Task Year_built_rescaled_by_the_newest_house_of_all_rows_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            float oldest = {|#1:houses.Min(h => h.YearBuilt)|};
            float newest = {|#0:houses.Max(h => h.YearBuilt)|};
            Console.WriteLine($"built between {oldest} and {newest}");

            var prepared = new List<HouseSale>();
            foreach (var house in houses)
                prepared.Add(house with { YearBuilt = (house.YearBuilt - oldest) / (newest - oldest) });

            var split = prepared.Split();
            var net = new HouseNet();
            net.Fit(split.Train, split.Validation);
            Console.WriteLine(net.Evaluate(split.Test).Score("test "));
        }
        """), "MLDSL0016", "MLDSL0016");

    // L1.2 — Titanic title target encoding with the library encoder fitted on every passenger.
    [Fact]
    public Task Title_target_encoder_fitted_on_every_passenger_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv")
                .Select(p => p with { Title = p.Title is "Mlle" or "Ms" ? "Miss" : p.Title == "Mme" ? "Mrs" : p.Title })
                .ToList();
            foreach (var title in passengers.GroupBy(p => p.Title))
                Console.WriteLine($"{title.Key,-8} {title.Count(),4}");

            var column = new CategoricalColumn<Passenger>("Title", p => p.Title, (p, rate) => p with { TitleRate = rate });
            var encoding = TargetEncoder.Fit({|#0:passengers|}, column, new TargetEncoderOptions());
            var encoded = encoding.Apply(passengers);

            var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new TitanicNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // L1.2 + in-sample target encoding by hand: survival rate per title over all passengers.
    [Fact]
    public Task Title_survival_rate_by_hand_over_all_passengers_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            var rateByTitle = {|#1:passengers|}
                .GroupBy(p => p.Title)
                .ToDictionary(g => g.Key, g => (float)g.Average(p => p.Survived));
            foreach (var (title, rate) in rateByTitle.OrderByDescending(kv => kv.Value))
                Console.WriteLine($"{title}: {rate:P0}");

            var withRate = passengers.Select(p => p with { {|#0:TitleRate = rateByTitle[p.Title]|} }).ToList();
            var split = withRate.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
            var model = new TitanicNet();
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 25 });
            Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0017", "MLDSL0016");

    // L1.3 — SelectKBest on the whole data set, then train_test_split.
    [Fact]
    public Task Fraud_features_selected_on_every_transaction_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var selector = SelectKBest.Fit({|#0:transactions|}, ScoreFunction.AnovaF, k: 2);
            for (int i = 0; i < selector.Features.Count; i++)
                Console.WriteLine($"{selector.Features[i]}: F={selector.Scores[i]:F1} p={selector.PValues[i]:G3}");
            Console.WriteLine("kept: " + string.Join(", ", selector.SelectedNames));

            var reduced = selector.Apply(transactions);
            var (train, validation, test) = reduced.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(train, validation, new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P3}");
        }
        """), "MLDSL0016");

    // scikit-learn pitfalls — feature selection before cross-validation (selection fitted on all training rows, then CV).
    [Fact]
    public Task Selection_fitted_once_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var split = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped, Test = 0.2 });

            var selector = SelectKBest.Fit({|#0:split.Train|}, ScoreFunction.MutualInformation, k: 2);
            var selected = selector.Apply(split.Train);
            var cv = CrossValidation.Run(selected,
                CrossValidation.TrainModel<WebSession, SessionNet>(() => new SessionNet(), new FitOptions { Epochs = 10 }),
                new FoldOptions { Kind = FoldKind.Grouped, Folds = 5 });
            Console.WriteLine($"CV accuracy with {string.Join("+", selector.SelectedNames)}: {cv}");
        }
        """), "MLDSL0016");

    // L1.4 — SMOTE on the whole credit-card set, then split: synthetic neighbours land in test.
    [Fact]
    public Task Smote_on_every_transaction_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            Console.WriteLine($"before: {transactions.Count(t => t.Fraud == 1)} frauds of {transactions.Count}");
            var balanced = {|#0:Oversampler.Smote(transactions, k: 5, seed: 7)|};
            Console.WriteLine($"after SMOTE: {balanced.Count(t => t.Fraud == 1)} frauds of {balanced.Length}");

            var split = balanced.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.25 });
            var scaler = Standardizer.Fit(split);
            var model = new FraudNet();
            model.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation));
            var test = model.Evaluate(scaler.Apply(split.Test));
            Console.WriteLine($"recall-friendly accuracy {test.Accuracy:P2}");
        }
        """), "MLDSL0026");

    // L1.4 — random oversampling by hand (copies of the minority rows), then cross-validated.
    [Fact]
    public Task Minority_rows_copied_by_hand_before_cross_validation_is_reported() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            var frauds = transactions.Where(t => t.Fraud == 1).ToList();
            int factor = (transactions.Count - frauds.Count) / Math.Max(1, frauds.Count);
            Console.WriteLine($"copying every fraud {factor} times");

            var upsampled = transactions.ToList();
            for (int copy = 0; copy < factor; copy++)
                {|#0:upsampled.AddRange(frauds)|};

            var scores = CrossValidation.Run(upsampled,
                CrossValidation.TrainModel<Transaction, FraudNet>(() => new FraudNet()),
                new FoldOptions { Kind = FoldKind.Stratified, Folds = 5, Shuffle = true });
            Console.WriteLine($"stratified 5-fold: {scores}");
        }
        """), "MLDSL0026");

    // L1.4 — noise augmentation ("jitter") of every transaction, then a stratified split: jittered twins on both sides.
    [Fact]
    public Task Transactions_jittered_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var transactions = Kaggle.CreditCard();
            Console.WriteLine($"{transactions.Count(t => t.Fraud == 1)} frauds: augmenting with gaussian-ish noise");
            var augmented = {|#0:Oversampler.Augment(transactions, (t, random) => t with
            {
                V1 = t.V1 + (float)(random.NextDouble() - 0.5) * 0.05f,
                V2 = t.V2 + (float)(random.NextDouble() - 0.5) * 0.05f,
            }, copies: 3, seed: 11)|};

            var split = augmented.Split(new SplitOptions { Kind = SplitKind.Stratified, Test = 0.2 });
            var net = new FraudNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 15 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0026");

    // L1.1 — after tuning, "retrain on train + validation" while still early-stopping on the validation rows.
    [Fact]
    public Task Refit_on_train_and_validation_while_validating_on_validation_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.Houses("train.csv").Split(new SplitOptions { Validation = 0.2, Test = 0.2 });
            var scaler = Standardizer.Fit(train);
            var scaledTrain = scaler.Apply(train);
            var scaledValidation = scaler.Apply(validation);

            var probe = new HouseNet();
            var report = probe.Fit(scaledTrain, scaledValidation, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
            Console.WriteLine(report);

            var everything = scaledTrain.Concat(scaledValidation).ToList();
            var final = new HouseNet();
            final.Fit(everything, {|#0:scaledValidation|}, new FitOptions { Epochs = 200, EarlyStoppingPatience = 10 });
            Console.WriteLine($"test MAE {final.Evaluate(scaler.Apply(test)).MeanAbsoluteError:F4}");
        }
        """), "MLDSL0020");

    // L1.2 — a synthetic benchmark (make_classification by hand), standardised before the split.
    [Fact]
    public Task Synthetic_rows_standardised_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var random = new Random(0);
            var rows = new List<Transaction>();
            for (int i = 0; i < 5000; i++)
            {
                int fraud = random.NextDouble() < 0.05 ? 1 : 0;
                float shift = fraud == 1 ? 1.5f : 0f;
                rows.Add(new Transaction
                {
                    Amount = (float)random.NextDouble() * 500f,
                    V1 = (float)random.NextDouble() + shift,
                    V2 = (float)random.NextDouble() - shift,
                    V3 = (float)random.NextDouble(),
                    Fraud = fraud,
                });
            }
            var scaler = Standardizer.Fit({|#0:rows|});
            var split = scaler.Apply(rows).Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"synthetic accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // L2 — a feature recorded after the outcome (chargeback filed because the transaction was fraud).
    [Fact]
    public Task Chargeback_flag_recorded_after_the_fraud_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record CardPayment
        {
            [Feature] public float Amount { get; init; }
            [Feature] public float MerchantRisk { get; init; }
            [Feature] public float HourOfDay { get; init; }
            [Feature, KnownAt(FeatureTiming.AfterLabel)] public float {|#0:ChargebackFiled|} { get; init; }
            [Label(Classes = 2)] public int Fraud { get; init; }
        }

        [Model(typeof(CardPayment))]
        public sealed partial class CardNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // L2 — hospital readmission: length of stay is known only at discharge, and a ratio computed from it.
    [Fact]
    public Task Readmission_feature_computed_from_discharge_data_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float PriorAdmissions { get; init; }
            [Feature] public float AgeYears { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float LengthOfStayDays { get; init; }
            [Ignore, KnownAt(FeatureTiming.WithLabel)] public float DischargeMedications { get; init; }
            [Feature] public float {|#0:MedicationsPerDay|} => DischargeMedications / Math.Max(1f, LengthOfStayDays);
            [Label(Classes = 2)] public int Readmitted30Days { get; init; }
        }

        [Model(typeof(Admission))]
        public sealed partial class AdmissionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0029");

    // L2 — a proxy of the outcome: the label is a threshold of a feature of the same record (diabetes by glucose).
    [Fact]
    public Task Diabetes_label_defined_by_a_glucose_threshold_of_the_feature_is_reported() => Expect(Program("""
        public sealed record ClinicExport(float Glucose, float Bmi, float Age, float Insulin);

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
                Console.WriteLine($"{export.Count} patients, insulin recorded for {export.Count(e => e.Insulin > 0)}");
                var rows = export
                    .Where(e => e.Bmi > 0)
                    .Select(e => new Screening { Glucose = e.Glucose, Bmi = e.Bmi, Age = e.Age, {|#0:Diabetic = e.Glucose >= 126f ? 1 : 0|} })
                    .ToList();
                var split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var model = new ScreeningNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P1}");
            }
        }
        """), "MLDSL0017");

    // L3.1 — random split of a daily sales series.
    [Fact]
    public Task Store_sales_split_at_random_is_reported() => Expect(Script("""
        public static void Main()
        {
            var days = Kaggle.StoreSales().OrderBy(d => d.Date).ToList();
            Console.WriteLine($"{days[0].Date:d} .. {days[^1].Date:d}, mean sales {days.Average(d => d.Sales):F1}");

            var withLags = days.Select((d, i) => i < 7 ? d : d with { Lag7 = days[i - 7].Sales }).Skip(7).ToList();
            var split = withLags.Split({|#0:new SplitOptions { Validation = 0.1, Test = 0.2, Seed = 2022 }|});
            var model = new SalesNet();
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 60 });
            Console.WriteLine($"test MAE {model.Evaluate(split.Test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0019");

    // L3.1 — a centred rolling mean of the target (pandas rolling(7, center=True)) as a feature.
    [Fact]
    public Task Centred_rolling_mean_of_sales_as_a_feature_is_reported() => Expect(Script("""
        public static void Main()
        {
            var days = Kaggle.StoreSales().OrderBy(d => d.Date).ToList();
            var featured = new List<StoreDay>();
            for (int i = 3; i < days.Count - 3; i++)
            {
                // Reported on the window that reaches the future (as the other window cases are), not on the assignment.
                float centred = {|#0:days.Skip(i - 3).Take(7)|}.Average(d => d.Sales);   // days i-3 .. i+3
                featured.Add(days[i] with { Rolling7 = centred, Lag7 = i >= 7 ? days[i - 7].Sales : 0f });
            }
            Console.WriteLine($"{featured.Count} days with a 7-day window");

            var (train, validation, test) = featured.Split(new SplitOptions { Kind = SplitKind.ByTime });
            var model = new SalesNet();
            model.Fit(train, validation);
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0017");

    // L3.1 — a "lag" written with the wrong sign: next week's sales as a feature.
[Fact]
    public Task Next_weeks_sales_used_as_lag_feature_is_reported() => Expect(Script("""
        public static void Main()
        {
            var days = Kaggle.StoreSales().OrderBy(d => d.Date).ToList();
            var rows = new List<StoreDay>();
            for (int i = 0; i + 7 < days.Count; i++)
                // Reported on the read of the later row's label (as the other lead and window cases are), not on the assignment.
                rows.Add(days[i] with { Lag7 = {|#0:days[i + 7].Sales|} });

            var split = rows.Split(new SplitOptions { Kind = SplitKind.ByTime, Test = 0.2 });
            var model = new SalesNet();
            model.Fit(split.Train, split.Validation, new FitOptions { Epochs = 80 });
            Console.WriteLine($"holdout MAE {model.Evaluate(split.Test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0017");

    // L3.1 — shuffled k-fold on a time series (TimeSeriesSplit forgotten).
    [Fact]
    public Task Store_sales_cross_validated_with_shuffled_kfold_is_reported() => Expect(Script("""
        public static void Main()
        {
            var days = Kaggle.StoreSales();
            var (train, _, test) = days.Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0, Test = 0.2 });
            var folds = new FoldOptions { Kind = FoldKind.KFold, Folds = 5, Shuffle = true };
            var cv = CrossValidation.Run(train, CrossValidation.TrainModel<StoreDay, SalesNet>(() => new SalesNet()), {|#0:folds|});
            Console.WriteLine($"CV (negated MAE): {cv}");

            var final = new SalesNet();
            final.Fit(train);
            Console.WriteLine($"test MAE {final.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0019");

    // L3.2 — several scans per patient, split stratified by label only.
    [Fact]
    public Task Xrays_split_stratified_ignoring_patients_is_reported() => Expect(Script("""
        public static void Main()
        {
            var xrays = Kaggle.Xrays();
            var perPatient = xrays.GroupBy(x => x.Patient).Select(g => g.Count()).ToList();
            Console.WriteLine($"scans per patient: min {perPatient.Min()}, max {perPatient.Max()}");

            var split = xrays.Split({|#0:new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2 }|});
            var normalizer = ChannelNormalizer.Fit(split);
            var cnn = new XrayNet();
            cnn.Fit(normalizer.Apply(split.Train), normalizer.Apply(split.Validation), new FitOptions { Epochs = 20 });
            Console.WriteLine($"test accuracy {cnn.Evaluate(normalizer.Apply(split.Test)).Accuracy:P1}");
        }
        """), "MLDSL0019");

    // L3.2 — hand-written folds over user sessions without groups.
    [Fact]
    public Task Session_folds_without_groups_are_reported() => Expect(Script("""
        public static void Main()
        {
            var sessions = Kaggle.Sessions();
            var (train, _, test) = sessions.Split(new SplitOptions { Kind = SplitKind.Grouped });
            var scores = new List<double>();
            foreach (var fold in {|#0:Folds.Of(train)|})
            {
                var foldTrain = fold.Train.Select(i => train[i]).ToList();
                var foldValidation = fold.Validation.Select(i => train[i]).ToList();
                var net = new SessionNet();
                net.Fit(foldTrain);
                scores.Add(net.Evaluate(foldValidation).Accuracy);
            }
            Console.WriteLine($"CV accuracy {scores.Average():P2} ± {Math.Sqrt(scores.Average(s => (s - scores.Average()) * (s - scores.Average()))):P2}");
        }
        """), "MLDSL0019");

    // L3.2 — the declarative pipeline: stratified split over patients' scans.
    [Fact]
    public Task Xray_pipeline_with_a_stratified_split_is_reported() => Expect(Program("""
        [Pipeline(typeof(XrayNet), ClassNames = new[] { "normal", "pneumonia" })]
        [{|#0:Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2, Seed = 5)|}]
        [Train(Epochs = 20, BatchSize = 32, EarlyStoppingPatience = 4)]
        public sealed partial class PneumoniaPipeline
        {
            [Ingest] private static IReadOnlyList<ChestXray> Load() => Kaggle.Xrays();
        }
        """), "MLDSL0019");

    // L3.2 — PassengerId left in as a feature (Titanic's first column).
    [Fact]
    public Task Passenger_id_kept_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record TitanicRow
        {
            [Feature] public int {|#0:PassengerId|} { get; init; }
            [Feature] public float Pclass { get; init; }
            [Feature] public float Age { get; init; }
            [Feature] public float SibSp { get; init; }
            [Label(Classes = 2)] public int Survived { get; init; }
        }

        [Model(typeof(TitanicRow))]
        public sealed partial class TitanicRowNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }
        """), "MLDSL0021");

    // L3.2 — an account number as a feature of fraud rows (it repeats across an account's transactions).
    [Fact]
    public Task Account_number_used_as_a_feature_is_reported() => Expect(Declarations("""
        [Dataset]
        public sealed partial record Transfer
        {
            [Feature, Column("account_no")] public long {|#0:AccountNo|} { get; init; }
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
        """), "MLDSL0021");

    // L3.3 — the test set itself chosen: reshuffle the split until the test accuracy looks good.
    [Fact]
    public Task Split_seed_chosen_by_test_accuracy_is_reported() => Expect(Script("""
        public static void Main()
        {
            var passengers = Kaggle.Titanic("train.csv");
            int bestSeed = -1;
            double bestAccuracy = 0;
            for (int seed = 0; seed < 20; seed++)
            {
                var split = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = seed });
                var model = new TitanicNet();
                model.Fit(split.Train, split.Validation);
                double accuracy = model.Evaluate({|#0:split.Test|}).Accuracy;
                if (accuracy > bestAccuracy) { bestAccuracy = accuracy; bestSeed = seed; }
            }
            Console.WriteLine($"seed {bestSeed}: {bestAccuracy:P2}");
        }
        """), "MLDSL0018");

    // credit-card fraud — the decision threshold tuned on the test set.
    [Fact]
    public Task Fraud_threshold_tuned_on_test_predictions_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.CreditCard().Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new FraudNet();
            model.Fit(train, validation, new FitOptions { Epochs = 30 });

            var probabilities = model.PredictProbabilities({|#0:test|});
            double bestF1 = 0, bestThreshold = 0.5;
            for (double threshold = 0.05; threshold < 0.96; threshold += 0.05)
            {
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < test.Count; i++)
                {
                    bool flagged = probabilities[i][1] >= threshold;
                    if (flagged && test[i].Fraud == 1) tp++;
                    else if (flagged) fp++;
                    else if (test[i].Fraud == 1) fn++;
                }
                double f1 = 2.0 * tp / Math.Max(1, 2 * tp + fp + fn);
                if (f1 > bestF1) { bestF1 = f1; bestThreshold = threshold; }
            }
            Console.WriteLine($"threshold {bestThreshold:F2} gives F1 {bestF1:F3}");
        }
        """), "MLDSL0018");

    // test rows as the early-stopping set (Keras' validation_data=(X_test, y_test)).
    [Fact]
    public Task Reviews_early_stopped_on_the_test_rows_is_reported() => Expect(Script("""
        public static void Main()
        {
            var reviews = Kaggle.Imdb();
            var split = reviews.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0, Test = 0.25 });
            var tokenizer = Tokenizer.Fit(split, r => r.Text, new TokenizerOptions { Length = 16, MaxTokens = 998 });
            List<Review> Encode(IEnumerable<Review> part) => part.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
            var train = Encode(split.Train);
            var test = Encode(split.Test);

            var model = new ReviewNet();
            model.Fit(train, {|#0:test|}, new FitOptions { Epochs = 30, EarlyStoppingPatience = 3 });
            Console.WriteLine($"test accuracy {model.Evaluate({|#1:test|}).Accuracy:P2}");
        }
        """), "MLDSL0018", "MLDSL0027");

    // blending competitions: three candidates scored on test, the best one kept (no loop).
    [Fact]
    public Task Best_of_three_learning_rates_kept_by_test_score_is_reported() => Expect(Script("""
        public static void Main()
        {
            var split = Kaggle.Houses("train.csv").Split(new SplitOptions { Test = 0.2 });
            var scaler = Standardizer.Fit(split);
            var train = scaler.Apply(split.Train);
            var validation = scaler.Apply(split.Validation);
            var test = scaler.Apply(split.Test);

            var slow = new HouseNet(); slow.Fit(train, validation, new FitOptions { LearningRate = 1e-4 });
            var medium = new HouseNet(); medium.Fit(train, validation, new FitOptions { LearningRate = 1e-3 });
            var fast = new HouseNet(); fast.Fit(train, validation, new FitOptions { LearningRate = 1e-2 });

            var scored = new[] { (name: "slow", model: slow), (name: "medium", model: medium), (name: "fast", model: fast) }
                .Select(c => (c.name, c.model, mae: c.model.Evaluate({|#0:test|}).MeanAbsoluteError))
                .OrderBy(c => c.mae)
                .ToList();
            Console.WriteLine($"submitting {scored[0].name} (MAE {scored[0].mae:F4})");
            scored[0].model.Save("submission.bin");
        }
        """), "MLDSL0018");

    // stacking — the base model's in-sample predictions as the meta model's feature.
    [Fact]
    public Task Stacking_with_base_predictions_on_its_own_training_rows_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, validation, test) = Kaggle.Titanic("train.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            var imputer = Imputer.Fit(train, ImputeStrategy.Median);
            var trainRows = imputer.Apply(train);
            var testRows = imputer.Apply(test);

            var level0 = new TitanicNet();
            level0.Fit(trainRows, null, new FitOptions { Epochs = 50 });

            var metaTrain = trainRows.Select(p => p with { TitleRate = {|#0:level0.PredictProbabilities(p)|}[1] }).ToList();
            var metaTest = testRows.Select(p => p with { TitleRate = level0.PredictProbabilities(p)[1] }).ToList();
            var level1 = new TitanicNet();
            level1.Fit(metaTrain, null, new FitOptions { Epochs = 20 });
            Console.WriteLine($"stacked accuracy {level1.Evaluate(metaTest).Accuracy:P2}");
        }
        """), "MLDSL0028");

    // stacking — a base regressor fitted on every house, its predictions written into every house, then split.
    [Fact]
    public Task Base_model_fitted_on_all_houses_then_stacked_and_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var houses = Kaggle.Houses("train.csv");
            var baseModel = new HouseNet();
            baseModel.Fit(houses, null, new FitOptions { Epochs = 100 });

            var blended = new List<HouseSale>();
            foreach (var house in houses)
                blended.Add(house with { OverallQual = {|#0:baseModel.Predict(house)|} });

            var split = blended.Split(new SplitOptions { Test = 0.2 });
            var meta = new HouseNet();
            meta.Fit(split.Train, split.Validation);
            Console.WriteLine($"blend MAE {meta.Evaluate(split.Test).MeanAbsoluteError:F4}");
        }
        """), "MLDSL0028");

    // NLP — the tokenizer's vocabulary learned from every review, then split.
    [Fact]
    public Task Tokenizer_fitted_on_every_review_before_the_split_is_reported() => Expect(Script("""
        public static void Main()
        {
            var reviews = Kaggle.Imdb();
            Console.WriteLine($"{reviews.Count} reviews, {reviews.Average(r => r.Text.Length):F0} characters on average");
            var tokenizer = Tokenizer.Fit({|#0:reviews|}, r => r.Text, new TokenizerOptions { Length = 16, MaxTokens = 998, MinCount = 2 });
            Console.WriteLine($"vocabulary: {tokenizer.Words.Count} words");

            var encoded = reviews.Select(r => r with { Tokens = tokenizer.Encode(r.Text) }).ToList();
            var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new ReviewNet();
            model.Fit(train, validation, new FitOptions { Epochs = 5 });
            Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // NLP — a vocabulary built by hand from all text (word counts over the whole corpus).
    [Fact]
    public Task Vocabulary_counted_by_hand_over_every_review_is_reported() => Expect(Script("""
        static int[] Encode(string text, Dictionary<string, int> vocabulary)
        {
            var ids = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => vocabulary.TryGetValue(w, out int id) ? id : 1)
                .Take(16).ToList();
            while (ids.Count < 16) ids.Add(0);
            return ids.ToArray();
        }

        public static void Main()
        {
            var reviews = Kaggle.Imdb();
            var vocabulary = {|#0:reviews|}
                .SelectMany(r => r.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(w => w)
                .OrderByDescending(g => g.Count())
                .Take(998)
                .Select((g, i) => (g.Key, Id: i + 2))
                .ToDictionary(p => p.Key, p => p.Id);

            var encoded = reviews.Select(r => r with { Tokens = Encode(r.Text, vocabulary) }).ToList();
            var split = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
            var model = new ReviewNet();
            model.Fit(split.Train, split.Validation);
            Console.WriteLine($"accuracy {model.Evaluate(split.Test).Accuracy:P2}");
        }
        """), "MLDSL0016");

    // sklearn pitfalls / tuning — a grid search over store days with plain k-fold.
    [Fact]
    public Task Grid_search_over_days_with_kfold_is_reported() => Expect(Script("""
        public static void Main()
        {
            var (train, _, test) = Kaggle.StoreSales().Split(new SplitOptions { Kind = SplitKind.ByTime, Validation = 0 });
            var grid = GridSearch.Grid(new[] { 1e-3, 3e-3 }, new[] { 32, 64 });
            var search = GridSearch.CrossValidate(train, grid,
                p => CrossValidation.TrainModel<StoreDay, SalesNet>(() => new SalesNet(), new FitOptions { LearningRate = p.Item1, BatchSize = p.Item2 }),
                {|#0:new FoldOptions { Folds = 4 }|});
            Console.WriteLine($"best {search.BestParameters}: {search.Best.Score}");

            var model = new SalesNet();
            model.Fit(train, null, new FitOptions { LearningRate = search.BestParameters.Item1, BatchSize = search.BestParameters.Item2 });
            Console.WriteLine($"test MAE {model.Evaluate(test).MeanAbsoluteError:F2}");
        }
        """), "MLDSL0019");
}
