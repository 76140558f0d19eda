namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, statistics kept in dictionaries and small Fit/Transform classes (MLDSL0016), and per-row aggregates (silent).</summary>
public sealed partial class FreshLeakageCasesK
{
    // Cross Validated "Is it data leakage to impute with group means computed on the whole data set?": the per-ward
    // mean glucose, learned from every visit, becomes a feature before the split.
    [Fact]
    public Task Per_ward_mean_of_every_visit_in_a_dictionary_then_split_is_reported() => Expect(Program("""
        public static class WardFeatures
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                Dictionary<string, float> wardGlucose = {|#0:visits.GroupBy(v => v.Ward).ToDictionary(g => g.Key, g => g.Average(v => v.Glucose))|};
                var rows = visits.Select(v => v with { WardLevel = wardGlucose[v.Ward] }).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Per_ward_mean_of_the_training_visits_with_a_fallback_applied_to_each_part_is_silent() => Expect(Program("""
        public static class WardFeatures
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var wardGlucose = train.GroupBy(v => v.Ward).ToDictionary(g => g.Key, g => g.Average(v => v.Glucose));
                float overall = train.Average(v => v.Glucose);
                List<Visit> Add(IEnumerable<Visit> part) =>
                    part.Select(v => v with { WardLevel = wardGlucose.TryGetValue(v.Ward, out var m) ? m : overall }).ToList();
                using var model = new VisitNet();
                model.Fit(Add(train), Add(validation));
                Console.WriteLine(model.Evaluate(Add(test)).Accuracy);
            }
        }
        """));

    // Per-ward median filled in a loop into a dictionary (sorting each ward's readings), over every visit.
    [Fact]
    public Task Per_ward_median_by_sorting_filled_in_a_loop_over_every_visit_is_reported() => Expect(Program("""
        public static class WardMedians
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var byWard = new Dictionary<string, List<float>>();
                foreach (var v in {|#0:visits|})
                {
                    if (!byWard.TryGetValue(v.Ward, out var list)) byWard[v.Ward] = list = new List<float>();
                    list.Add(v.Bmi);
                }
                var medians = new Dictionary<string, float>();
                foreach (var (ward, values) in byWard)
                {
                    values.Sort();
                    medians[ward] = values[values.Count / 2];
                }
                var filled = visits.Select(v => v.Bmi > 0 ? v : v with { Bmi = medians[v.Ward] }).ToList();
                var split = filled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // A hand-written bag-of-words class with Fit and Transform (like sklearn's CountVectorizer), fitted on every note
    // before the split: the vocabulary includes words only the test notes contain.
    private const string NoteVocabulary = """
        public sealed class NoteVocabulary
        {
            private readonly HashSet<string> words = new();

            public NoteVocabulary Fit(IEnumerable<Visit> rows)
            {
                foreach (var row in rows)
                    foreach (var word in row.Notes.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        words.Add(word);
                return this;
            }

            public Visit Transform(Visit v) =>
                v with { NoteWords = v.Notes.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(words.Contains) };
        }

        """;

    [Fact]
    public Task Vocabulary_class_fitted_on_every_note_then_split_is_reported() => Expect(Program(NoteVocabulary + """
        public static class Notes
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var vocabulary = {|#0:new NoteVocabulary().Fit(visits)|};
                var rows = visits.Select(vocabulary.Transform).ToList();
                var (train, validation, test) = rows.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Vocabulary_class_fitted_on_the_training_notes_is_silent() => Expect(Program(NoteVocabulary + """
        public static class Notes
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var vocabulary = new NoteVocabulary().Fit(train);
                using var model = new VisitNet();
                model.Fit(train.Select(vocabulary.Transform).ToList(), validation.Select(vocabulary.Transform).ToList());
                Console.WriteLine(model.Evaluate(test.Select(vocabulary.Transform).ToList()).Accuracy);
            }
        }
        """));

    // Look-alike: each note's own word count and each stay's own mean reading are values of that row.
    [Fact]
    public Task Per_row_word_counts_and_mean_readings_before_the_split_are_silent() => Expect(Program("""
        public static class PerRow
        {
            static Visit ToVisit(RawVisit raw)
            {
                var words = raw.Notes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return new Visit
                {
                    Age = raw.Age,
                    Glucose = raw.Readings.Length == 0 ? 0 : raw.Readings.Average(),
                    Bmi = raw.Bmi,
                    PriorVisits = raw.Readings.Count(r => r > 180),
                    NoteWords = words.Length,
                    WardLevel = raw.Notes.Count(char.IsDigit),
                    Notes = raw.Notes,
                    Readmitted = raw.Readmitted,
                };
            }

            public static void Main()
            {
                var raws = Stays.Load("stays.csv");
                var visits = raws.Select(ToVisit).ToList();
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    // Look-alike: the largest of one stay's own readings, in a loop that builds rows one by one.
    [Fact]
    public Task Per_row_peak_reading_in_a_loop_is_silent() => Expect(Program("""
        public static class PerRow
        {
            public static void Main()
            {
                var raws = Stays.Load("stays.csv");
                var visits = new List<Visit>();
                foreach (var raw in raws)
                {
                    float peak = raw.Readings.Max();
                    float spread = peak - raw.Readings.Min();
                    visits.Add(new Visit { Age = raw.Age, Glucose = peak, Bmi = raw.Bmi, PriorVisits = spread, Readmitted = raw.Readmitted });
                }
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """));

    // Leak: the peak reading over every stay (a statistic of all rows) rescales each stay's mean reading.
    [Fact]
    public Task Peak_reading_over_every_stay_rescaling_each_row_is_reported() => Expect(Program("""
        public static class PerRow
        {
            public static void Main()
            {
                var raws = Stays.Load("stays.csv");
                float peak = {|#0:raws.SelectMany(r => r.Readings).Max()|};
                var visits = raws.Select(raw => new Visit { Age = raw.Age, Glucose = raw.Readings.Average() / peak, Bmi = raw.Bmi, Readmitted = raw.Readmitted }).ToList();
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Frequency encoding ("value_counts on the whole frame") kept in an encoder object, fitted on every visit.
    private const string WardFrequency = """
        public sealed class WardFrequency
        {
            private Dictionary<string, float> share = new();

            public void Fit(IReadOnlyList<Visit> rows) =>
                share = rows.GroupBy(r => r.Ward).ToDictionary(g => g.Key, g => (float)g.Count() / rows.Count);

            public List<Visit> Transform(IEnumerable<Visit> rows) =>
                rows.Select(r => r with { WardLevel = share.GetValueOrDefault(r.Ward) }).ToList();
        }

        """;

    [Fact]
    public Task Frequency_encoder_fitted_on_every_visit_then_split_is_reported() => Expect(Program(WardFrequency + """
        public static class Encode
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var encoder = new WardFrequency();
                {|#0:encoder.Fit(visits)|};
                var split = encoder.Transform(visits).Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Frequency_encoder_fitted_on_the_training_visits_is_silent() => Expect(Program(WardFrequency + """
        public static class Encode
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var encoder = new WardFrequency();
                encoder.Fit(split.Train);
                using var model = new VisitNet();
                model.Fit(encoder.Transform(split.Train), encoder.Transform(split.Validation));
                Console.WriteLine(model.Evaluate(encoder.Transform(split.Test)).Accuracy);
            }
        }
        """));
}
