using System.Globalization;
using MlDsl.Data.Csv;
using MlDsl.Data.Splits;
using MlDsl.Data.Transforms;
using MlDsl.Data.Validation;
using MlDsl.Examples.BreastCancer;
using MlDsl.Training;

// With a pipeline command (run, validate, evaluate, predict, monitor) this is TumourPipeline's command
// line; after "diabetes", the regression pipeline's (ProgressionPipeline).
if (args is ["diabetes", .. var rest]) return ProgressionPipeline.RunCommandLine(rest);
if (args.Length > 0) return TumourPipeline.RunCommandLine(args);

// Reads the real breast-cancer CSV, splits it (stratified, seeded), validates the data, standardizes
// with statistics from the training split only, trains the MLP, and tests it on the held-out split.
string csv = SklearnData.BreastCancerCsv();
IReadOnlyList<Tumour> rows = CsvFile.Read<Tumour>(csv, new CsvOptions { HasHeader = false, SkipLines = 1 });
Console.WriteLine($"{csv}: {rows.Count} tumours");

DataSplit<Tumour> split = rows.Split(new SplitOptions { Kind = SplitKind.Stratified, Validation = 0.15, Test = 0.2, Seed = 7 });
DataReport report = DataReport.Analyze(split);
Console.Write(report);
report.ThrowIfFailed();

Standardizer scaler = Standardizer.Fit(split); // the training split only
Tumour[] train = scaler.Apply(split.Train), validation = scaler.Apply(split.Validation), test = scaler.Apply(split.Test);

using var model = new TumourMlp(seed: 7);
model.Summary();
model.Fit(train, validation, new FitOptions { Epochs = 40, BatchSize = 32, LearningRate = 3e-3, Seed = 7, Verbose = 0, OnEpoch = epoch =>
{
    if (epoch.Epoch % 10 == 0) Console.WriteLine(epoch);
} });
Evaluation result = model.Evaluate(test);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test accuracy: {result.Accuracy * 100:F2}%"));
return 0;
