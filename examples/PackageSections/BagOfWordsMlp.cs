namespace MlDsl.Examples.PackageSections;

/// <summary>The baseline every text model must beat: a multilayer perceptron over the bag of words.</summary>
[Model(typeof(PackageDescription))]
public sealed partial class BagOfWordsMlp
{
    [Linear(256), Relu, Dropout(0.5)] Layer hidden;
    [Linear(PackageDescription.SectionCount)] Layer output;
}
