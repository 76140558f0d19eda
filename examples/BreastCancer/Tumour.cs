namespace MlDsl.Examples.BreastCancer;

/// <summary>
/// One row of the Wisconsin diagnostic breast-cancer data (scikit-learn's copy): 30 measurements of
/// cell nuclei, and whether the tumour was malignant (0) or benign (1). The file has no header, so
/// members are read by column index.
/// </summary>
[Dataset]
public sealed partial record Tumour
{
    [Feature, Shape(30), Column(0)] public required float[] Measurements { get; init; }
    [Label(Classes = 2), Column(30)] public required int Diagnosis { get; init; }
}
