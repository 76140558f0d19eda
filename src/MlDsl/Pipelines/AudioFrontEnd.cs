using BindingFlags = System.Reflection.BindingFlags;
using MlDsl.Audio;
using MlDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Pipelines;

/// <summary>
/// The audio layers a model starts with (MelSpectrogram, AmplitudeToDb, Mfcc), so a plot can show
/// the features the model itself sees rather than a spectrogram computed some other way.
/// </summary>
internal sealed class AudioFrontEnd
{
    private readonly Device device;

    private AudioFrontEnd(IReadOnlyList<Module<Tensor, Tensor>> layers)
    {
        Layers = layers;
        // The front end computes on the device its window and filter buffers live on.
        device = layers.SelectMany(layer => layer.buffers()).Select(buffer => buffer.device).FirstOrDefault() ?? CPU;
    }

    /// <summary>The front end's layers in the order the model runs them; borrowed from the model, not owned.</summary>
    public IReadOnlyList<Module<Tensor, Tensor>> Layers { get; }

    /// <summary>The sample rate of the waveforms the front end takes, in Hz.</summary>
    public int SampleRate => Layers.Select(layer => layer switch { MelSpectrogram mel => mel.SampleRate, Mfcc mfcc => mfcc.SampleRate, _ => 0 }).First(rate => rate > 0);

    /// <summary>What the vertical axis of the output counts: mel bins, or cepstral coefficients after an Mfcc.</summary>
    public string BinLabel => Layers.Any(layer => layer is Mfcc) ? "MFCC coefficient" : "mel bin";

    /// <summary>The leading run of audio front-end layers of <paramref name="model"/>, or null when it does not start with one.</summary>
    public static AudioFrontEnd? Find(Module model)
    {
        var layers = new List<Module<Tensor, Tensor>>();
        foreach (Module layer in InForwardOrder(model))
        {
            // Augmentations are identity outside training; skipping them keeps the picture independent of the model's mode.
            if (layer is WaveAugment or SpecAugment) continue;
            if (layer is not (MelSpectrogram or AmplitudeToDb or Mfcc)) break;
            layers.Add((Module<Tensor, Tensor>)layer);
        }
        return layers.Count == 0 ? null : new AudioFrontEnd(layers);
    }

    /// <summary>Per row, the front end's output as [bin, frame] with bin 0 the lowest frequency, computed without gradients.</summary>
    public double[][,] Features<TRow>(IReadOnlyList<TRow> rows) where TRow : ITensorRow<TRow>
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        Tensor output = BatchCollator.CollateFeatures(rows, 0, rows.Count, device);
        foreach (Module<Tensor, Tensor> layer in Layers)
            output = layer.forward(output);
        // MelSpectrogram and Mfcc give (N, 1, bins, frames); a bare (N, bins, frames) is taken as it is.
        if (output.dim() == 4) output = output.select(1, 0);
        if (output.dim() != 3)
            throw new InvalidOperationException($"The audio front end gave a tensor of shape ({string.Join(", ", output.shape)}); expected (N, 1, bins, frames)");
        int bins = (int)output.shape[1], frames = (int)output.shape[2];
        double[] values = output.to(float64).cpu().contiguous().data<double>().ToArray();
        var result = new double[rows.Count][,];
        for (int row = 0; row < rows.Count; row++)
        {
            result[row] = new double[bins, frames];
            Buffer.BlockCopy(values, row * bins * frames * sizeof(double), result[row], 0, bins * frames * sizeof(double));
        }
        return result;
    }

    // Generated models register the user's fields before the generated ones (reflection order), so
    // registration order is not forward order; their static LayerShapes lists layers as forward runs them.
    private static IEnumerable<Module> InForwardOrder(Module model)
    {
        var children = model.named_children().ToList();
        if (model.GetType().GetProperty("LayerShapes", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not IReadOnlyList<LayerShape> shapes)
            return children.Select(child => child.module);
        var byName = children.ToDictionary(child => child.name, child => child.module);
        return shapes.Select(shape => byName.GetValueOrDefault(shape.Name)).OfType<Module>();
    }
}
