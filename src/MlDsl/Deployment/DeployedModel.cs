using MlDsl.Analysis;
using MlDsl.Data;
using MlDsl.Data.Imputation;
using MlDsl.Data.Transforms;
using MlDsl.Training;
using TorchSharp;

namespace MlDsl.Deployment;

/// <summary>
/// A model served from a verified artifact: its weights loaded, its fitted transform applied to
/// every row before prediction (so serving can never preprocess differently from training), and its
/// training reference at hand for drift monitoring. <c>Predict</c> comes typed for each label kind
/// from <see cref="DeployedClassifier"/>, <see cref="DeployedRegressor"/> and <see cref="DeployedMultiLabelClassifier"/>.
/// </summary>
public sealed class DeployedModel<TRow, TModel> : IDisposable
    where TRow : IDatasetRow<TRow>
    where TModel : torch.nn.Module, ITrainableModel<TRow>
{
    private readonly OpenedArtifact artifact;
    private readonly AffineTransform? transform;
    private readonly Imputer? imputer;
    private readonly MlDsl.Data.Selection.SelectKBest? selector;

    private DeployedModel(OpenedArtifact artifact, TModel model)
    {
        this.artifact = artifact;
        transform = artifact.Transform;
        imputer = artifact.Imputer;
        selector = artifact.Selector;
        Model = model;
    }

    /// <summary>Opens and verifies <paramref name="directory"/> (checksums, format, the row type's schema) and loads the model with its generated <c>Load</c>.</summary>
    public static DeployedModel<TRow, TModel> Open(string directory, Func<string, TModel> load)
    {
        OpenedArtifact opened = ModelArtifact.Open(directory);
        opened.CheckSchema<TRow>();
        return new DeployedModel<TRow, TModel>(opened, opened.LoadModel(load));
    }

    public TModel Model { get; }

    public ArtifactManifest Manifest => artifact.Manifest;

    /// <summary>The rows as the model saw them in training: the artifact's imputer, its feature selection, then its fitted transform, applied.</summary>
    public TRow[] Prepare(IReadOnlyList<TRow> rows)
    {
        TRow[] filled = imputer?.Apply(rows) ?? rows.ToArray();
        TRow[] selected = selector?.Apply(filled) ?? filled;
        return transform?.Apply(selected) ?? selected;
    }

    /// <summary>Each row's prediction as text (class name, labels joined by '|', or the value).</summary>
    public string[] Describe(IReadOnlyList<TRow> rows) => ModelAnalysis.Describe(Model, Prepare(rows), Manifest.ClassNames);

    /// <summary>Metrics on rows with known labels, computed as the pipeline's analysis does.</summary>
    public IEvaluationReport Evaluate(IReadOnlyList<TRow> rows) => ModelAnalysis.Analyze(Model, Prepare(rows), Manifest.ClassNames);

    /// <summary>New rows against the training reference stored in the artifact.</summary>
    public DriftReport Monitor(IReadOnlyList<TRow> rows, DriftThresholds? thresholds = null) => artifact.Monitor(rows, thresholds);

    public void Dispose() => Model.Dispose();
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
        deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>The most likely class of every row, after the artifact's transform.</summary>
    public static int[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IClassifier<TRow> =>
        deployed.Model.Predict(deployed.Prepare(rows));
}

/// <summary><c>Predict</c> for a deployed regression model.</summary>
public static class DeployedRegressor
{
    /// <summary>The predicted value of one row, after the artifact's transform.</summary>
    public static float Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, TRow row)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IRegressor<TRow> =>
        deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>The predicted value of every row, after the artifact's transform.</summary>
    public static float[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IRegressor<TRow> =>
        deployed.Model.Predict(deployed.Prepare(rows));
}

/// <summary><c>Predict</c> for a deployed multi-label model.</summary>
public static class DeployedMultiLabelClassifier
{
    /// <summary>Whether each label is present in one row, after the artifact's transform.</summary>
    public static bool[] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, TRow row)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IMultiLabelClassifier<TRow> =>
        deployed.Model.Predict(deployed.Prepare(new[] { row })[0]);

    /// <summary>Whether each label is present in every row, after the artifact's transform.</summary>
    public static bool[][] Predict<TRow, TModel>(this DeployedModel<TRow, TModel> deployed, IReadOnlyList<TRow> rows)
        where TRow : IDatasetRow<TRow> where TModel : torch.nn.Module, IMultiLabelClassifier<TRow> =>
        deployed.Model.Predict(deployed.Prepare(rows));
}
