using MlDsl;

namespace MlDsl.Tests.Layers;

/// <summary>
/// One member stacking Conv2d, BatchNorm2d and ReLU twice: the second of each kind is numbered
/// (<c>stemBatchNorm2d_1</c>), so the fields, state_dict keys, ONNX weights and PyTorch attributes stay distinct.
/// </summary>
[Model(typeof(Patch))]
public sealed partial class StackedStemNet
{
    [Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu, Conv2d(8, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer stem;
    [MaxPool2d(2), Flatten, Linear(16), Relu, Linear(16), Relu] Layer body;
    [Linear(4)] Layer head;
}
