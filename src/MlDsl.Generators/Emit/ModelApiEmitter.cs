using System;
using MlDsl.Declarations.Models;

namespace MlDsl.Generators.Emit;

/// <summary>
/// Emits a model's user-facing members: <c>Fit</c>/<c>Evaluate</c>, the <c>Predict</c> overloads its
/// label kind calls for (a class, a set of labels, a number), and <c>Save</c>/<c>Load</c>.
/// </summary>
internal static class ModelApiEmitter
{
    public static string Interface(LabelKind kind, string row) => kind switch
    {
        LabelKind.MultiLabel => $"IMultiLabelClassifier<{row}>",
        LabelKind.Regression => $"IRegressor<{row}>",
        _ => $"IClassifier<{row}>",
    };

    /// <param name="failure">For a model that cannot be built: the throw expression every body becomes; null for working code.</param>
    public static void Write(CodeWriter writer, string name, string row, LabelKind kind, string? failure = null)
    {
        string Body(string real) => failure ?? real;
        string rows = $"IReadOnlyList<{row}>";
        string loss = kind switch
        {
            LabelKind.MultiLabel => "binary cross-entropy per label",
            LabelKind.Regression => "mean squared error",
            _ => "cross-entropy",
        };
        writer.Line($"/// <summary>Trains on <paramref name=\"train\"/> with {loss}, reporting <paramref name=\"validation\"/> after every epoch.</summary>");
        writer.Line($"public FitReport Fit({rows} train, {rows}? validation = null, FitOptions? options = null) =>");
        writer.Line("    " + Body("ModelTrainer.Fit(this, train, validation, options ?? new FitOptions())") + ";");
        writer.Line();
        // RowSource<T> needs a generated row: a row the generator cannot extend gets no streaming members.
        if (failure is null) WriteStreamingFit(writer, row);
        writer.Line($"/// <summary>Loss and {(kind == LabelKind.Regression ? "mean absolute error" : "accuracy")} on <paramref name=\"rows\"/>, under inference mode.</summary>");
        writer.Line($"public Evaluation Evaluate({rows} rows, int batchSize = 256) =>");
        writer.Line("    " + Body("ModelTrainer.Evaluate(this, rows, batchSize)") + ";");
        writer.Line();
        if (failure is null) WriteStreamingUse(writer, row, kind);
        switch (kind)
        {
            case LabelKind.MultiLabel: WriteMultiLabelPredict(writer, row, rows, Body); break;
            case LabelKind.Regression: WriteRegressionPredict(writer, row, rows, Body); break;
            default: WriteClassPredict(writer, row, rows, Body); break;
        }
        writer.Line("/// <summary>Writes the weights behind a header (model name, layer shapes, checksum) that <see cref=\"Load\"/> verifies.</summary>");
        writer.Line("public void Save(string path) => " + Body("ModelFile.Save(this, ModelName, path)") + ";");
        writer.Line();
        writer.Line("/// <summary>Reads a model written by <see cref=\"Save\"/>; refuses files of other models, other shapes or damaged weights.</summary>");
        if (failure is not null)
        {
            writer.Line($"public static {name} Load(string path) => {failure};");
            return;
        }
        using (writer.Block($"public static {name} Load(string path)"))
        {
            writer.Line($"var model = new {name}();");
            writer.Line("ModelFile.Load(model, ModelName, path);");
            writer.Line("return model;");
        }
    }

    private static void WriteStreamingFit(CodeWriter writer, string row)
    {
        string source = $"global::MlDsl.Data.Streaming.RowSource<{row}>";
        writer.Line("/// <summary>Trains from a lazy source: rows are decoded by worker threads while the previous batch trains, so memory holds a few batches, not the data.</summary>");
        writer.Line($"public FitReport Fit({source} train, {source}? validation = null, FitOptions? options = null) =>");
        writer.Line("    ModelTrainer.Fit(this, train, validation, options ?? new FitOptions());");
        writer.Line();
    }

    private static void WriteStreamingUse(CodeWriter writer, string row, LabelKind kind)
    {
        string source = $"global::MlDsl.Data.Streaming.RowSource<{row}>";
        string predicted = kind switch { LabelKind.MultiLabel => "bool[][]", LabelKind.Regression => "float[]", _ => "int[]" };
        string predictor = kind switch { LabelKind.MultiLabel => "MultiLabelPredictor", LabelKind.Regression => "RegressionPredictor", _ => "ClassifierPredictor" };
        writer.Line("/// <summary>The same over a lazy source, decoded in row order while the model runs.</summary>");
        writer.Line($"public Evaluation Evaluate({source} rows, int batchSize = 256) =>");
        writer.Line("    ModelTrainer.Evaluate(this, rows, batchSize);");
        writer.Line();
        writer.Line("/// <summary>Predicts every row of a lazy source, decoded in row order while the model runs.</summary>");
        writer.Line($"public {predicted} Predict({source} rows, int batchSize = 256) => {predictor}.Predict(this, rows, batchSize);");
        writer.Line();
    }

    private static void WriteClassPredict(CodeWriter writer, string row, string rows, Func<string, string> body)
    {
        writer.Line("/// <summary>The most likely class of one row.</summary>");
        writer.Line($"public int Predict({row} row) => " + body($"ClassifierPredictor.Predict(this, new[] {{ row }})[0]") + ";");
        writer.Line();
        writer.Line("/// <summary>The most likely class of every row, computed in batches.</summary>");
        writer.Line($"public int[] Predict({rows} rows, int batchSize = 256) => " + body($"ClassifierPredictor.Predict(this, rows, batchSize)") + ";");
        writer.Line();
        writer.Line("/// <summary>The probability of every class for one row.</summary>");
        writer.Line($"public float[] PredictProbabilities({row} row) => " + body($"ClassifierPredictor.Probabilities(this, row)") + ";");
        writer.Line();
        writer.Line("/// <summary>The probability of every class for every row, computed in batches.</summary>");
        writer.Line($"public float[][] PredictProbabilities({rows} rows, int batchSize = 256) => " + body($"ClassifierPredictor.Probabilities(this, rows, batchSize)") + ";");
        writer.Line();
    }

    private static void WriteMultiLabelPredict(CodeWriter writer, string row, string rows, Func<string, string> body)
    {
        writer.Line("/// <summary>For one row, whether each label is present (probability above one half).</summary>");
        writer.Line($"public bool[] Predict({row} row) => " + body($"MultiLabelPredictor.Predict(this, new[] {{ row }})[0]") + ";");
        writer.Line();
        writer.Line("/// <summary>For every row, whether each label is present, computed in batches.</summary>");
        writer.Line($"public bool[][] Predict({rows} rows, int batchSize = 256) => " + body($"MultiLabelPredictor.Predict(this, rows, batchSize)") + ";");
        writer.Line();
        writer.Line("/// <summary>For every row, each label's own probability (labels are not exclusive), computed in batches.</summary>");
        writer.Line($"public float[][] PredictProbabilities({rows} rows, int batchSize = 256) => " + body($"MultiLabelPredictor.Probabilities(this, rows, batchSize)") + ";");
        writer.Line();
    }

    private static void WriteRegressionPredict(CodeWriter writer, string row, string rows, Func<string, string> body)
    {
        writer.Line("/// <summary>The training targets' mean and deviation: the loss sees standardized targets, predictions come back in the label's units.</summary>");
        writer.Line("public TargetScaling TargetScaling => " + body("targetScaling") + ";");
        writer.Line();
        writer.Line("/// <summary>The predicted value for one row.</summary>");
        writer.Line($"public float Predict({row} row) => " + body($"RegressionPredictor.Predict(this, new[] {{ row }})[0]") + ";");
        writer.Line();
        writer.Line("/// <summary>The predicted value for every row, computed in batches.</summary>");
        writer.Line($"public float[] Predict({rows} rows, int batchSize = 256) => " + body($"RegressionPredictor.Predict(this, rows, batchSize)") + ";");
        writer.Line();
    }
}
