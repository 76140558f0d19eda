namespace MlDsl.Examples.BreastCancer;

/// <summary>
/// One patient of scikit-learn's diabetes data (real, from Debian's python3-sklearn): ten baseline
/// measurements and the disease progression a year later. A regression label: a float.
/// </summary>
[Dataset]
public sealed partial record DiabetesPatient
{
    /// <summary>Age, sex, BMI, blood pressure and six blood serum measurements.</summary>
    [Feature, Shape(10), Column(0)] public required float[] Measurements { get; init; }

    /// <summary>Disease progression one year later (25 to 346); the model trains on it standardized and predicts in these units.</summary>
    [Label, Column(10)] public float Progression { get; init; }

    /// <summary>The recorded sex (1 or 2), kept for per-slice errors; the model sees it as Measurements[1].</summary>
    [Slice, Column(11)] public required string Sex { get; init; }
}

[Model(typeof(DiabetesPatient))]
public sealed partial class ProgressionMlp
{
    [Linear(32), Relu] Layer hidden;
    [Linear(1)] Layer output;
}
