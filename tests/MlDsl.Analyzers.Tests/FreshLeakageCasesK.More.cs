namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, more shapes: a clipper class learning in its constructor, a stacking helper, a tuple-returning fitter.</summary>
public sealed partial class FreshLeakageCasesK
{
    private const string Clipper = """
        /// <summary>Clips glucose at a percentile learned (by sorting) when the clipper is made.</summary>
        public sealed class GlucoseClipper
        {
            private readonly float cap;

            public GlucoseClipper(IEnumerable<Visit> rows, float quantile)
            {
                var sorted = rows.Select(r => r.Glucose).ToList();
                sorted.Sort();
                cap = sorted[(int)(quantile * (sorted.Count - 1))];
            }

            public Visit Apply(Visit v) => v with { Glucose = Math.Min(v.Glucose, cap) };
        }

        """;

    // Kaggle "Data Leakage" course: outlier capping learned from the whole frame, here inside a class constructor.
    [Fact]
    public Task Clipper_class_learning_its_percentile_from_every_visit_in_its_constructor_is_reported() => Expect(Program(Clipper + """
        public static class Capping
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var clipper = {|#0:new GlucoseClipper(visits, 0.95f)|};
                var capped = visits.Select(clipper.Apply).ToList();
                var (train, validation, test) = capped.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(train, validation);
                Console.WriteLine(model.Evaluate(test).Accuracy);
            }
        }
        """), "MLDSL0016");

    [Fact]
    public Task Clipper_class_learning_its_percentile_from_the_training_visits_is_silent() => Expect(Program(Clipper + """
        public static class Capping
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var clipper = new GlucoseClipper(train, 0.95f);
                using var model = new VisitNet();
                model.Fit(train.Select(clipper.Apply).ToList(), validation.Select(clipper.Apply).ToList());
                Console.WriteLine(model.Evaluate(test.Select(clipper.Apply).ToList()).Accuracy);
            }
        }
        """));

    // "Stacking without out-of-fold predictions" (Kaggle ensembling guide, MLWave): the helper writes the first model's
    // predictions into the rows it is given, and it is given the rows that model was fitted on.
    private const string AddScores = """
        public static class Stack
        {
            public static List<Visit> AddScores(WideVisitNet first, IEnumerable<Visit> rows) =>
                rows.Select(v => v with { WardLevel = first.Predict(v) }).ToList();
        }

        """;

    [Fact]
    public Task Stacking_helper_given_the_rows_the_first_model_trained_on_is_reported_at_its_call() => Expect(Program(AddScores + """
        public static class Stacked
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new WideVisitNet();
                first.Fit(train);
                var stackedTrain = {|#0:Stack.AddScores(first, train)|};
                using var second = new VisitNet();
                second.Fit(stackedTrain, Stack.AddScores(first, validation));
                Console.WriteLine(second.Evaluate(Stack.AddScores(first, test)).Accuracy);
            }
        }
        """), "MLDSL0028");

    // Blending (the fix): the first model is fitted on train and the second learns from its predictions on validation.
    [Fact]
    public Task Blending_on_the_validation_rows_through_the_helper_is_silent() => Expect(Program(AddScores + """
        public static class Stacked
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var first = new WideVisitNet();
                first.Fit(train);
                var blend = Stack.AddScores(first, validation);
                using var second = new VisitNet();
                second.Fit(blend);
                Console.WriteLine(second.Evaluate(Stack.AddScores(first, test)).Accuracy);
            }
        }
        """));

    // A fitter returning (transform, description) as a tuple, learned from every visit then split.
    [Fact]
    public Task Tuple_returning_fitter_learned_from_every_visit_is_reported_at_its_call() => Expect(Program("""
        public static class Notebook
        {
            static (Func<Visit, Visit> Transform, string Description) Centre(IReadOnlyList<Visit> rows)
            {
                float age = rows.Average(r => r.Age), bmi = rows.Average(r => r.Bmi);
                return (v => v with { Age = v.Age - age, Bmi = v.Bmi - bmi }, $"age {age:F1}, bmi {bmi:F1}");
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (centre, text) = {|#0:Centre(visits)|};
                Console.WriteLine($"centred on {text}");
                var split = visits.Select(centre).ToList().Split(new SplitOptions { Kind = SplitKind.Stratified });
                using var model = new VisitNet();
                model.Fit(split.Train, split.Validation);
                Console.WriteLine(model.Evaluate(split.Test).Accuracy);
            }
        }
        """), "MLDSL0016");

    // Look-alike: the same fitter over every visit only for its description; the model uses the training fit.
    [Fact]
    public Task Tuple_returning_fitter_over_every_visit_only_for_its_description_is_silent() => Expect(Program("""
        public static class Notebook
        {
            static (Func<Visit, Visit> Transform, string Description) Centre(IReadOnlyList<Visit> rows)
            {
                float age = rows.Average(r => r.Age), bmi = rows.Average(r => r.Bmi);
                return (v => v with { Age = v.Age - age, Bmi = v.Bmi - bmi }, $"age {age:F1}, bmi {bmi:F1}");
            }

            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                Console.WriteLine($"whole cohort: {Centre(visits).Description}");
                var split = visits.Split(new SplitOptions { Kind = SplitKind.Stratified });
                var (centre, _) = Centre(split.Train);
                using var model = new VisitNet();
                model.Fit(split.Train.Select(centre).ToList(), split.Validation.Select(centre).ToList());
                Console.WriteLine(model.Evaluate(split.Test.Select(centre).ToList()).Accuracy);
            }
        }
        """));

    // Early stopping on a holdout split off the training part with the library's Split, then its score printed alone.
    [Fact]
    public Task Early_stopping_part_of_a_second_split_of_train_reported_as_the_score_is_reported() => Expect(Program("""
        public static class EarlyStop
        {
            public static void Main()
            {
                var visits = CsvFile.Read<Visit>("visits.csv");
                var (train, _, _) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 1 });
                var (fit, stop, _) = train.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 2 });
                using var model = new WideVisitNet();
                model.Fit(fit, stop, new FitOptions { Epochs = 500, EarlyStoppingPatience = 20 });
                var score = model.Evaluate({|#0:stop|});
                Console.WriteLine($"accuracy {score.Accuracy:P2}");
            }
        }
        """), "MLDSL0027");
}
