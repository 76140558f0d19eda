namespace MlDsl.Analyzers.Tests;

/// <summary>Set L, kind 1: statistics learned from rows that later reach validation or test, and fits that stay harmless.</summary>
public sealed partial class FreshLeakageCasesL
{
    // scikit-learn "Common pitfalls and recommended practices", data leakage during pre-processing: a hand-written
    // z-score class (the notebook's own StandardScaler) fitted on every admission before the split.
    [Fact]
    public Task Hand_written_lab_scaler_class_fitted_on_every_admission_is_reported() => Expect(Program("""
        public sealed class LabScaler
        {
            private float mean, deviation = 1f;

            public void Fit(IReadOnlyList<Admission> rows)
            {
                mean = rows.Average(a => a.Lactate);
                deviation = MathF.Sqrt(rows.Average(a => (a.Lactate - mean) * (a.Lactate - mean)));
            }

            public Admission Transform(Admission a) => a with { Lactate = (a.Lactate - mean) / deviation };
        }

        public static class SepsisNotebook
        {
            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var scaler = new LabScaler();
                {|#0:scaler.Fit(admissions)|};
                var scaled = admissions.Select(scaler.Transform).ToList();
                var (train, validation, test) = scaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new AdmissionNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Kaggle "Home Credit Default Risk" kernels: impute missing incomes with the median of the whole table in a cleaning
    // helper that hands back a tuple (rows, imputer), then train_test_split.
    [Fact]
    public Task Median_imputer_fitted_in_a_cleaning_helper_returning_a_tuple_is_reported() => Expect(Program("""
        public static class CreditNotebook
        {
            static (Applicant[] Rows, Imputer Imputer) Clean(IReadOnlyList<Applicant> rows)
            {
                var imputer = Imputer.Fit(rows, ImputeStrategy.Median);
                return (imputer.Apply(rows), imputer);
            }

            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var (clean, imputer) = {|#0:Clean(applicants)|};
                imputer.Save("imputer.json");
                var split = clean.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                using var model = new ApplicantNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Rossmann / M5 forecasting notebooks clip outliers at the 99th percentile of the whole history before the time split;
    // the capped days come out of an iterator local function.
    [Fact]
    public Task Temperature_capped_at_the_percentile_of_all_days_through_an_iterator_is_reported() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                float cap = {|#0:days.Select(d => d.Temperature).OrderBy(t => t).ElementAt(days.Count * 99 / 100)|};
                IEnumerable<ShopDay> Capped()
                {
                    foreach (var d in days)
                        yield return d with { Temperature = Math.Min(d.Temperature, cap) };
                }
                var split = Capped().ToList().Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """), "MLDSL0016");

    // Stack Exchange (Data Science) "Should the tokenizer be fitted on the whole corpus?": a word index filled by nested
    // loops over every ticket, then the encoded tickets are split.
    [Fact]
    public Task Word_index_filled_by_nested_loops_over_every_ticket_is_reported() => Expect(Program("""
        public static class Triage
        {
            static int[] Encode(string text, Dictionary<string, int> index) =>
                text.ToLowerInvariant().Split(' ').Select(w => index.TryGetValue(w, out int id) ? id : 1)
                    .Concat(Enumerable.Repeat(0, 24)).Take(24).ToArray();

            public static void Main()
            {
                var tickets = CsvFile.Read<Ticket>("tickets.csv");
                var index = new Dictionary<string, int>();
                foreach (var ticket in {|#0:tickets|})
                    foreach (var word in ticket.Text.ToLowerInvariant().Split(' '))
                        if (!index.ContainsKey(word) && index.Count < 1998)
                            index[word] = index.Count + 2;
                var encoded = tickets.Select(t => t with { Tokens = Encode(t.Text, index) }).ToList();
                var (train, validation, test) = encoded.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new TicketNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // PyTorch forum "compute mean and std of my dataset" answers that loop over the whole image folder: the per-channel
    // normaliser is fitted inside a lambda kept in a Func, called on every x-ray before the split.
    [Fact]
    public Task Channel_normaliser_fitted_in_a_func_on_every_xray_is_reported() => Expect(Program("""
        public static class ChestXrays
        {
            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv");
                Func<IReadOnlyList<Xray>, Xray[]> normalise = rows => ChannelNormalizer.Fit(rows).Apply(rows);
                var prepared = {|#0:normalise(xrays)|};
                var split = prepared.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new XrayNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Hastie, Tibshirani & Friedman, ESL section 7.10.2 "the wrong way to do cross-validation": features screened on all
    // rows first. Here a picker class selects the MFCC bands in its constructor from every utterance.
    [Fact]
    public Task Mfcc_bands_selected_in_a_constructor_from_every_utterance_is_reported() => Expect(Program("""
        public sealed class BandPicker
        {
            private readonly SelectKBest selector;

            public BandPicker(IReadOnlyList<Utterance> rows) => selector = SelectKBest.Fit(rows, ScoreFunction.AnovaF, 12);

            public Utterance[] Keep(IReadOnlyList<Utterance> rows) => selector.Apply(rows);
        }

        public static class SpokenDigits
        {
            public static void Main()
            {
                var utterances = CsvFile.Read<Utterance>("digits.csv");
                var picker = {|#0:new BandPicker(utterances)|};
                var kept = picker.Keep(utterances);
                var split = kept.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new UtteranceNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Look-alike (scikit-learn pitfalls, the right way): the scaler learns from the training part only and is applied
    // to every part through a dictionary of parts.
    [Fact]
    public Task Scaler_fitted_on_training_admissions_applied_through_a_dictionary_of_parts_is_silent() => Expect(Program("""
        public static class SepsisNotebook
        {
            public static void Main()
            {
                var admissions = CsvFile.Read<Admission>("admissions.csv");
                var split = admissions.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scaler = Standardizer.Fit(split.Train);
                var parts = new Dictionary<string, IReadOnlyList<Admission>>
                {
                    ["train"] = split.Train,
                    ["validation"] = split.Validation,
                    ["test"] = split.Test,
                };
                var scaled = parts.ToDictionary(p => p.Key, p => scaler.Apply(p.Value));
                using var model = new AdmissionNet();
                model.Fit(scaled["train"], scaled["validation"]);
                Console.WriteLine(model.Evaluate(scaled["test"]).Accuracy);
            }
        }
        """));

    // Look-alike (fast.ai / Kaggle radiology kernels: per-image contrast stretch): each x-ray is divided by its own
    // brightest pixel, a value of that image alone, before the split.
    [Fact]
    public Task Each_xray_divided_by_its_own_brightest_pixel_is_silent() => Expect(Program("""
        public static class ChestXrays
        {
            static Xray Stretch(Xray x)
            {
                float brightest = Math.Max(x.Pixels.Max(), 1e-6f);
                return x with { Pixels = x.Pixels.Select(p => p / brightest).ToArray() };
            }

            public static void Main()
            {
                var xrays = CsvFile.Read<Xray>("xrays.csv").Select(Stretch).ToList();
                var split = xrays.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new XrayNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (exploratory data analysis in the same credit kernels): an imputer fitted on every application only to
    // print the medians it would fill; the model's own imputer learns from the training part.
    [Fact]
    public Task Imputer_fitted_on_every_application_only_to_print_its_medians_is_silent() => Expect(Program("""
        public static class CreditNotebook
        {
            public static void Main()
            {
                var applicants = CsvFile.Read<Applicant>("applications.csv");
                var overview = Imputer.Fit(applicants, ImputeStrategy.Median);
                for (int i = 0; i < overview.Features.Count; i++)
                    Console.WriteLine($"{overview.Features[i],-12} median {overview.Statistics[i]:F2}");

                var split = applicants.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 11 });
                var imputer = Imputer.Fit(split, ImputeStrategy.Median);
                using var model = new ApplicantNet();
                model.Fit(imputer.Apply(split.Train), imputer.Apply(split.Validation));
                Console.WriteLine(model.Evaluate(imputer.Apply(split.Test)).Accuracy);
            }
        }
        """));

    // Look-alike (librosa tutorials: RMS energy per clip): the energy is a value of the clip's own samples, computed per
    // clip while building rows, before a split by speaker.
    [Fact]
    public Task Energy_from_each_clips_own_samples_is_silent() => Expect(Program("""
        public static class SpokenDigits
        {
            static IEnumerable<Clip> Clips(string folder)
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.txt"))
                {
                    var f = File.ReadAllText(file).Split('|');
                    yield return new Clip(int.Parse(f[0]), f[1].Split(' ').Select(float.Parse).ToArray(),
                        f[2].Split(' ').Select(float.Parse).ToArray(), int.Parse(f[3]));
                }
            }

            public static void Main()
            {
                var utterances = Clips("clips").Select(c => new Utterance
                {
                    Speaker = c.Speaker,
                    Mfcc = c.Mfcc,
                    Energy = MathF.Sqrt(c.Samples.Average(s => s * s)),
                    Digit = c.Digit,
                }).ToList();
                var split = utterances.Split(new SplitOptions { Kind = SplitKind.Grouped });
                using var model = new UtteranceNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """));

    // Look-alike (a sales dashboard cell before the model cells): every day min-max scaled only to write a chart file;
    // the model reads the raw days.
    [Fact]
    public Task Days_scaled_only_for_a_chart_file_is_silent() => Expect(Program("""
        public static class Forecast
        {
            public static void Main()
            {
                var days = CsvFile.Read<ShopDay>("shop.csv");
                var forChart = MinMaxScaler.Fit(days).Apply(days);
                File.WriteAllLines("chart.csv", forChart.Select(d => $"{d.Date:yyyy-MM-dd},{d.Temperature},{d.Promo}"));

                var split = days.Split(new SplitOptions { Kind = SplitKind.ByTime });
                using var model = new ShopNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).MeanAbsoluteError);
            }
        }
        """));
}
