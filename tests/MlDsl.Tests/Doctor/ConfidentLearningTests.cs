using MlDsl.Doctor;

namespace MlDsl.Tests.Doctor;

public sealed class ConfidentLearningTests
{
    [Fact]
    public void A_row_whose_probabilities_confidently_name_another_class_is_flagged_with_both_classes()
    {
        int[] labels = { 0, 0, 0, 0, 1, 1, 1, 1 };
        float[][] probabilities =
        {
            new[] { 0.9f, 0.1f }, new[] { 0.8f, 0.2f }, new[] { 0.85f, 0.15f }, new[] { 0.05f, 0.95f },
            new[] { 0.1f, 0.9f }, new[] { 0.2f, 0.8f }, new[] { 0.3f, 0.7f }, new[] { 0.15f, 0.85f },
        };

        LabelSuspect suspect = Assert.Single(ConfidentLearning.FindSuspects(labels, probabilities));

        Assert.Equal(new LabelSuspect(3, 0, 1, 0.05f, 0.95f), suspect);
    }

    [Fact]
    public void A_row_the_model_agrees_with_is_never_flagged_however_unsure()
    {
        int[] labels = { 0, 0, 1, 1 };
        float[][] probabilities = { new[] { 0.55f, 0.45f }, new[] { 0.6f, 0.4f }, new[] { 0.45f, 0.55f }, new[] { 0.4f, 0.6f } };

        Assert.Empty(ConfidentLearning.FindSuspects(labels, probabilities));
    }

    [Fact]
    public void Suspects_come_most_disputed_first()
    {
        int[] labels = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1 };
        float[][] probabilities = labels.Select((label, i) => i switch
        {
            2 => new[] { 0.08f, 0.92f },
            4 => new[] { 0.02f, 0.98f },
            _ => label == 0 ? new[] { 0.9f, 0.1f } : new[] { 0.1f, 0.9f },
        }).ToArray();

        Assert.Equal(new[] { 4, 2 }, ConfidentLearning.FindSuspects(labels, probabilities).Select(suspect => suspect.Row));
    }

    [Fact]
    public void Mismatched_inputs_are_refused_by_name()
    {
        var error = Assert.Throws<DoctorException>(() => ConfidentLearning.FindSuspects(new[] { 0, 3 }, new[] { new[] { 0.5f, 0.5f }, new[] { 0.5f, 0.5f } }));

        Assert.Equal("labels", error.Option);
        Assert.Contains("row 1 has label 3; expected a class in [0, 1]", error.Message);
    }
}
