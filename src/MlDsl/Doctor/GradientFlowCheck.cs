using System.Globalization;
using MlDsl.Runtime;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Doctor;

/// <summary>
/// Gradient flow: per parameter, gradient and update-to-weight ratios over a few real training
/// steps, and per ReLU the share of dead units. Fails when a parameter gets no gradient (frozen or
/// cut off), a gradient is not finite, an update is larger than the weights it changes (exploding),
/// or most of a ReLU's units are dead; warns on vanishing gradients and many dead units.
/// </summary>
internal static class GradientFlowCheck
{
    public const string Name = "gradient flow";

    /// <summary>An update larger than this share of the weight's norm explodes; above <see cref="LargeUpdate"/> it is suspicious.</summary>
    public const double ExplodingUpdate = 1, LargeUpdate = 0.3;

    /// <summary>A gradient norm below this share of the largest layer's is vanishing.</summary>
    public const double VanishingShare = 1e-4;

    /// <summary>Dead-unit shares of a ReLU that fail and warn.</summary>
    public const double DeadFail = 0.5, DeadWarn = 0.2;

    public static (DoctorFinding Finding, IReadOnlyList<LayerFlow> Flow, IReadOnlyList<ReluActivity> Relus) Run(DoctorSession session)
    {
        using Module<Tensor, Tensor> model = session.NewModel(salt: 3);
        var objective = session.Objective(model);
        using var criterion = objective.Criterion(null);
        using var optimizer = session.Optimizer(model);
        using var order = session.Shuffled(3);
        var parameters = model.named_parameters().ToArray();
        var sums = new double[parameters.Length, 3];
        var finite = new bool[parameters.Length];
        Array.Fill(finite, true);
        GradientReach? reach = null;
        long batch = Math.Min(session.Training.BatchSize, session.Count);
        int steps = session.Options.GradientSteps;
        try
        {
            for (int step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                long start = step * batch % session.Count;
                Tensor indices = order.narrow(0, start, Math.Min(batch, session.Count - start));
                Tensor[] before = parameters.Select(pair => pair.parameter.detach().clone()).ToArray();
                session.Step(model, objective, criterion, optimizer, session.Data.Features.index_select(0, indices), session.Data.Labels.index_select(0, indices));
                reach ??= GradientReach.Of(model);
                for (int p = 0; p < parameters.Length; p++)
                {
                    Tensor weight = parameters[p].parameter.detach();
                    double weightNorm = Norm(before[p]);
                    double gradient = parameters[p].parameter.grad is { } grad ? Norm(grad) : 0;
                    double update = Norm(weight - before[p]);
                    finite[p] &= double.IsFinite(gradient) && double.IsFinite(update);
                    sums[p, 0] += gradient / steps;
                    sums[p, 1] += weightNorm > 0 ? gradient / weightNorm / steps : 0;
                    sums[p, 2] += weightNorm > 0 ? update / weightNorm / steps : 0;
                }
            }
        }
        catch (LossWithoutGradientException missing)
        {
            return (new DoctorFinding(Name, DoctorVerdict.Fail, missing.Message, missing.Advice) { Layers = missing.Trainable }, Array.Empty<LayerFlow>(), Array.Empty<ReluActivity>());
        }
        var flow = parameters.Select((pair, p) => new LayerFlow(pair.name, sums[p, 0], sums[p, 1], sums[p, 2])).ToArray();
        IReadOnlyList<ReluActivity> relus = DeadRelus(session, model, order);
        return (Judge(flow, finite, reach!, relus, steps), flow, relus);
    }

    private static DoctorFinding Judge(LayerFlow[] flow, bool[] finite, GradientReach reach, IReadOnlyList<ReluActivity> relus, int steps)
    {
        // Ratios are judged on weights (matrices, kernels): biases and norms start at 0 or 1 and say little.
        LayerFlow[] weights = flow.Where(layer => layer.Parameter.EndsWith("weight", StringComparison.Ordinal) && layer.GradientNorm > 0).ToArray();
        string Ratio(LayerFlow layer) => string.Create(CultureInfo.InvariantCulture, $"{layer.Parameter} {layer.UpdateToWeight:0.0e+0}");
        string measured = $"update/weight over {steps} steps: " + (weights.Length == 0 ? "none measured" : string.Join(", ", weights.Select(Ratio)))
            + (relus.Count == 0 ? "" : "; dead ReLU units: " + string.Join(", ", relus.Select(relu => string.Create(CultureInfo.InvariantCulture, $"{relu.Layer} {relu.DeadShare * 100:F0}%"))));
        var problems = new List<string>();
        var layers = new List<string>();
        string[] nonFinite = flow.Where((_, p) => !finite[p]).Select(layer => layer.Parameter).ToArray();
        if (nonFinite.Length > 0) { problems.Add($"gradients or updates of {string.Join(", ", nonFinite)} are not finite (exploding): lower the learning rate or clip gradients"); layers.AddRange(nonFinite); }
        if (reach.Describe() is { } stops) { problems.Add(stops); layers.AddRange(reach.Layers); }
        LayerFlow[] exploding = weights.Where(layer => layer.UpdateToWeight > ExplodingUpdate).ToArray();
        if (exploding.Length > 0)
        {
            problems.Add($"updates larger than the weights of {string.Join(", ", exploding.Select(layer => layer.Parameter))} (exploding): the learning rate is far too high");
            layers.AddRange(exploding.Select(layer => layer.Parameter));
        }
        ReluActivity[] dead = relus.Where(relu => relu.DeadShare > DeadFail).ToArray();
        if (dead.Length > 0)
        {
            problems.Add($"most units of {string.Join(", ", dead.Select(relu => relu.Layer))} are dead (zero for every row): the layer before starts with large negative outputs; fix its initialisation or bias, or lower the learning rate");
            layers.AddRange(dead.Select(relu => relu.Layer));
        }
        if (problems.Count > 0) return new DoctorFinding(Name, DoctorVerdict.Fail, measured, string.Join("; ", problems)) { Layers = layers.Distinct().ToArray() };

        var warnings = new List<string>();
        double largest = weights.Select(layer => layer.GradientNorm).DefaultIfEmpty(0).Max();
        LayerFlow[] vanishing = weights.Where(layer => layer.GradientNorm < VanishingShare * largest).ToArray();
        if (vanishing.Length > 0) warnings.Add($"gradients of {string.Join(", ", vanishing.Select(layer => layer.Parameter))} are below {VanishingShare:0e0} of the largest (vanishing): add normalisation or residual paths, or use ReLU/GELU instead of saturating activations");
        LayerFlow[] large = weights.Where(layer => layer.UpdateToWeight > LargeUpdate).ToArray();
        if (large.Length > 0) warnings.Add($"updates above {LargeUpdate * 100:F0}% of the weights of {string.Join(", ", large.Select(layer => layer.Parameter))}: the learning rate may be too high");
        ReluActivity[] dying = relus.Where(relu => relu.DeadShare > DeadWarn).ToArray();
        if (dying.Length > 0) warnings.Add($"many dead units in {string.Join(", ", dying.Select(relu => relu.Layer))}");
        return warnings.Count > 0
            ? new DoctorFinding(Name, DoctorVerdict.Warn, measured, string.Join("; ", warnings)) { Layers = vanishing.Concat(large).Select(layer => layer.Parameter).Concat(dying.Select(relu => relu.Layer)).ToArray() }
            : new DoctorFinding(Name, DoctorVerdict.Pass, measured, "every layer gets a finite gradient and moves by a sensible share of its weights");
    }

    /// <summary>For a generated model: each ReLU layer's share of units zero for every row of a batch (eval mode); empty otherwise.</summary>
    private static IReadOnlyList<ReluActivity> DeadRelus(DoctorSession session, Module<Tensor, Tensor> model, Tensor order)
    {
        if (LayerOrder.Of(model) is not { } layers || !layers.Any(layer => layer.Kind == "ReLU")) return Array.Empty<ReluActivity>();
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        model.eval();
        Tensor output = session.Data.Features.index_select(0, order.narrow(0, 0, Math.Min(256, session.Count)));
        var result = new List<ReluActivity>();
        foreach (var (name, kind, layer) in layers)
        {
            output = layer.forward(output);
            if (kind != "ReLU") continue;
            // A unit is a feature of a flat output, a channel of a spatial one: alive if it fires anywhere for any row.
            Tensor alive = output.dim() > 2 ? output.transpose(0, 1).flatten(1).gt(HeldScalars.Zero).any(1) : output.gt(HeldScalars.Zero).any(0);
            result.Add(new ReluActivity(name, 1 - alive.to(float64).mean().item<double>(), (int)alive.numel()));
        }
        return result;
    }

    private static double Norm(Tensor tensor)
    {
        using Tensor wide = tensor.to(float64);
        return wide.mul(wide).sum().sqrt().item<double>();
    }
}
