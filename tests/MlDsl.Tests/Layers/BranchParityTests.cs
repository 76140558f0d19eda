using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers;

/// <summary>
/// Models with several inputs: the generated forward slices each branch's features out of the collated
/// row and computes exactly what a hand-written TorchSharp two-branch module computes with the same
/// weights; such a model trains, predicts, survives save and load, its summary shows the branches, and its
/// artifact holds a model.onnx that serving reads rows into as it reads any model's.
/// </summary>
public sealed class BranchParityTests
{
    private static readonly string[] Prompts = { "digits", "letters", "phrases" };

    private static List<Recording> Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new Recording
        {
            Language = i % 3,
            // The class shows in both inputs: a brighter band of the spectrogram and the prompt.
            Spectrogram = Enumerable.Range(0, 48).Select(j => (float)(random.NextDouble() + (j / 16 == i % 3 ? 1.5 : 0))).ToArray(),
            Prompt = Prompts[(i + (i % 5 == 0 ? 1 : 0)) % 3],
            Duration = (float)random.NextDouble() * 2,
        }).ToList();
    }

    /// <summary>The batch the generated training loop feeds the model: every row's features written into one flat buffer.</summary>
    private static Tensor Collated<TRow>(List<TRow> rows) where TRow : MlDsl.Data.IDatasetRow<TRow>
    {
        var buffer = new float[rows.Count * TRow.FeatureLength];
        for (int i = 0; i < rows.Count; i++)
            TRow.WriteFeatures(rows[i], buffer.AsSpan(i * TRow.FeatureLength, TRow.FeatureLength));
        return tensor(buffer, new long[] { rows.Count, TRow.FeatureLength });
    }

    /// <summary>The two inputs as a hand-written model takes them: the spectrograms, and the one-hot prompt beside the duration.</summary>
    private static (Tensor Spectrogram, Tensor Meta) Inputs(List<Recording> rows)
    {
        Tensor spectrogram = tensor(rows.SelectMany(row => row.Spectrogram).ToArray(), new long[] { rows.Count, 1, 6, 8 });
        float[] meta = rows.SelectMany(row => Prompts.Select(prompt => prompt == row.Prompt ? 1f : 0f).Append(row.Duration)).ToArray();
        return (spectrogram, tensor(meta, new long[] { rows.Count, 4 }));
    }

    [Fact]
    public void A_two_input_model_computes_what_a_hand_written_two_branch_module_computes_with_the_same_weights()
    {
        using var scope = NewDisposeScope();
        using var model = new RecordingNet(seed: 1);
        using var hand = new HandTwoBranch();
        // Same names, same tensors: the generated state_dict loads into the hand-written module as is.
        Assert.Equal(hand.state_dict().Keys.Order(), model.state_dict().Keys.Order());
        hand.load_state_dict(model.state_dict());

        List<Recording> rows = Rows(6, seed: 2);
        (Tensor spectrogram, Tensor meta) = Inputs(rows);
        using Tensor expected = hand.forward(spectrogram, meta);
        using Tensor actual = model.forward(Collated(rows));

        Assert.Equal(new long[] { 6, 3 }, actual.shape);
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), "the generated two-input forward differs from the hand-written two-branch module");
    }

    [Fact]
    public void Added_branches_read_features_in_the_order_named_even_when_the_row_holds_them_apart()
    {
        using var scope = NewDisposeScope();
        using var model = new RecordingSumNet(seed: 3);
        model.eval();
        var modules = model.named_children().ToDictionary(child => child.name, child => (Module<Tensor, Tensor>)child.module);
        List<Recording> rows = Rows(5, seed: 4);
        (Tensor spectrogram, Tensor meta) = Inputs(rows);
        // The branch reads Duration, then the prompt's one-hot: the reverse of their order in the row.
        Tensor durationFirst = cat(new[] { meta.narrow(1, 3, 1), meta.narrow(1, 0, 3) }, 1);

        Tensor audio = modules["audioLinear"].forward(modules["audio"].forward(spectrogram));
        Tensor metaOut = modules["meta"].forward(durationFirst);
        Tensor expected = modules["headLinear"].forward(modules["head"].forward(audio + metaOut));
        using Tensor actual = model.forward(Collated(rows));

        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), "the generated forward of added branches differs from running them by hand");
    }

    [Fact]
    public void Token_ids_beside_a_number_are_embedded_in_their_own_branch_and_joined_with_the_number()
    {
        using var scope = NewDisposeScope();
        using var model = new ReviewNet(seed: 7);
        model.eval();
        var modules = model.named_children().ToDictionary(child => child.name, child => (Module<Tensor, Tensor>)child.module);
        var rows = new List<Review>
        {
            new() { Words = new[] { 1, 19, 0, 3, 3 }, Stars = 4, Sentiment = 1 },
            new() { Words = new[] { 2, 2, 5, 7, 11 }, Stars = 1, Sentiment = 0 },
        };
        Tensor ids = tensor(rows.SelectMany(row => row.Words).Select(id => (long)id).ToArray(), new long[] { 2, 5 });
        Tensor stars = tensor(rows.Select(row => row.Stars).ToArray(), new long[] { 2, 1 });

        Tensor expected = modules["head"].forward(cat(new[] { modules["wordsFlatten"].forward(modules["words"].forward(ids)), stars }, 1));
        using Tensor actual = model.forward(Collated(rows));

        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-6), "the generated forward of an embedded token branch and a number differs from running them by hand");
        Assert.Equal(2, model.Predict(rows).Length);
    }

    [Fact]
    public void State_dict_keys_follow_the_member_names_of_branches_and_blocks()
    {
        using var model = new RecordingNet(seed: 1);
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Equal(new[] { "audio.conv.bias", "audio.conv.weight", "head.bias", "head.weight", "meta.bias", "meta.weight" }, keys.Order());
        Assert.Equal(RecordingNet.ParameterCount, model.parameters().Sum(parameter => parameter.numel()));
    }

    [Fact]
    public void The_summary_shows_each_branch_its_features_and_the_join()
    {
        string table = RecordingNet.SummaryTable;

        Assert.Contains("Input: Spectrogram (1, 6, 8), Prompt + Duration (4) from Recording", table);
        Assert.Contains("input(Spectrogram) (Input)", table);
        Assert.Contains("audio (SpectrogramBranch)", table);
        Assert.Contains("input(Prompt, Duration) (Input)", table);
        Assert.Contains("concatenate(audio, meta) (Concatenate)", table);
        // The join's width: 4 channels × 4 × 6 from the spectrogram plus 5 from the metadata.
        LayerShape join = RecordingNet.LayerShapes.Single(row => row.Kind == "Join");
        Assert.Equal(new[] { 4 * 4 * 6 + 5 }, join.Output);
        Assert.True(table.IndexOf("input(Prompt", StringComparison.Ordinal) < table.IndexOf("concatenate(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_two_input_model_trains_predicts_and_survives_save_and_load()
    {
        List<Recording> rows = Rows(96, seed: 5);
        using var model = new RecordingNet(seed: 6);

        var report = model.Fit(rows, options: new MlDsl.Training.FitOptions { Epochs = 4, BatchSize = 16, Seed = 6, LearningRate = 0.01 });
        int[] predicted = model.Predict(rows);
        string folder = Directory.CreateTempSubdirectory("mldsl-branches").FullName;
        RecordingNet loaded;
        try
        {
            model.Save(Path.Combine(folder, "clip.mldsl"));
            loaded = RecordingNet.Load(Path.Combine(folder, "clip.mldsl"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        using var disposeLoaded = loaded;

        Assert.True(report.Last.TrainLoss < report.Epochs[0].TrainLoss, $"loss {report.Epochs[0].TrainLoss} -> {report.Last.TrainLoss}");
        Assert.Equal(predicted, loaded.Predict(rows));
        Assert.True(predicted.Where((label, i) => label == rows[i].Language).Count() > rows.Count / 2, "a separable two-input problem is learned beyond chance");
    }

    [Fact]
    public void A_two_input_models_artifact_holds_model_onnx_that_serving_without_torchsharp_predicts_like_the_model()
    {
        List<Recording> rows = Rows(24, seed: 8);
        using var model = new RecordingNet(seed: 9);
        model.eval();
        int[] predicted = model.Predict(rows);
        string folder = Directory.CreateTempSubdirectory("mldsl-branch-artifact").FullName;
        try
        {
            string path = Path.Combine(folder, "recording");
            MlDsl.Deployment.ModelArtifact.Export(path, model, RecordingNet.ModelName,
                new MlDsl.Deployment.ArtifactContents<Recording>(rows, MlDsl.Analysis.ClassificationReport.Compute(rows, predicted)));
            using var served = MlDsl.Serving.OnnxPredictor.Open(path);

            // The served graph takes the collated row, as the TorchSharp forward does.
            Assert.Equal(new long[] { Recording.FeatureLength }, served.ExampleShape);
            float[][] features = rows.Select(row =>
            {
                var buffer = new float[Recording.FeatureLength];
                Recording.WriteFeatures(row, buffer);
                return buffer;
            }).ToArray();
            Assert.Equal(predicted, served.PredictClass(features));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The same network written by hand: a spectrogram branch module, a metadata layer, torch.cat, the head.</summary>
    private sealed class HandTwoBranch : Module<Tensor, Tensor, Tensor>
    {
        private readonly HandAudio audio = new();
        private readonly Module<Tensor, Tensor> meta = Linear(4, 5), metaRelu = ReLU(), head = Linear(4 * 4 * 6 + 5, 3);

        public HandTwoBranch() : base(nameof(HandTwoBranch)) => RegisterComponents();

        public override Tensor forward(Tensor spectrogram, Tensor metadata)
        {
            using var scope = NewDisposeScope();
            Tensor joined = cat(new[] { audio.forward(spectrogram), metaRelu.forward(meta.forward(metadata)) }, 1);
            return head.forward(joined).MoveToOuterDisposeScope();
        }
    }

    private sealed class HandAudio : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> conv = Conv2d(1, 4, kernel_size: 3), convRelu = ReLU(), flat = Flatten();

        public HandAudio() : base(nameof(HandAudio)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            return flat.forward(convRelu.forward(conv.forward(input))).MoveToOuterDisposeScope();
        }
    }
}
