using static TorchSharp.torch;

namespace MlDsl.Layers;

/// <summary>What a recurrent layer returns when it returns one vector per sequence.</summary>
internal static class RecurrentState
{
    /// <summary>
    /// What the layer returns: the whole output sequence (N, steps, H × directions) with
    /// <paramref name="returnSequences"/>, else <see cref="LastLayer"/> of the final hidden state; the other is disposed.
    /// </summary>
    public static Tensor Select(Tensor output, Tensor hidden, long directions, bool returnSequences)
    {
        if (returnSequences)
        {
            hidden.Dispose();
            return output;
        }
        output.Dispose();
        using (hidden)
            return LastLayer(hidden, directions);
    }

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
