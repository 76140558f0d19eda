using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Benchmarks;

/// <summary>The peer: the same Keras CNN as a TorchSharp user writes it by hand, with Sequential.</summary>
internal static class HandWrittenCnn
{
    public static Module<Tensor, Tensor> Create() => Sequential(
        ("conv1", Conv2d(1, 32, 3)),
        ("relu1", ReLU()),
        ("conv2", Conv2d(32, 64, 3)),
        ("relu2", ReLU()),
        ("pool", MaxPool2d(2)),
        ("dropout1", Dropout(0.25)),
        ("flatten", Flatten()),
        ("fc1", Linear(9216, 128)),
        ("relu3", ReLU()),
        ("dropout2", Dropout(0.5)),
        ("fc2", Linear(128, 10)));
}
