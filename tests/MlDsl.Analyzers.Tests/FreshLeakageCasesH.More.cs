namespace MlDsl.Analyzers.Tests;

/// <summary>
/// Set H, a second round over the kinds in other program shapes (query syntax, pipelines, loops over epochs, blending
/// loops, hand-written shuffles), and look-alikes that must stay silent.
/// </summary>
public sealed partial class FreshLeakageCasesH
{
    // Kind: entangled, time (a "lag" written with the wrong sign reads next week's sales). Source: pandas
    // df['sales'].shift(-7) instead of shift(7) — Stack Overflow "my time-series model is too good, shift(-n)?" and
    // Kaggle store-sales discussions.
    private const string LagWithWrongSign = """
        public static void Main()
        {
            var raw = CsvFile.Read<StoreDay>("store-sales.csv").OrderBy(d => d.Day).ToList();
            var days = new List<StoreDay>();
            for (int i = 7; i < raw.Count - 7; i++)
            {
                days.Add(raw[i] with { Lag7 = {|#0:raw[i + 7].Sales|}, Rolling7 = raw.Skip(i - 7).Take(7).Average(d => d.Sales) });
            }

            var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
            using var net = new SalesNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test MAE {net.Evaluate(split.Test).MeanAbsoluteError:F1}");
        }
        """;

    [Fact]
    public Task Lag_that_reads_the_sales_seven_days_ahead_is_reported() => Expect(Script(LagWithWrongSign), "MLDSL0017");

    [Fact]
    public Task Lag_that_reads_the_sales_seven_days_before_is_silent() => Expect(Script(Fix(LagWithWrongSign,
        "{|#0:raw[i + 7].Sales|}", "raw[i - 7].Sales")));

    // Kind: statistics, declarative (an [Ingest] method that imputes from every passenger). Source: Titanic kernels
    // whose loading function fills Age with the median of the whole file before any split.
    private const string TitanicIngestImputes = """
        [Pipeline(typeof(TitanicNet), ClassNames = new[] { "died", "survived" })]
        [Split(Kind = SplitKind.Stratified, Validation = 0.1, Test = 0.2)]
        [Train(Epochs = 40)]
        public sealed partial class TitanicPipeline
        {
            [Ingest]
            private static IReadOnlyList<Passenger> Load()
            {
                var passengers = CsvFile.Read<Passenger>("titanic.csv");
                var imputer = Imputer.Fit({|#0:passengers|}, ImputeStrategy.Median);
                return imputer.Apply(passengers);
            }
        }
        """;

    [Fact]
    public Task Titanic_ingest_that_imputes_from_every_passenger_is_reported() => Expect(Program(TitanicIngestImputes), "MLDSL0016");

    [Fact]
    public Task Titanic_pipeline_that_imputes_in_its_transform_stage_is_silent() => Expect(Program(Fix(TitanicIngestImputes, """
                var passengers = CsvFile.Read<Passenger>("titanic.csv");
                var imputer = Imputer.Fit({|#0:passengers|}, ImputeStrategy.Median);
                return imputer.Apply(passengers);
        """, """
                return CsvFile.Read<Passenger>("titanic.csv");
        """).Replace("[Train(Epochs = 40)]", "[Transform(TransformKind.Standardize, Impute = ImputeStrategy.Median)]\n[Train(Epochs = 40)]")));

    // Kind: group leakage by hand (clips shuffled and cut, speakers on both sides). Source: speech-emotion GitHub
    // repositories that np.random.shuffle the clip list and slice 80/20 (speaker-dependent results of ~90%).
    private const string ClipsShuffledAndCut = """
        public static void Main()
        {
            var clips = CsvFile.Read<Clip>("tess-mfcc.csv");
            var random = new Random(0);
            List<Clip> shuffled = {|#0:clips.OrderBy(_ => random.Next())|}.ToList();
            int cut = shuffled.Count * 8 / 10;
            List<Clip> train = shuffled.Take(cut).ToList(), test = shuffled.Skip(cut).ToList();
            using var net = new ClipNet();
            net.Fit(train, options: new FitOptions { Epochs = 50 });
            Console.WriteLine($"emotion accuracy {net.Evaluate(test).Accuracy:P1}");
        }
        """;

    [Fact]
    public Task Clips_shuffled_and_cut_is_reported() => Expect(Script(ClipsShuffledAndCut), "MLDSL0019");

    [Fact]
    public Task Speakers_shuffled_and_their_clips_cut_is_silent() => Expect(Script(Fix(ClipsShuffledAndCut, """
            List<Clip> shuffled = {|#0:clips.OrderBy(_ => random.Next())|}.ToList();
            int cut = shuffled.Count * 8 / 10;
            List<Clip> train = shuffled.Take(cut).ToList(), test = shuffled.Skip(cut).ToList();
        """, """
            var speakers = clips.Select(c => c.Speaker).Distinct().OrderBy(_ => random.Next()).ToList();
            var trainSpeakers = speakers.Take(speakers.Count * 8 / 10).ToHashSet();
            List<Clip> train = clips.Where(c => trainSpeakers.Contains(c.Speaker)).ToList();
            List<Clip> test = clips.Where(c => !trainSpeakers.Contains(c.Speaker)).ToList();
        """)));

    // Kind: same rows (a dictionary of parts, the training entry pasted twice). Source: PyTorch notebooks with
    // dataloaders = {'train': ..., 'val': ...} and a copy-paste slip that validates on dataloaders['train'].
    private const string DictionaryTrainTwice = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<Scan>("pneumonia.csv").Split(new SplitOptions { Kind = SplitKind.Grouped });
            var loaders = new Dictionary<string, IReadOnlyList<Scan>> { ["train"] = train, ["val"] = validation, ["test"] = test };
            using var net = new ScanNet();
            net.Fit(loaders["train"], {|#0:loaders["train"]|}, new FitOptions { Epochs = 25, EarlyStoppingPatience = 4 });
            Console.WriteLine($"test accuracy {net.Evaluate(loaders["test"]).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Training_entry_of_a_dictionary_passed_as_validation_is_reported() => Expect(Script(DictionaryTrainTwice), "MLDSL0020");

    [Fact]
    public Task Validation_entry_of_a_dictionary_passed_as_validation_is_silent() => Expect(Script(Fix(DictionaryTrainTwice,
        """{|#0:loaders["train"]|}""", """loaders["val"]""")));

    // Kind: in-sample stacking (a blending loop over the training houses). Source: "blending" sections of House Prices
    // kernels that write the base model's prediction for each training row into the row for the meta-model.
    private const string BlendingLoop = """
        public static void Main()
        {
            var split = CsvFile.Read<House>("houses.csv").Split(new SplitOptions { Seed = 21 });
            using var baseModel = new HouseNet(seed: 1);
            baseModel.Fit(split.Train, options: new FitOptions { Epochs = 60 });
            var blended = new List<House>();
            for (int i = 0; i < split.Train.Count; i++)
            {
                House house = split.Train[i];
                blended.Add(house with { NeighborhoodPrice = {|#0:baseModel.Predict(house)|} });
            }

            using var meta = new HouseNet(seed: 2);
            meta.Fit(blended, options: new FitOptions { Epochs = 60 });
            var testBlended = split.Test.Select(h => h with { NeighborhoodPrice = baseModel.Predict(h) }).ToList();
            Console.WriteLine($"blended test MAE {meta.Evaluate(testBlended).MeanAbsoluteError:F0}");
        }
        """;

    [Fact]
    public Task Blending_loop_over_the_base_model_training_houses_is_reported() => Expect(Script(BlendingLoop), "MLDSL0028");

    [Fact]
    public Task Blending_loop_over_the_validation_houses_is_silent() => Expect(Script(Fix(BlendingLoop, """
            for (int i = 0; i < split.Train.Count; i++)
            {
                House house = split.Train[i];
                blended.Add(house with { NeighborhoodPrice = {|#0:baseModel.Predict(house)|} });
            }
        """, """
            for (int i = 0; i < split.Validation.Count; i++)
            {
                House house = split.Validation[i];
                blended.Add(house with { NeighborhoodPrice = baseModel.Predict(house) });
            }
        """)));

    // Kind: feature timing (length of stay, known only at discharge, predicting in-hospital death). Source: MIMIC
    // mortality-prediction papers criticised for using length of stay and discharge-time variables.
    private const string LengthOfStay = """
        [Dataset]
        public sealed partial record Admission
        {
            [Feature] public float Age { get; init; }
            [Feature] public float HeartRate { get; init; }
            [Feature, KnownAt(FeatureTiming.WithLabel)] public float {|#0:LengthOfStay|} { get; init; }
            [Label(Classes = 2)] public int DiedInHospital { get; init; }
        }

        [Model(typeof(Admission))]
        public sealed partial class AdmissionNet
        {
            [Linear(8), Relu] Layer hidden;
            [Linear(2)] Layer output;
        }

        public static class Mortality
        {
            public static async Task Main()
            {
                var admissions = await Task.Run(() => CsvFile.Read<Admission>("mimic-admissions.csv"));
                var (train, validation, test) = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var net = new AdmissionNet();
                net.Fit(train, validation);
                Console.WriteLine($"test accuracy {net.Evaluate(test).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Length_of_stay_known_with_the_outcome_as_a_feature_is_reported() => Expect(Program(LengthOfStay), "MLDSL0029");

    [Fact]
    public Task Length_of_stay_kept_as_ignored_metadata_is_silent() => Expect(Program(Fix(LengthOfStay,
        "[Feature, KnownAt(FeatureTiming.WithLabel)] public float {|#0:LengthOfStay|} { get; init; }",
        "[Ignore, KnownAt(FeatureTiming.WithLabel)] public float LengthOfStay { get; init; }")));

    // Kind: test steering (early stopping by hand on test accuracy, one epoch at a time). Source: PyTorch tutorials whose
    // loop evaluates the "test_loader" after every epoch and keeps the weights of the best test epoch.
    private const string ManualEarlyStopOnTest = """
        public static void Main()
        {
            var (train, validation, test) = CsvFile.Read<MovieReview>("imdb-encoded.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            using var net = new ImdbNet();
            double best = 0;
            for (int epoch = 1; epoch <= 30; epoch++)
            {
                net.Fit(train, options: new FitOptions { Epochs = 1, Seed = epoch });
                double accuracy = net.Evaluate({|#0:test|}).Accuracy;
                Console.WriteLine($"epoch {epoch}: {accuracy:P2}");
                if (accuracy <= best)
                {
                    break;
                }

                best = accuracy;
                net.Save("best.mldsl");
            }
        }
        """;

    [Fact]
    public Task Epoch_loop_that_stops_when_test_accuracy_drops_is_reported() => Expect(Script(ManualEarlyStopOnTest), "MLDSL0018");

    [Fact]
    public Task Epoch_loop_that_stops_when_validation_accuracy_drops_is_silent() => Expect(Script(Fix(ManualEarlyStopOnTest,
        "double accuracy = net.Evaluate({|#0:test|}).Accuracy;", "double accuracy = net.Evaluate(validation).Accuracy;")));

    // Kind: statistics (the Age gap filled with the mean of every passenger, in query syntax). Source: the Titanic
    // classic df['Age'].fillna(df['Age'].mean()) run on train+test before splitting.
    private const string QueryMeanAge = """
        public static void Main()
        {
            var passengers = CsvFile.Read<Passenger>("titanic.csv");
            float meanAge = {|#0:(from p in passengers where p.Age > 0 select p.Age)|}.Average();
            var filled = (from p in passengers select p.Age > 0 ? p : p with { Age = meanAge }).ToList();
            var split = filled.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
            using var net = new TitanicNet();
            net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 40 });
            Console.WriteLine($"test accuracy {net.Evaluate(split.Test).Accuracy:P2}");
        }
        """;

    [Fact]
    public Task Mean_age_of_every_passenger_in_query_syntax_is_reported() => Expect(Script(QueryMeanAge), "MLDSL0016");

    [Fact]
    public Task Mean_age_of_the_training_passengers_in_query_syntax_is_silent() => Expect(Script(Fix(QueryMeanAge, """
            float meanAge = {|#0:(from p in passengers where p.Age > 0 select p.Age)|}.Average();
            var filled = (from p in passengers select p.Age > 0 ? p : p with { Age = meanAge }).ToList();
            var split = filled.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
        """, """
            var raw = passengers.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 4 });
            float meanAge = (from p in raw.Train where p.Age > 0 select p.Age).Average();
            var split = raw with
            {
                Train = (from p in raw.Train select p.Age > 0 ? p : p with { Age = meanAge }).ToList(),
                Validation = (from p in raw.Validation select p.Age > 0 ? p : p with { Age = meanAge }).ToList(),
                Test = (from p in raw.Test select p.Age > 0 ? p : p with { Age = meanAge }).ToList(),
            };
        """)));

    // Look-alike (precision): the test accuracy of five seeds reported as mean ± deviation chooses nothing. Source:
    // the reporting practice recommended by Bouthillier et al. 2021 ("Accounting for variance in ML benchmarks").
    [Fact]
    public Task Test_accuracy_of_several_seeds_averaged_for_the_report_is_silent() => Expect(Script("""
        public static void Main()
        {
            var split = CsvFile.Read<Subscriber>("telco.csv").Split(new SplitOptions { Kind = SplitKind.Stratified });
            var accuracies = new List<double>();
            foreach (int seed in Enumerable.Range(1, 5))
            {
                using var net = new ChurnNet(seed: seed);
                net.Fit(split.Train, split.Validation, new FitOptions { Epochs = 20, Seed = seed });
                accuracies.Add(net.Evaluate(split.Test).Accuracy);
            }

            double mean = accuracies.Average();
            double deviation = Math.Sqrt(accuracies.Average(a => (a - mean) * (a - mean)));
            Console.WriteLine($"test accuracy {mean:P2} ± {deviation:P2} over {accuracies.Count} seeds");
        }
        """));

    // Look-alike (precision): a scaler fitted on every house only to print the feature ranges reaches no model.
    [Fact]
    public Task Scaler_fitted_on_every_house_only_to_print_ranges_is_silent() => Expect(Script("""
        public static void Main()
        {
            var houses = CsvFile.Read<House>("houses.csv");
            var overview = MinMaxScaler.Fit(houses);
            Console.WriteLine($"ranges: {overview}");
            var split = houses.Split(new SplitOptions { Seed = 5 });
            var scaler = MinMaxScaler.Fit(split);
            using var net = new HouseNet();
            net.Fit(scaler.Apply(split.Train), scaler.Apply(split.Validation), new FitOptions { Epochs = 30 });
            Console.WriteLine($"test MAE {net.Evaluate(scaler.Apply(split.Test)).MeanAbsoluteError:F0}");
        }
        """));
}
