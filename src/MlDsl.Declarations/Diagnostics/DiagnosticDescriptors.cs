using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MlDsl.Declarations.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each id has a page in analyzers/docs/rules.</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "MlDsl";

    public static readonly DiagnosticDescriptor LayerInputMismatch = Error("MLDSL0001", "Layer input size mismatch", "{0}");
    public static readonly DiagnosticDescriptor RankMismatch = Error("MLDSL0002", "Layer receives a tensor of the wrong rank", "{0}");
    public static readonly DiagnosticDescriptor MissingFlatten = Error("MLDSL0003", "Linear layer receives an unflattened tensor", "{0}");
    public static readonly DiagnosticDescriptor SpatialCollapse = Error("MLDSL0004", "A spatial dimension collapses to zero or less", "{0}");
    public static readonly DiagnosticDescriptor OutputClassMismatch = Error("MLDSL0005", "Model output does not match the label's classes", "{0}");
    public static readonly DiagnosticDescriptor InvalidLayerArgument = Error("MLDSL0006", "Layer argument out of range", "{0}");
    public static readonly DiagnosticDescriptor NotADataset = Error("MLDSL0007", "Model dataset is not a [Dataset]", "Model '{0}' names '{1}' as its dataset, but '{1}' has no [Dataset] attribute");
    public static readonly DiagnosticDescriptor MissingLabel = Error("MLDSL0008", "Dataset has no usable label", "Dataset '{0}' {1}");
    public static readonly DiagnosticDescriptor InvalidFeature = Error("MLDSL0009", "Feature cannot be turned into a tensor", "Feature '{0}.{1}' {2}");
    public static readonly DiagnosticDescriptor InvalidLayerMember = Error("MLDSL0010", "Layer member must be an instance field of type Layer", "Layer member '{0}' must be an instance field of type Layer (TorchSharp's Module<Tensor, Tensor>)");
    public static readonly DiagnosticDescriptor NoLayers = Error("MLDSL0011", "Model declares no layers", "Model '{0}' declares no layer members");
    public static readonly DiagnosticDescriptor UnknownLayer = Error("MLDSL0012", "Unknown layer attribute", "'{0}' on member '{1}' is a layer attribute MlDsl does not know");

    public static readonly DiagnosticDescriptor LayerAfterOutput = Warning("MLDSL0013", "Layer after the output layer", "{0}");
    public static readonly DiagnosticDescriptor SoftmaxBeforeCrossEntropy = Warning("MLDSL0014", "Output squashed before cross-entropy", "{0}");
    public static readonly DiagnosticDescriptor LayersAcrossPartials = Warning("MLDSL0015", "Layers declared in several partial declarations",
        "Model '{0}' declares layer members in {1} partial declarations; their order, and so the network, is undefined: declare all layers in one");

    // Data leakage: results that look good because the model (or its preprocessing) saw what it is judged on.
    public static readonly DiagnosticDescriptor PreprocessingLeakage = Warning("MLDSL0016", "Preprocessing fitted on more than the training split", "{0}");
    public static readonly DiagnosticDescriptor LabelLeakage = Warning("MLDSL0017", "Feature computed from the label", "{0}");
    public static readonly DiagnosticDescriptor TestSetSelection = Warning("MLDSL0018", "Test split used to train or select the model", "{0}");
    public static readonly DiagnosticDescriptor SplitIgnoresGroupsOrTime = Warning("MLDSL0019", "Split ignores the dataset's groups or time", "{0}");
    public static readonly DiagnosticDescriptor SameDataTrainAndValidation = Warning("MLDSL0020", "Same rows used for training and validation", "{0}");
    public static readonly DiagnosticDescriptor IdentifierAsFeature = Warning("MLDSL0021", "Identifier used as a feature", "{0}");

    public static readonly DiagnosticDescriptor PipelineModelNotAModel = Error("MLDSL0022", "Pipeline model is not a [Model]",
        "Pipeline '{0}' trains '{1}', which has no [Model(typeof(row))] attribute");
    public static readonly DiagnosticDescriptor PipelineWithoutIngest = Error("MLDSL0023", "Pipeline has no usable [Ingest] method",
        "Pipeline '{0}' needs one static, parameterless [Ingest] method returning IReadOnlyList<{1}>");

    public static readonly DiagnosticDescriptor BatchNormWithBatchOfOne = Info("MLDSL0024", "BatchNorm trained with batches of one", "{0}");

    public static readonly DiagnosticDescriptor StratifiedWithoutClasses = Error("MLDSL0025", "Stratified split of a label that is not a class", "{0}");

    public static readonly DiagnosticDescriptor RowsMultipliedBeforeSplit = Warning("MLDSL0026", "Rows multiplied before the split", "{0}");
    public static readonly DiagnosticDescriptor ScoreOnTrainingRows = Warning("MLDSL0027", "Model scored on rows it trained on", "{0}");
    public static readonly DiagnosticDescriptor InSamplePredictions = Warning("MLDSL0028", "In-sample predictions used as features", "{0}");
    public static readonly DiagnosticDescriptor FeatureKnownAfterLabel = Error("MLDSL0029", "Feature known only with or after the label", "{0}");
    public static readonly DiagnosticDescriptor CannotExtendDeclaration = Error("MLDSL0030", "Declaration the generator cannot extend", "{0}");
    public static readonly DiagnosticDescriptor EmbeddingVocabulary = Error("MLDSL0033", "Token ids do not reach an Embedding that covers them", "{0}");

    public static readonly DiagnosticDescriptor BatchNormSingleValuePerChannel = Error("MLDSL0031", "BatchNorm sees one value per channel in a batch", "{0}");
    public static readonly DiagnosticDescriptor LogSoftmaxBeforeCrossEntropy = Info("MLDSL0032", "LogSoftmax before cross-entropy changes nothing", "{0}");

    // Blocks and graphs (issue 19): MLDSL0034 onward.
    public static readonly DiagnosticDescriptor ResidualShapeMismatch = Error("MLDSL0034", "Residual shortcut cannot match the block's output", "{0}");
    public static readonly DiagnosticDescriptor BlockArgumentMismatch = Error("MLDSL0035", "Block used with the wrong arguments", "{0}");
    public static readonly DiagnosticDescriptor InvalidBlockUse = Error("MLDSL0036", "Block member cannot be built", "{0}");
    public static readonly DiagnosticDescriptor UserModuleWithoutContract = Error("MLDSL0037", "TorchSharp module member without a usable shape contract", "{0}");
    public static readonly DiagnosticDescriptor InvalidBranch = Error("MLDSL0038", "Branch reads a feature or member that does not exist", "{0}");
    public static readonly DiagnosticDescriptor JoinShapeMismatch = Error("MLDSL0039", "Joined branches have shapes that do not fit together", "{0}");
    public static readonly DiagnosticDescriptor UnusedInput = Warning("MLDSL0040", "Feature or branch output that nothing reads", "{0}");

    public static readonly DiagnosticDescriptor InvalidTargetEncoding = Error("MLDSL0041", "Target encoding cannot read its category or write its feature", "{0}");

    public static readonly DiagnosticDescriptor GeneratedFieldCollision = Error("MLDSL0042", "Layer's generated field takes a name already in use", "{0}");

    public static readonly DiagnosticDescriptor StageOptionOutOfRange = Error("MLDSL0043", "Pipeline stage option out of range", "{0}");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        LayerInputMismatch, RankMismatch, MissingFlatten, SpatialCollapse, OutputClassMismatch, InvalidLayerArgument,
        NotADataset, MissingLabel, InvalidFeature, InvalidLayerMember, NoLayers, UnknownLayer,
        LayerAfterOutput, SoftmaxBeforeCrossEntropy, LayersAcrossPartials,
        PreprocessingLeakage, LabelLeakage, TestSetSelection, SplitIgnoresGroupsOrTime, SameDataTrainAndValidation, IdentifierAsFeature,
        PipelineModelNotAModel, PipelineWithoutIngest, BatchNormWithBatchOfOne, StratifiedWithoutClasses,
        RowsMultipliedBeforeSplit, ScoreOnTrainingRows, InSamplePredictions, FeatureKnownAfterLabel,
        CannotExtendDeclaration, BatchNormSingleValuePerChannel, LogSoftmaxBeforeCrossEntropy, EmbeddingVocabulary,
        ResidualShapeMismatch, BlockArgumentMismatch, InvalidBlockUse, UserModuleWithoutContract,
        InvalidBranch, JoinShapeMismatch, UnusedInput, InvalidTargetEncoding, GeneratedFieldCollision,
        StageOptionOutOfRange,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Index = All.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor ById(string id) => Index[id];

    public static string HelpLink(string id) => $"https://github.com/mldsl/mldsl/blob/main/analyzers/docs/rules/{id}.md";

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
