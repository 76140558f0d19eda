namespace MlDsl.Analyzers.Tests;

/// <summary>Set K, a whole readmission notebook ported to C# (config record, helpers, a recipe of steps, a sweep): silent; one mistake each must be reported.</summary>
public sealed partial class FreshLeakageCasesK
{
    private const string Readmission = """
        public sealed record Config(double[] Rates, int Epochs, int Patience, float ClipQuantile);

        public static class Readmission
        {
            static float Quantile(IEnumerable<float> values, float q)
            {
                var sorted = values.OrderBy(x => x).ToArray();
                return sorted[(int)(q * (sorted.Length - 1))];
            }

            static Func<Visit, Visit> LearnRecipe(IReadOnlyList<Visit> rows, Config config)
            {
                float clip = Quantile(rows.Select(r => r.Glucose), config.ClipQuantile);
                var wardMean = rows.GroupBy(r => r.Ward).ToDictionary(g => g.Key, g => g.Average(r => r.Bmi));
                float bmiMean = rows.Average(r => r.Bmi);
                return v => v with
                {
                    Glucose = Math.Min(v.Glucose, clip),
                    WardLevel = wardMean.GetValueOrDefault(v.Ward, bmiMean),
                    NoteWords = v.Notes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
                };
            }

            public static void Main()
            {
                var config = new Config(new[] { 1e-2, 3e-3, 1e-3 }, Epochs: 200, Patience: 10, ClipQuantile: 0.99f);
                var visits = CsvFile.Read<Visit>("visits.csv");
                Console.WriteLine($"{visits.Count} visits, readmission rate {visits.Average(v => v.Readmitted):P1}");

                var (train, validation, test) = visits.Split(new SplitOptions { Kind = SplitKind.Stratified, Seed = 42 });
                var recipe = LearnRecipe(train, config);
                List<Visit> Prepare(IEnumerable<Visit> part) => part.Select(recipe).ToList();
                var scaler = Standardizer.Fit(Prepare(train));
                Visit[] trainRows = scaler.Apply(Prepare(train)), validationRows = scaler.Apply(Prepare(validation)), testRows = scaler.Apply(Prepare(test));

                var runs = new List<(double Rate, VisitNet Model, double Validation)>();
                foreach (double rate in config.Rates)
                {
                    var model = new VisitNet();
                    model.Fit(trainRows, validationRows, new FitOptions { LearningRate = rate, Epochs = config.Epochs, EarlyStoppingPatience = config.Patience });
                    runs.Add((rate, model, model.Evaluate(validationRows).Accuracy));
                }
                var chosen = runs.MaxBy(r => r.Validation);
                Console.WriteLine($"chosen rate {chosen.Rate} (validation {chosen.Validation:P2})");
                Console.WriteLine($"test accuracy {chosen.Model.Evaluate(testRows).Accuracy:P2}");
            }
        }
        """;

    [Fact]
    public Task Readmission_notebook_is_silent() => Expect(Program(Readmission));

    [Fact]
    public Task Readmission_notebook_with_the_recipe_learned_from_every_visit_is_reported() =>
        Expect(Program(Mutate(Readmission, "var recipe = LearnRecipe(train, config);", "var recipe = {|#0:LearnRecipe(visits, config)|};")), "MLDSL0016");

    [Fact]
    public Task Readmission_notebook_with_the_scaler_fitted_on_every_prepared_visit_is_reported() =>
        Expect(Program(Mutate(Readmission, "var scaler = Standardizer.Fit(Prepare(train));", "var scaler = Standardizer.Fit({|#0:Prepare(visits)|});")), "MLDSL0016");

    [Fact]
    public Task Readmission_notebook_with_early_stopping_on_the_test_rows_is_reported() =>
        Expect(Program(Mutate(Readmission, "model.Fit(trainRows, validationRows, new FitOptions", "model.Fit(trainRows, {|#0:testRows|}, new FitOptions")), "MLDSL0018");

    [Fact]
    public Task Readmission_notebook_choosing_the_rate_by_test_accuracy_is_reported() =>
        Expect(Program(Mutate(Readmission, "runs.Add((rate, model, model.Evaluate(validationRows).Accuracy));", "runs.Add((rate, model, model.Evaluate({|#0:testRows|}).Accuracy));")), "MLDSL0018");

    [Fact]
    public Task Readmission_notebook_also_printing_the_training_score_beside_the_test_score_is_silent() =>
        Expect(Program(Mutate(Readmission, "Console.WriteLine($\"test accuracy {chosen.Model.Evaluate(testRows).Accuracy:P2}\");",
            "Console.WriteLine($\"test accuracy {chosen.Model.Evaluate(testRows).Accuracy:P2}, train {chosen.Model.Evaluate(trainRows).Accuracy:P2}\");")));
}
