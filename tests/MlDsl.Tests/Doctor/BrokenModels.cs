using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Doctor;

/// <summary>Deliberately broken twins of <see cref="PointMlp"/>, each with one bug the doctor must name.</summary>
internal static class BrokenModels
{
    /// <summary>The healthy model.</summary>
    public static Module<Tensor, Tensor> Healthy(long seed) => new PointMlp(seed);

    /// <summary>Its input is overwritten with zeros in forward: the model cannot use it.</summary>
    public static Module<Tensor, Tensor> InputIgnored(long seed) => new Wrapped(new PointMlp(seed), input => zeros_like(input), output => output);

    /// <summary>Its output is detached from the parameters (a stray detach() in forward).</summary>
    public static Module<Tensor, Tensor> OutputDetached(long seed) => new Wrapped(new PointMlp(seed), input => input, output => output.detach());

    /// <summary>Every parameter frozen, as after loading pretrained weights and forgetting to unfreeze.</summary>
    public static Module<Tensor, Tensor> AllFrozen(long seed) => Freeze(new PointMlp(seed), "");

    /// <summary>The first layer frozen.</summary>
    public static Module<Tensor, Tensor> HiddenFrozen(long seed) => Freeze(new PointMlp(seed), "hidden.");

    /// <summary>The output layer's bias starts at 20 for the first class: the untrained model is confidently wrong on every other class.</summary>
    public static Module<Tensor, Tensor> WrongInit(long seed)
    {
        var model = new PointMlp(seed);
        using (no_grad())
            foreach (var (name, parameter) in model.named_parameters())
                if (name == "output.bias") parameter[0] = 20;
        return model;
    }

    /// <summary>The first layer's bias so negative that its ReLU never fires.</summary>
    public static Module<Tensor, Tensor> DeadRelu(long seed)
    {
        var model = new PointMlp(seed);
        using (no_grad())
            foreach (var (name, parameter) in model.named_parameters())
                if (name == "hidden.bias") parameter.fill_(-100);
        return model;
    }

    /// <summary>A hand-written two-layer network whose forward detaches between the layers: no gradient reaches the first.</summary>
    public static Module<Tensor, Tensor> DetachedInTheMiddle(long seed) => new CutNetwork(seed);

    private static Module<Tensor, Tensor> Freeze(Module<Tensor, Tensor> model, string prefix)
    {
        foreach (var (name, parameter) in model.named_parameters())
            if (name.StartsWith(prefix, StringComparison.Ordinal)) parameter.requires_grad = false;
        return model;
    }

    private sealed class Wrapped : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> inner;
        private readonly Func<Tensor, Tensor> before, after;

        public Wrapped(Module<Tensor, Tensor> inner, Func<Tensor, Tensor> before, Func<Tensor, Tensor> after) : base("Wrapped")
        {
            this.inner = inner;
            this.before = before;
            this.after = after;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => after(inner.forward(before(input)));
    }

    private sealed class CutNetwork : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> first, second;

        public CutNetwork(long seed) : base("CutNetwork")
        {
            torch.manual_seed(seed);
            first = Linear(4, 32);
            second = Linear(32, 3);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var hidden = functional.relu(first.forward(input));
            return second.forward(hidden.detach());
        }
    }
}
