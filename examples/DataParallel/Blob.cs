namespace MlDsl.Examples.DataParallel;

/// <summary>A point near one of four centres in 16 dimensions; the centre is the class.</summary>
[Dataset]
public sealed partial record Blob
{
    public const int Dimensions = 16;

    [Feature, Shape(Dimensions)] public required float[] Position { get; init; }
    [Label(Classes = 4)] public required int Centre { get; init; }
}

/// <summary>
/// A plain MLP: no dropout and no batch norm, whose results depend on how a batch is cut between
/// ranks, so N ranks reach the weights of one rank (up to float rounding).
/// </summary>
[Model(typeof(Blob))]
public sealed partial class BlobMlp
{
    [Linear(256), Relu] Layer hidden;
    [Linear(256), Relu] Layer hidden2;
    [Linear(4)] Layer output;
}
