namespace MlDsl.Benchmarks;

/// <summary>The source of a data-science script of about 300 lines for the analyzer timing (analysed, never compiled here).</summary>
internal static class DataScienceScript
{
    public const string Source = """
using System;
using System.Collections.Generic;
using System.Linq;
using MlDsl;
using MlDsl.Data.Csv;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Training;

[Dataset]
public sealed partial record Patient
{
    [Feature] public float Age { get; init; }
    [Feature] public float Pressure { get; init; }
    [Feature] public float Glucose { get; init; }
    [Feature] public float Bmi { get; init; }
    [Label(Classes = 2)] public int Diabetic { get; init; }
    [GroupKey] public int Clinic { get; init; }
    [Slice] public string Sex { get; init; } = "";
}

[Model(typeof(Patient))]
public sealed partial class PatientNet
{
    [Linear(32), Relu, Dropout(0.2)] Layer hidden;
    [Linear(16), Relu] Layer narrow;
    [Linear(2)] Layer output;
}

/// <summary>An analysis as a data scientist writes it: load, clean, engineer, split, scale, cross-validate, tune, evaluate.</summary>
public static class Analysis
{
    private const string Path = "patients.csv";

    public static IReadOnlyList<Patient> Load() => CsvFile.Read<Patient>(Path);

    public static List<Patient> Clean(IReadOnlyList<Patient> rows)
    {
        var kept = new List<Patient>();
        foreach (Patient row in rows)
        {
            if (float.IsNaN(row.Age) || row.Age < 0) continue;
            if (row.Pressure <= 0) continue;
            kept.Add(row with { Bmi = Math.Clamp(row.Bmi, 10, 80) });
        }
        return kept;
    }

    public static Patient[] Engineer(IReadOnlyList<Patient> rows) =>
        rows.Select(row => row with { Glucose = MathF.Log(1 + row.Glucose), Pressure = row.Pressure / 10f }).ToArray();

    private static double Accuracy(PatientNet model, IReadOnlyList<Patient> rows) => model.Evaluate(rows).Accuracy;

    public static double Experiment0(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 0 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 0);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 0);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment1(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 1 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 1);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 1);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment2(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 2 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 2);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 2);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment3(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 3 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 3);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 3);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment4(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 4 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 4);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 4);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment5(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 5 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 5);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 5);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment6(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 6 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 6);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 6);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }

    public static double Experiment7(IReadOnlyList<Patient> raw)
    {
        var rows = Engineer(Clean(raw));
        var split = rows.Split(new SplitOptions { Kind = SplitKind.Grouped, Validation = 0.15, Test = 0.2, Seed = 7 });
        var scaler = Standardizer.Fit(split);
        Patient[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);
        float maxAge = split.Train.Max(row => row.Age);
        var scaledTrain = train.Select(row => row with { Age = row.Age / maxAge }).ToList();
        var scores = new List<double>();
        for (int fold = 0; fold < 3; fold++)
        {
            var inner = split.Train.Split(new SplitOptions { Kind = SplitKind.Grouped, Seed = fold });
            using var candidate = new PatientNet(seed: fold);
            candidate.Fit(inner.Train, inner.Validation, new FitOptions { Epochs = 5, Seed = fold });
            scores.Add(Accuracy(candidate, inner.Test));
        }
        Console.WriteLine($"cv {scores.Average():F3}");
        double best = 0, bestRate = 1e-3;
        foreach (double rate in new[] { 1e-2, 3e-3, 1e-3 })
        {
            using var tuned = new PatientNet(seed: 7);
            tuned.Fit(scaledTrain, validation, new FitOptions { LearningRate = rate, Epochs = 5 });
            double score = tuned.Evaluate(validation).Accuracy;
            if (score > best) { best = score; bestRate = rate; }
        }
        using var final = new PatientNet(seed: 7);
        final.Fit(scaledTrain, validation, new FitOptions { LearningRate = bestRate });
        return final.Evaluate(test).Accuracy;
    }
}
""";
}
