using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace MlDsl.Deployment.Onnx;

/// <summary>
/// The audio front end as plain ONNX operators, as a frame-and-matrix formulation: the STFT is a
/// strided Conv whose kernels are the windowed real and imaginary DFT bases (every runtime has Conv;
/// not every one has opset 17's STFT), followed by the mel filter bank as a MatMul.
/// </summary>
public sealed partial class OnnxGraph
{
    /// <summary>
    /// (N, samples) to a power mel spectrogram (N, 1, mels, frames) with centred frames (reflect
    /// padding of nFft / 2), the module's periodic Hann window and filter bank — <see cref="MlDsl.Audio.MelSpectrogram"/>.
    /// </summary>
    public string MelSpectrogram(string x, nn.Module module, int nFft, int hop)
    {
        var spectrogram = Expect<MlDsl.Audio.MelSpectrogram>(module);
        Tensor window = spectrogram.Window, filters = spectrogram.Filters; // [nFft], [bins, mels]
        int bins = nFft / 2 + 1;
        string padded = Add("Pad", new[] { x, Int64s(0, nFft / 2, 0, nFft / 2) }, Text("mode", "reflect"));
        string signal = Add("Unsqueeze", new[] { padded, Int64s(1) });                      // [N, 1, S']
        string frames = Add("Conv", new[] { signal, DftKernels(window, nFft, bins) },
            Ints("kernel_shape", nFft), Ints("strides", hop));                                // [N, 2·bins, T]
        string squared = Add("Mul", new[] { frames, frames });
        string parts = Add("Reshape", new[] { squared, Int64s(0, 2, bins, -1) });           // [N, 2, bins, T]
        string power = Add("ReduceSum", new[] { parts, Int64s(1) }, Int("keepdims", 0));    // [N, bins, T]
        string byFrame = Add("Transpose", new[] { power }, Ints("perm", 0, 2, 1));          // [N, T, bins]
        string mel = Add("MatMul", new[] { byFrame, Initializer(filters) });                 // [N, T, mels]
        string byMel = Add("Transpose", new[] { mel }, Ints("perm", 0, 2, 1));              // [N, mels, T]
        return Add("Unsqueeze", new[] { byMel, Int64s(1) });                                 // [N, 1, mels, T]
    }

    /// <summary>10·log10(max(x, 1e-10)) floored at <paramref name="topDb"/> below each example's peak over its <paramref name="rank"/> non-batch dimensions.</summary>
    public string AmplitudeToDb(string x, double topDb, int rank)
    {
        string clamped = Add("Max", new[] { x, Constant(1e-10f) });
        string ln = Add("Log", new[] { clamped });
        string db = Add("Mul", new[] { ln, Constant((float)(10 / Math.Log(10))) });
        long[] axes = Enumerable.Range(1, rank).Select(axis => (long)axis).ToArray();
        string peak = Add("ReduceMax", new[] { db }, Ints("axes", axes), Int("keepdims", 1));
        string floor = Add("Sub", new[] { peak, Constant((float)topDb) });
        return Add("Max", new[] { db, floor });
    }

    /// <summary>MFCCs (N, 1, coefficients, frames): the module's mel spectrogram, decibels with an 80 dB floor, and its DCT-II matrix.</summary>
    public string Mfcc(string x, nn.Module module, int nFft, int hop)
    {
        var mfcc = Expect<MlDsl.Audio.Mfcc>(module);
        string db = AmplitudeToDb(MelSpectrogram(x, mfcc.Mel, nFft, hop), 80, 3);            // [N, 1, mels, T]
        string byFrame = Add("Transpose", new[] { db }, Ints("perm", 0, 1, 3, 2));           // [N, 1, T, mels]
        string coefficients = Add("MatMul", new[] { byFrame, Initializer(mfcc.Dct) });
        return Add("Transpose", new[] { coefficients }, Ints("perm", 0, 1, 3, 2));          // [N, 1, C, T]
    }

    /// <summary>Conv kernels [2·bins, 1, nFft]: window·cos(2πkn/N) for each bin, then −window·sin(2πkn/N).</summary>
    private string DftKernels(Tensor window, int nFft, int bins)
    {
        float[] w = window.to_type(ScalarType.Float32).data<float>().ToArray();
        var kernels = new float[2 * bins * nFft];
        for (int k = 0; k < bins; k++)
            for (int n = 0; n < nFft; n++)
            {
                double angle = 2 * Math.PI * ((long)k * n % nFft) / nFft;
                kernels[k * nFft + n] = (float)(w[n] * Math.Cos(angle));
                kernels[(bins + k) * nFft + n] = (float)(-w[n] * Math.Sin(angle));
            }
        return Initializer(kernels, 2 * bins, 1, nFft);
    }

    private static T Expect<T>(nn.Module module) where T : nn.Module =>
        module as T ?? throw new InvalidOperationException($"Cannot export '{module.GetName()}' to ONNX as {typeof(T).Name}: it is a {module.GetType().Name}");

    private static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = Google.Protobuf.ByteString.CopyFromUtf8(value) };
}
