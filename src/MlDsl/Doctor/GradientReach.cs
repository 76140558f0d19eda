using MlDsl.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Which parameters a backward pass reached: frozen ones (requires_grad off) and trainable ones whose
/// gradient is missing or exactly zero, in forward order where the model is generated. The gradient
/// stops just after the last of them: the layer named is where to look for a detach, a frozen
/// layer, or a dead activation.
/// </summary>
internal sealed record GradientReach(IReadOnlyList<string> Frozen, IReadOnlyList<string> Unreached)
{
    public bool AllReached => Frozen.Count == 0 && Unreached.Count == 0;

    /// <summary>The gradients as they stand after a backward pass.</summary>
    public static GradientReach Of(Module<Tensor, Tensor> model)
    {
        using var scope = NewDisposeScope();
        var frozen = new List<string>();
        var unreached = new List<string>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.requires_grad) frozen.Add(name);
            else if (parameter.grad is not { } gradient || !gradient.ne(HeldScalars.Zero).any().item<bool>()) unreached.Add(name);
        }
        return new GradientReach(InForwardOrder(model, frozen), InForwardOrder(model, unreached));
    }

    /// <summary>"fc1.weight, fc1.bias are frozen; no gradient reaches conv1.weight (it stops after conv1)", or null when all were reached.</summary>
    public string? Describe()
    {
        if (AllReached) return null;
        var parts = new List<string>();
        if (Frozen.Count > 0) parts.Add($"{string.Join(", ", Frozen)} {(Frozen.Count == 1 ? "is" : "are")} frozen (requires_grad off)");
        if (Unreached.Count > 0)
            parts.Add($"no gradient reaches {string.Join(", ", Unreached)}: it stops after {Layer(Unreached[^1])} (a detach, a zero multiplication or a dead activation after that layer)");
        return string.Join("; ", parts);
    }

    public IReadOnlyList<string> Layers => Frozen.Concat(Unreached).Select(Layer).Distinct().ToArray();

    private static string Layer(string parameter) => parameter.LastIndexOf('.') is var dot and > 0 ? parameter[..dot] : parameter;

    private static IReadOnlyList<string> InForwardOrder(Module<Tensor, Tensor> model, List<string> names)
    {
        if (LayerOrder.Of(model) is not { } layers) return names;
        var position = layers.Select((layer, index) => (layer.Name, index)).ToDictionary(pair => pair.Name, pair => pair.index);
        return names.OrderBy(name => position.GetValueOrDefault(Layer(name), int.MaxValue)).ToArray();
    }
}
