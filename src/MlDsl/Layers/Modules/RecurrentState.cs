using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>What a recurrent layer returns when it returns one vector per sequence.</summary>
internal static class RecurrentState
{
    /// <summary>
    /// The last layer's final hidden state, both directions side by side: from (layers × directions, N, H)
    /// to (N, directions × H), forward first as in the output sequence. For a bidirectional layer this is
    /// not the output's last step, where the backward direction has read one step only.
    /// </summary>
    public static Tensor LastLayer(Tensor hidden, long directions)
    {
        long batch = hidden.shape[1], width = hidden.shape[2];
        using Tensor last = hidden.narrow(0, hidden.shape[0] - directions, directions);
        using Tensor batchFirst = last.transpose(0, 1);
        // Sizes spelled out: an empty batch has no elements from which to infer a -1.
        return batchFirst.reshape(batch, directions * width);
    }
}
