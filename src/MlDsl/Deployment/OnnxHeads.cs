namespace MlDsl.Deployment;

/// <summary>
/// The prediction heads over ONNX Runtime's outputs, computed as the TorchSharp predictors compute them over the same
/// logits: argmax (first of equal maxima), softmax, sigmoid in float compared with 0.5, a regression's single value.
/// </summary>
internal static class OnnxHeads
{
    private const float Threshold = 0.5f;

    public static int Class(float[] logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++)
            if (logits[i] > logits[best]) best = i;
        return best;
    }

    public static int[] Classes(float[][] logits) => Array.ConvertAll(logits, Class);

    public static float[][] Softmax(float[][] logits) => Array.ConvertAll(logits, row =>
    {
        float max = row.Max();
        double[] exp = Array.ConvertAll(row, value => Math.Exp(value - max));
        double sum = exp.Sum();
        return Array.ConvertAll(exp, value => (float)(value / sum));
    });

    public static bool[] Present(float[] logits) => Array.ConvertAll(logits, logit => 1f / (1f + MathF.Exp(-logit)) > Threshold);

    public static bool[][] Present(float[][] logits) => Array.ConvertAll(logits, Present);

    public static float[] Values(float[][] outputs) => Array.ConvertAll(outputs, row => row[0]);
}
