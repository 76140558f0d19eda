using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Encoding;
using MlDsl.Data.Imputation;
using MlDsl.Data.Transforms;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Deployment;

/// <summary>What runs a deployed model's forward pass.</summary>
public enum ServingEngine
{
    /// <summary>The generated TorchSharp model on libtorch, loaded from the artifact's weights (<c>model.mldsl</c>).</summary>
    TorchSharp,

    /// <summary>
    /// ONNX Runtime on the artifact's <c>model.onnx</c> (the same forward pass, exported from the compile-time graph): a
    /// single row costs a fraction of libtorch's eager call. An artifact without <c>model.onnx</c> is refused by name.
    /// </summary>
    OnnxRuntime,
}

/// <summary>
/// A model served from a verified artifact: its weights loaded, its fitted transform applied to every row
/// before prediction (so serving can never preprocess differently from training), and its training reference
/// at hand for drift monitoring. <c>Predict</c> comes typed for each label kind from <see cref="DeployedClassifier"/>,
/// <see cref="DeployedRegressor"/> and <see cref="DeployedMultiLabelClassifier"/>, whichever <see cref="ServingEngine"/>
/// runs the forward pass: the rows, imputer, transform and answers are the same; only the engine differs.
/// </summary>
public sealed class DeployedModel<TRow, TModel> : IDisposable
    where TRow : IDatasetRow<TRow>
    where TModel : torch.nn.Module, ITrainableModel<TRow>
{
    private readonly OpenedArtifact artifact;
    private readonly AffineTransform? transform;
    private readonly IReadOnlyList<TargetEncoding<TRow>> encodings;
    private readonly IReadOnlyList<CategoricalColumn<TRow>> categoricals;
    private readonly Imputer? imputer;
    private readonly MlDsl.Data.Selection.SelectKBest? selector;
    private readonly Lazy<TModel> model;

    private DeployedModel(OpenedArtifact artifact, IReadOnlyList<CategoricalColumn<TRow>> categoricals, Lazy<TModel> model, OnnxRowSession<TRow>? onnx)
    {
        this.artifact = artifact;
        this.categoricals = categoricals;
        encodings = artifact.TargetEncodings(categoricals);
        transform = artifact.Transform;
        imputer = artifact.Imputer;
        selector = artifact.Selector;
        this.model = model;
        Onnx = onnx;
    }

    /// <summary>Opens and verifies <paramref name="directory"/> (checksums, format, the row type's schema) and loads the model with its generated <c>Load</c>.</summary>
    public static DeployedModel<TRow, TModel> Open(string directory, Func<string, TModel> load) => Open(directory, load, ServingEngine.TorchSharp);

    /// <summary>
    /// Opens and verifies <paramref name="directory"/> (checksums, format, the row type's schema) for <paramref name="engine"/>:
    /// TorchSharp loads the model with its generated <c>Load</c>; ONNX Runtime opens the verified <c>model.onnx</c> and checks
    /// its input and output against <typeparamref name="TRow"/> (the TorchSharp model is then loaded only if <see cref="Model"/> is read).
    /// </summary>
    /// <param name="directory">The artifact folder.</param>
    /// <param name="load">The model's generated <c>Load</c>.</param>
    /// <param name="engine">What runs the forward pass.</param>
    /// <param name="threads">ONNX Runtime's intra-op threads (1 keeps single-row latency on a busy machine); libtorch's come from <c>torch.set_num_threads</c>.</param>
    /// <exception cref="ArtifactException">
    /// The artifact is missing, damaged or made for other rows; for ONNX Runtime also: it holds no <c>model.onnx</c> (the message
    /// says which layers could not be exported, or that the export predates ONNX), or ONNX Runtime cannot load it.
    /// </exception>
    /// <param name="categoricals">
    /// The columns the artifact's target encodings are for (a pipeline's <c>Definition.TargetEncodings</c>, in order; its
    /// <c>Deploy</c> passes them): each raw row's category is read and its encoding written before the imputer.
    /// </param>
    public static DeployedModel<TRow, TModel> Open(string directory, Func<string, TModel> load, ServingEngine engine, int threads = 1,
        IReadOnlyList<CategoricalColumn<TRow>>? categoricals = null)
    {
        OpenedArtifact opened = ModelArtifact.Open(directory);
        opened.CheckSchema<TRow>();
        categoricals ??= [];
        // Refused before a model is loaded: an artifact whose encodings these rows cannot reproduce must not serve.
        opened.TargetEncodings(categoricals);
        if (engine == ServingEngine.TorchSharp)
        {
            TModel loaded = opened.LoadModel(load);
            return new DeployedModel<TRow, TModel>(opened, categoricals, new Lazy<TModel>(loaded), null);
        }
        if (engine != ServingEngine.OnnxRuntime) throw new ArgumentOutOfRangeException(nameof(engine), engine, "TorchSharp or OnnxRuntime");
        if (opened.Onnx is not { } onnx) throw NoOnnx(opened, load);
        var session = new OnnxRowSession<TRow>(onnx, opened.Version, ArtifactFormat.Onnx, threads);
        return new DeployedModel<TRow, TModel>(opened, categoricals, new Lazy<TModel>(() => opened.LoadModel(load)), session);
    }

    // Why the export left model.onnx out: the model's own refusal names the layers; a model that exports now was exported before ONNX.
    private static ArtifactException NoOnnx(OpenedArtifact opened, Func<string, TModel> load)
    {
        string reason;
        using (TModel model = opened.LoadModel(load))
        {
            try
            {
                if (model is not Onnx.IOnnxExportable exportable) reason = $"{opened.Manifest.ModelName} has no ONNX export";
                else
                {
                    exportable.ExportOnnx(Stream.Null);
                    reason = "the artifact was exported by an MlDsl without ONNX export: export it again";
                }
            }
            catch (Onnx.OnnxExportException error)
            {
                reason = $"{error.Model}'s layers {string.Join(", ", error.Layers)} cannot be lowered to ONNX operators";
            }
        }
        return new ArtifactException(opened.Version, ArtifactFormat.Onnx,
            $"missing, so ONNX Runtime cannot serve this artifact: {reason}; deploy it with ServingEngine.TorchSharp (--engine torch)");
    }

    /// <summary>What runs the forward pass.</summary>
    public ServingEngine Engine => Onnx is null ? ServingEngine.TorchSharp : ServingEngine.OnnxRuntime;

    /// <summary>The TorchSharp model; under ONNX Runtime it is loaded from the verified weights the first time it is read.</summary>
    public TModel Model => model.Value;

    /// <summary>The ONNX Runtime session, when that engine serves.</summary>
    internal OnnxRowSession<TRow>? Onnx { get; }

    public ArtifactManifest Manifest => artifact.Manifest;

    /// <summary>
    /// The rows as the model saw them in training: the artifact's target encodings, its imputer, its feature selection, then its
    /// fitted transform, applied (validation and test rows' encodings: the table fitted on all training rows).
    /// </summary>
    public TRow[] Prepare(IReadOnlyList<TRow> rows)
    {
        TRow[] encoded = encodings.Count == 0 ? rows.ToArray() : TargetEncodingSteps.Apply(encodings, rows);
        TRow[] filled = imputer?.Apply(encoded) ?? encoded;
        TRow[] selected = selector?.Apply(filled) ?? filled;
        return transform?.Apply(selected) ?? selected;
    }

    /// <summary>One row as the model saw it in training.</summary>
    internal TRow Prepare(TRow row) => encodings.Count == 0 && imputer is null && selector is null && transform is null ? row : Prepare(new[] { row })[0];

    /// <summary>Each row's prediction as text (class name, labels joined by '|', or the value).</summary>
    public string[] Describe(IReadOnlyList<TRow> rows)
    {
        if (Onnx is not { } onnx) return ModelAnalysis.Describe(Model, Prepare(rows), Manifest.ClassNames);
        float[][] outputs = onnx.Run(Prepare(rows));
        return TRow.LabelKind switch
        {
            LabelKind.MultiLabel => ModelAnalysis.DescribeLabels(OnnxHeads.Present(outputs), Manifest.ClassNames),
            LabelKind.Regression => ModelAnalysis.DescribeValues(OnnxHeads.Values(outputs)),
            _ => ModelAnalysis.DescribeClasses(OnnxHeads.Classes(outputs), Manifest.ClassNames),
        };
    }

    /// <summary>Metrics on rows with known labels, computed as the pipeline's analysis does.</summary>
    public IEvaluationReport Evaluate(IReadOnlyList<TRow> rows)
    {
        if (Onnx is not { } onnx) return ModelAnalysis.Analyze(Model, Prepare(rows), Manifest.ClassNames);
        TRow[] prepared = Prepare(rows);
        float[][] outputs = onnx.Run(prepared);
        return TRow.LabelKind switch
        {
            LabelKind.MultiLabel => MultiLabelReport.Compute(prepared, OnnxHeads.Present(outputs), Manifest.ClassNames),
            LabelKind.Regression => RegressionReport.Compute(prepared, OnnxHeads.Values(outputs)),
            _ => ClassificationReport.Compute(prepared, OnnxHeads.Classes(outputs), Manifest.ClassNames, OnnxHeads.Softmax(outputs)),
        };
    }

    /// <summary>New rows against the training reference stored in the artifact.</summary>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty, or a threshold is out of its range (see <see cref="DriftMonitor.Compare"/>).</exception>
    public DriftReport Monitor(IReadOnlyList<TRow> rows, DriftThresholds? thresholds = null) => artifact.Monitor(rows, thresholds, categoricals);

    public void Dispose()
    {
        Onnx?.Dispose();
        if (model.IsValueCreated) model.Value.Dispose();
    }
}

// Typed predictions, one static class per label kind: the extension methods share a signature, and
// C# drops the candidates whose constraints the model type does not meet, so `deployed.Predict(row)`
// returns an int, a float or a bool[] as the model's label calls for.

/// <summary><c>Predict</c> for a deployed classifier.</summary>
public static class DeployedClassifier
{
    /// <summary>The most likely class of one row, after the artifact's transform.</summary>
    public static int Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, TRow row)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IClassifier<TRow> =>
        deployed.Onnx is { } onnx ? OnnxHeads.Class(onnx.Run(deployed.Prepare(row))) : deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>The most likely class of every row, after the artifact's transform.</summary>
    public static int[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IClassifier<TRow> =>
        deployed.Onnx is { } onnx ? OnnxHeads.Classes(onnx.Run(deployed.Prepare(rows))) : deployed.Model.Predict(deployed.Prepare(rows));
}

/// <summary><c>Predict</c> for a deployed regression model.</summary>
public static class DeployedRegressor
{
    /// <summary>The predicted value of one row, after the artifact's transform.</summary>
    public static float Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, TRow row)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IRegressor<TRow> =>
        deployed.Onnx is { } onnx ? onnx.Run(deployed.Prepare(row))[0] : deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>The predicted value of every row, after the artifact's transform.</summary>
    public static float[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IRegressor<TRow> =>
        deployed.Onnx is { } onnx ? OnnxHeads.Values(onnx.Run(deployed.Prepare(rows))) : deployed.Model.Predict(deployed.Prepare(rows));
}

/// <summary><c>Predict</c> for a deployed multi-label model.</summary>
public static class DeployedMultiLabelClassifier
{
    /// <summary>Whether each label is present in one row, after the artifact's transform.</summary>
    public static bool[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, TRow row)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IMultiLabelClassifier<TRow> =>
        deployed.Onnx is { } onnx ? OnnxHeads.Present(onnx.Run(deployed.Prepare(row))) : deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>Whether each label is present in every row, after the artifact's transform.</summary>
    public static bool[][] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IMultiLabelClassifier<TRow> =>
        deployed.Onnx is { } onnx ? OnnxHeads.Present(onnx.Run(deployed.Prepare(rows))) : deployed.Model.Predict(deployed.Prepare(rows));
}
