namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, kind "statistics learned from rows that later reach validation or test" (MLDSL0016), through row transformations held as values.</summary>
public sealed partial class FreshLeakageCasesK
{
    // Kaggle "Data Leakage" course (Dan Becker): winsorising at the 99th percentile of the whole frame before
    // train_test_split lets the test rows' extreme values set the clip. Here the percentile comes from sorting every
    // visit and a local function that captures it clips each row.
    [Fact]
    public Task Percentile_by_sorting_every_visit_captured_by_a_local_function_before_the_split_is_reported() => Expect(Program("""
        public static class Winsorise
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                float p99 = {|#0:visits.Select(v => v.Glucose).OrderBy(g => g).ElementAt((int)(visits.Count * 0.99))|};
                Visit Clip(Visit v) => v with { Glucose = Math.Min(v.Glucose, p99) };
                var clipped = visits.Select(Clip).ToList();
                var (train, validation, test) = clipped.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Percentile_by_sorting_the_training_visits_captured_by_a_local_function_applied_to_each_part_is_silent() => Expect(Program("""
        public static class Winsorise
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                float p99 = train.Select(v => v.Glucose).OrderBy(g => g).ElementAt((int)(train.Count * 0.99));
                Visit Clip(Visit v) => v with { Glucose = Math.Min(v.Glucose, p99) };
                using var model = new VisitNet();
                model.Fit(train.Select(Clip).ToList(), validation.Select(Clip).ToList());
                Console.WriteLine($"test accuracy {model.Evaluate(test.Select(Clip).ToList()).Accuracy:P2}");
            }
        }
        """));

    // Look-alike: the clip is a clinical constant (glucose above 600 mg/dL is a meter error), not learned from rows.
    [Fact]
    public Task Clip_at_a_clinical_constant_before_the_split_is_silent() => Expect(Program("""
        public static class Winsorise
        {
            private const float MeterLimit = 600f;

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                Func<Visit, Visit> clip = v => v with { Glucose = Math.Min(v.Glucose, MeterLimit) };
                var clipped = visits.Select(clip).ToList();
                var (train, validation, test) = clipped.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // Look-alike: quartiles of every visit only printed in the EDA cell; the model uses raw rows.
    [Fact]
    public Task Quartiles_of_every_visit_only_printed_is_silent() => Expect(Program("""
        public static class Eda
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var sorted = visits.Select(v => v.Bmi).OrderBy(b => b).ToArray();
                foreach (double q in new[] { 0.25, 0.5, 0.75 })
                    Console.WriteLine($"BMI q{q:F2} = {sorted[(int)(q * (sorted.Length - 1))]:F1}");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 3 });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine($"test accuracy {model.Evaluate(test).Accuracy:P2}");
            }
        }
        """));

    // Stack Overflow "Should I normalize before or after train_test_split?": the z-score lambda captures the mean and
    // deviation of every row, and the scaled rows are split afterwards.
    [Fact]
    public Task Z_score_lambda_in_a_variable_capturing_the_mean_of_every_visit_before_the_split_is_reported() => Expect(Program("""
        public static class ZScore
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                float mean = {|#0:visits.Average(v => v.Bmi)|};
                float sd = MathF.Sqrt(visits.Average(v => (v.Bmi - mean) * (v.Bmi - mean)));
                Func<Visit, Visit> z = v => v with { Bmi = (v.Bmi - mean) / sd };
                var ready = visits.Select(z).ToArray();
                var split = ready.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // scikit-learn "Common pitfalls" 10.2: a fitter written as a helper that returns the transformation; called with
    // every row, the returned Func carries the whole data set's maximum into the split.
    [Fact]
    public Task Helper_returning_a_Func_learned_from_every_visit_is_reported_at_its_call() => Expect(Program("""
        public static class Notebook
        {
            static Func<Visit, Visit> LearnMaxScale(IReadOnlyList<Visit> rows)
            {
                float maxAge = rows.Max(r => r.Age);
                float maxVisits = rows.Max(r => r.PriorVisits);
                return v => v with { Age = v.Age / maxAge, PriorVisits = v.PriorVisits / maxVisits };
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var scale = {|#0:LearnMaxScale(visits)|};
                var scaled = visits.Select(scale).ToList();
                var split = scaled.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Helper_returning_a_Func_learned_from_the_training_visits_is_silent() => Expect(Program("""
        public static class Notebook
        {
            static Func<Visit, Visit> LearnMaxScale(IReadOnlyList<Visit> rows)
            {
                float maxAge = rows.Max(r => r.Age);
                float maxVisits = rows.Max(r => r.PriorVisits);
                return v => v with { Age = v.Age / maxAge, PriorVisits = v.PriorVisits / maxVisits };
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var scale = LearnMaxScale(split.Train);
                using var model = new VisitNet();
                model.Fit(split.Train.Select(scale).ToList(), split.Validation.Select(scale).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(scale).ToList()).Accuracy);
            }
        }
        """));

    // A "preprocessing recipe" dictionary, as notebooks keep them: each named step captures a statistic of every row.
    [Fact]
    public Task Dictionary_of_named_steps_capturing_a_mean_of_every_visit_applied_before_the_split_is_reported() => Expect(Program("""
        public static class Recipe
        {
            public static void Main()
            {
                List<Visit> visits = CsvFile.Read<Visit>("visits.csv").ToList();
                float glucoseMean = {|#0:visits.Average(v => v.Glucose)|};
                var steps = new Dictionary<string, Func<Visit, Visit>>
                {
                    ["centre glucose"] = v => v with { Glucose = v.Glucose - glucoseMean },
                    ["log visits"] = v => v with { PriorVisits = MathF.Log(1 + v.PriorVisits) },
                };
                foreach (var (name, step) in steps)
                {
                    Console.WriteLine($"applying {name}");
                    visits = visits.Select(step).ToList();
                }
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task List_of_steps_learned_on_the_training_visits_applied_to_every_part_is_silent() => Expect(Program("""
        public static class Recipe
        {
            static List<Visit> Run(IEnumerable<Visit> rows, List<Func<Visit, Visit>> steps)
            {
                foreach (var step in steps) rows = rows.Select(step);
                return rows.ToList();
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                float glucoseMean = train.Average(v => v.Glucose);
                float bmiMax = train.Max(v => v.Bmi);
                var steps = new List<Func<Visit, Visit>>
                {
                    v => v with { Glucose = v.Glucose - glucoseMean },
                    v => v with { Bmi = v.Bmi / bmiMax },
                };
                using var model = new VisitNet();
                model.Fit(Run(train, steps), Run(validation, steps));
                Console.WriteLine(model.Evaluate(Run(test, steps)).Accuracy);
            }
        }
        """));

    // Quantile binning ("pd.qcut on the full frame") then split: the bin edges come from every visit.
    [Fact]
    public Task Quantile_bin_edges_sorted_from_every_visit_then_split_is_reported() => Expect(Program("""
        public static class Bins
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var ages = {|#0:visits.Select(v => v.Age).OrderBy(a => a).ToArray()|};
                float[] edges = Enumerable.Range(1, 4).Select(k => ages[k * ages.Length / 5]).ToArray();
                float Bin(float age) => edges.Count(e => age >= e);
                var binned = visits.Select(v => v with { Age = Bin(v.Age) }).ToList();
                var (train, validation, test) = binned.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Quantile_bin_edges_sorted_from_the_training_visits_is_silent() => Expect(Program("""
        public static class Bins
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var ages = train.Select(v => v.Age).OrderBy(a => a).ToArray();
                float[] edges = Enumerable.Range(1, 4).Select(k => ages[k * ages.Length / 5]).ToArray();
                Func<Visit, Visit> bin = v => v with { Age = edges.Count(e => v.Age >= e) };
                var parts = new[] { train, validation, test }.Select(p => p.Select(bin).ToList()).ToArray();
                using var model = new VisitNet();
                model.Fit(parts[0], parts[1]);
                Console.WriteLine(model.Evaluate(parts[2]).Accuracy);
            }
        }
        """));

    // A lambda that wraps a Standardizer fitted on every visit: the fit is the leak, the lambda only carries it.
    [Fact]
    public Task Lambda_wrapping_a_standardizer_fitted_on_every_visit_is_reported_at_the_fit() => Expect(Program("""
        public static class Prep
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var scaler = Standardizer.Fit({|#0:visits|});
                Func<IReadOnlyList<Visit>, Visit[]> prep = rows => scaler.Apply(rows);
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(prep(split.Train), prep(split.Validation));
                Console.WriteLine(model.Evaluate(prep(split.Test)).Accuracy);
            }
        }
        """), "MLDSL0016");
}
