using System.Reflection;
using MlDsl.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MlDsl.Tests.Layers.Fresh;

/// <summary>
/// Real models restated from public PyTorch and Keras code (FreshModels.cs). They compile with no MLDSL
/// diagnostic (the test project treats warnings as errors), and what the generator inferred at compile time,
/// the output shape in <c>LayerShapes</c> and <c>ParameterCount</c>, equals what TorchSharp builds and computes
/// on a random batch of the declared input; the output is also what the user meant (the label's classes).
/// </summary>
public sealed class FreshModelCases
{
    private const int Batch = 3;

    private static IReadOnlyList<LayerShape> ShapesOf(Type model) =>
        (IReadOnlyList<LayerShape>)model.GetProperty("LayerShapes", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A batch as a single-feature model takes it: (N, feature shape).</summary>
    private static Tensor Shaped<TRow>() where TRow : IDatasetRow<TRow> =>
        randn(new long[] { Batch }.Concat(TRow.FeatureShape.ToArray()).ToArray());

    /// <summary>A batch of token ids below the vocabulary, as floats (how collation hands them over).</summary>
    private static Tensor Tokens<TRow>(int vocabulary) where TRow : IDatasetRow<TRow> =>
        randint(0, vocabulary, new long[] { Batch }.Concat(TRow.FeatureShape.ToArray()).ToArray()).to_type(ScalarType.Float32);

    /// <summary>The collated batch of a several-input model: every row's features written into one flat buffer.</summary>
    private static Tensor Collated<TRow>(IReadOnlyList<TRow> rows) where TRow : IDatasetRow<TRow>
    {
        var buffer = new float[rows.Count * TRow.FeatureLength];
        for (int i = 0; i < rows.Count; i++)
            TRow.WriteFeatures(rows[i], buffer.AsSpan(i * TRow.FeatureLength, TRow.FeatureLength));
        return tensor(buffer, new long[] { rows.Count, TRow.FeatureLength });
    }

    private static void AssertInferenceMatches<TModel>(Tensor input, params int[] expectedOutput) where TModel : Module<Tensor, Tensor>
    {
        using var scope = NewDisposeScope();
        using var model = (Module<Tensor, Tensor>)Activator.CreateInstance(typeof(TModel), (long?)7)!;
        model.eval();
        IReadOnlyList<LayerShape> layers = ShapesOf(typeof(TModel));
        long declared = (long)typeof(TModel).GetField("ParameterCount")!.GetValue(null)!;

        int[] inferred = layers[^1].Output;
        Assert.True(expectedOutput.SequenceEqual(inferred),
            $"{typeof(TModel).Name}: the user expects ({string.Join(", ", expectedOutput)}), inferred ({string.Join(", ", inferred)})");

        using Tensor output = model.forward(input);
        Assert.True(new long[] { Batch }.Concat(inferred.Select(size => (long)size)).SequenceEqual(output.shape),
            $"{typeof(TModel).Name}: inferred (N, {string.Join(", ", inferred)}), TorchSharp gives ({string.Join(", ", output.shape)})");
        Assert.False(output.isnan().any().item<bool>(), $"{typeof(TModel).Name}: NaN in the output");

        long actual = model.parameters().Sum(parameter => parameter.numel());
        Assert.True(declared == actual, $"{typeof(TModel).Name}: ParameterCount {declared}, TorchSharp has {actual}");

        // Member by member, where the member is a module of its own (state_dict keys follow the members).
        var children = model.named_children().ToDictionary(child => child.name, child => child.module);
        foreach (LayerShape layer in layers.Where(layer => children.ContainsKey(layer.Name)))
        {
            long held = children[layer.Name].parameters().Sum(parameter => parameter.numel());
            Assert.True(layer.Parameters == held, $"{typeof(TModel).Name}.{layer.Name} ({layer.Kind}): inferred {layer.Parameters} parameters, TorchSharp has {held}");
        }
    }

    [Fact] public void M5_waveform_cnn() => AssertInferenceMatches<M5Net>(Shaped<SpeechCommand>(), 35);
    [Fact] public void Har_sensor_cnn() => AssertInferenceMatches<HarCnn>(Shaped<SensorWindow>(), 6);
    [Fact] public void Dilated_tcn_last_step_regressor() => AssertInferenceMatches<DilatedTcn>(Shaped<LoadSeries>(), 1);
    [Fact] public void Residual_tcn_with_a_1d_projection_shortcut() => AssertInferenceMatches<ResidualTcn>(Shaped<LoadSeries>(), 1);
    [Fact] public void Cifar_resnet_of_nested_residual_stages() => AssertInferenceMatches<CifarResNet>(Shaped<CifarImage>(), 10);
    [Fact] public void Small_vgg_of_blocks() => AssertInferenceMatches<SmallVgg>(Shaped<CifarImage>(), 10);
    [Fact] public void Group_norm_silu_cnn() => AssertInferenceMatches<GroupNormCnn>(Shaped<CifarImage>(), 10);
    [Fact] public void Dense_net_concatenations() => AssertInferenceMatches<TinyDenseNet>(Shaped<CifarImage>(), 10);
    [Fact] public void Upsample_autoencoder_with_a_head() => AssertInferenceMatches<UpsampleAutoencoder>(Shaped<MnistImage>(), 10);
    [Fact] public void Mnist_from_flat_csv_rows_unflattened() => AssertInferenceMatches<CsvMnistCnn>(Shaped<MnistCsvRow>(), 10);
    [Fact] public void Squeeze_excite_user_module_in_a_cnn() => AssertInferenceMatches<SeCnn>(Shaped<CifarImage>(), 10);
    [Fact] public void Embedding_lstm_sentiment() => AssertInferenceMatches<LstmSentiment>(Tokens<Review>(5000), 2);
    [Fact] public void Stacked_bidirectional_lstm_last_step() => AssertInferenceMatches<StackedBiLstm>(Tokens<Review>(5000), 2);
    [Fact] public void Bigru_per_step_head_pooled() => AssertInferenceMatches<BiGruTagPool>(Tokens<NewsHeadline>(2000), 4);
    [Fact] public void Fasttext_average_of_embeddings() => AssertInferenceMatches<FastText>(Tokens<NewsHeadline>(2000), 4);
    [Fact] public void Transformer_text_classifier() => AssertInferenceMatches<TransformerTextClassifier>(Tokens<NewsHeadline>(2000), 4);
    [Fact] public void Imdb_conv1d_max_over_time() => AssertInferenceMatches<ImdbCnn>(Tokens<ImdbReview>(5000), 2);
    [Fact] public void Gru_forecaster_over_steps_by_features() => AssertInferenceMatches<GruForecaster>(Shaped<StepSeries>(), 1);
    [Fact] public void Bilstm_over_log_mel_frames() => AssertInferenceMatches<FrameLstm>(Shaped<LogMelClip>(), 6);
    [Fact] public void Transformer_over_spectrogram_frames() => AssertInferenceMatches<FrameTransformer>(Shaped<FrameClip>(), 10);
    [Fact] public void Layer_norm_gelu_mlp() => AssertInferenceMatches<LayerNormMlp>(Shaped<Patient>(), 2);
    [Fact] public void Residual_mlp_with_linear_projection() => AssertInferenceMatches<ResidualMlp>(Shaped<Patient>(), 2);
    [Fact] public void Batch_norm_on_flat_rows_with_leaky_relu() => AssertInferenceMatches<WineBatchNormNet>(Shaped<Wine>(), 3);
    [Fact] public void Resnet_stem_with_padded_max_pool() => AssertInferenceMatches<ResNetStemNet>(Shaped<CifarImage>(), 10);
    [Fact] public void Strided_residual_block_on_a_signal() => AssertInferenceMatches<StridedResidual1d>(Shaped<LoadSeries>(), 1);
    [Fact] public void Reshape_with_minus_one_into_a_gru() => AssertInferenceMatches<ReshapeMinusOneGru>(Shaped<LogMelClip>(), 6);
    [Fact] public void Softplus_housing_regressor() => AssertInferenceMatches<HousingRegressor>(Shaped<House>(), 1);
    [Fact] public void Bias_free_convolutions_and_linear_in_a_resnet() => AssertInferenceMatches<BiasFreeResNet>(Shaped<CifarImage>(), 10);
    [Fact] public void Bias_free_conv1d_before_batch_norm() => AssertInferenceMatches<BiasFreeSensorCnn>(Shaped<SensorWindow>(), 6);

    [Fact]
    public void Bias_false_leaves_no_bias_tensor_in_the_state_dict()
    {
        using var model = new BiasFreeSensorCnn(seed: 1);
        string[] keys = model.state_dict().Keys.ToArray();

        Assert.Contains("conv1.weight", keys);
        Assert.DoesNotContain("conv1.bias", keys);
        Assert.DoesNotContain("conv2.bias", keys);
        Assert.Contains("fc.bias", keys);
        // 9*32*5 + 2*32 (BatchNorm) + 32*32*5 + 2*32 + 32*6 + 6: the convolutions' 64 biases left out.
        Assert.Equal(9 * 32 * 5 + 64 + 32 * 32 * 5 + 64 + 32 * 6 + 6, BiasFreeSensorCnn.ParameterCount);
    }

    [Fact]
    public void Wide_and_deep_on_numbers_and_categories()
    {
        string[] workclasses = { "private", "self-employed", "government", "never-worked" };
        string[] educations = { "bachelors", "hs-grad", "masters", "doctorate", "some-college" };
        var rows = Enumerable.Range(0, Batch).Select(i => new Adult
        {
            Age = 20 + i, HoursPerWeek = 40, CapitalGain = i * 100, Workclass = workclasses[i], Education = educations[i], Income = i % 2,
        }).ToList();
        AssertInferenceMatches<WideAndDeep>(Collated(rows), 2);
    }

    [Fact]
    public void Spectrogram_cnn_beside_a_metadata_branch()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, Batch).Select(i => new BirdClip
        {
            Spectrogram = Enumerable.Range(0, 64 * 128).Select(_ => (float)random.NextDouble()).ToArray(),
            Latitude = 48.1f + i, Longitude = 11.5f, Season = "summer", Species = i,
        }).ToList();
        AssertInferenceMatches<BirdCallNet>(Collated(rows), 12);
    }

    [Fact]
    public void Token_branch_added_to_a_number_branch()
    {
        var random = new Random(6);
        var rows = Enumerable.Range(0, Batch).Select(i => new ReviewWithStars
        {
            Tokens = Enumerable.Range(0, 64).Select(_ => random.Next(3000)).ToArray(), Stars = i + 1, Helpfulness = i,
        }).ToList();
        AssertInferenceMatches<TextPlusStars>(Collated(rows), 3);
    }
}
