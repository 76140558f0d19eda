namespace MlDsl.Examples.BreastCancer;

/// <summary>A small MLP over the 30 standardized measurements.</summary>
[Model(typeof(Tumour))]
public sealed partial class TumourMlp
{
    [Linear(32), Relu, Dropout(0.2)] Layer hidden;
    [Linear(16), Relu] Layer narrow;
    [Linear(2)] Layer output;
}
