using static MlDsl.Analyzers.Tests.Infrastructure.ShapeCaseHarness;

namespace MlDsl.Analyzers.Tests;

/// <summary>Mistakes from bug reports in dense heads, pooling, blocks, residual blocks, several inputs and joins.</summary>
public sealed partial class FreshShapeCasesV
{
    /// <summary>"mat1 and mat2 shapes cannot be multiplied (32x3136 and 4096x128)": 64 * 8 * 8 counted for a map the unpadded third conv left at 7 × 7.</summary>
    [Fact]
    public Task Chest_cnn_in_features_counted_as_eight_by_eight() => ReportsAsync(Chest + """
        [Model(typeof(Chest))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv1;
            [Conv2d(32, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv2;
            [Conv2d(64, Kernel = 3), Relu, MaxPool2d(2), Flatten] Layer conv3;
            [Linear(128, InFeatures = 4096), Relu] Layer fc1;
            [Linear(2)] Layer fc2;
        }
        """, new Expect("MLDSL0001", "Layer fc1;", "4096", "3136"));

    /// <summary>Keras "Input 0 of layer dense is incompatible with the layer: expected axis -1 to have value 4096 but received input with shape (None, 1, 64, 64)": Dense on the image, no Flatten.</summary>
    [Fact]
    public Task Keras_dense_on_the_image_without_flatten() => ReportsAsync(Chest + """
        [Model(typeof(Chest))]
        public sealed partial class Net
        {
            [Linear(128, InFeatures = 4096), Relu] Layer fc1;
            [Linear(2)] Layer fc2;
        }
        """, new Expect("MLDSL0003|MLDSL0001", "Layer fc1;", "(1, 64, 64)"));

    /// <summary>GlobalAveragePooling then a head still sized for the flattened map ("expected 4096, got 64").</summary>
    [Fact]
    public Task Head_sized_for_the_map_after_global_pooling() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv1;
            [Conv2d(64, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv2;
            [GlobalAvgPool2d, Flatten] Layer pool;
            [Linear(10, InFeatures = 4096)] Layer fc;
        }
        """, new Expect("MLDSL0001", "Layer fc;", "4096", "64"));

    /// <summary>"Given input size: (512x1x1). Calculated output size: (512x0x0). Output size is too small": a sixth VGG stage on 32 × 32 images.</summary>
    [Fact]
    public Task Sixth_pool_on_cifar_sized_images() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(32, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage1;
            [Conv2d(64, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage2;
            [Conv2d(128, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage3;
            [Conv2d(256, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage4;
            [Conv2d(512, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage5;
            [Conv2d(512, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer stage6;
            [Flatten, Linear(10)] Layer fc;
        }
        """, new Expect("MLDSL0004", "Layer stage6;", "(512, 1, 1)"));

    /// <summary>BatchNorm2d after the Flatten (Keras's BatchNormalization has no 1-D/2-D split): "expected 4D input (got 2D input)".</summary>
    [Fact]
    public Task Batchnorm2d_after_flatten() => ReportsAsync(Chest + """
        [Model(typeof(Chest))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer conv;
            [Flatten, Linear(128), BatchNorm2d, Relu] Layer fc1;
            [Linear(2)] Layer fc2;
        }
        """, new Expect("MLDSL0002", "Layer fc1;", "(128)"));

    /// <summary>BatchNorm1d(64) after a Conv2d: "expected 2D or 3D input (got 4D input)".</summary>
    [Fact]
    public Task Batchnorm1d_after_conv2d() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(64, Kernel = 3), BatchNorm1d, Relu] Layer conv;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0002", "Layer conv;", "(64, 30, 30)", "BatchNorm2d"));

    /// <summary>"Conv2d: in_channels must be divisible by groups": a depthwise conv with groups=32 after a 48-channel stem.</summary>
    [Fact]
    public Task Depthwise_groups_that_do_not_divide_the_channels() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(48, Kernel = 3, Padding = 1), Relu] Layer stem;
            [Conv2d(64, Kernel = 3, Padding = 1, Groups = 32), Relu] Layer depthwise;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0006", "Layer depthwise;", "48", "32"));

    /// <summary>A hand-written basic block whose first conv strides and whose <c>out += x</c> has no downsample: "The size of tensor a (16) must match the size of tensor b (32) at non-singleton dimension 3".</summary>
    [Fact]
    public Task Hand_written_skip_add_after_a_strided_conv() => ReportsAsync(Snapshot + """
        [Block]
        public sealed partial class PlainBasic
        {
            [Conv2d(16, Kernel = 3, Padding = 1, Stride = 2), BatchNorm2d, Relu] Layer conv1;
            [Conv2d(16, Kernel = 3, Padding = 1), BatchNorm2d] Layer conv2;
            [Add(BlockAttribute.Input, nameof(conv2)), Relu] Layer merge;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            PlainBasic down;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "PlainBasic down;", "(16, 32, 32)", "(16, 16, 16)"));

    /// <summary>The same hand-written skip when the block widens: "The size of tensor a (32) must match the size of tensor b (16) at non-singleton dimension 1".</summary>
    [Fact]
    public Task Hand_written_skip_add_of_a_widening_block() => ReportsAsync(Snapshot + """
        [Block]
        public sealed partial class Widening
        {
            [BlockArgument] public const int Channels = 32;

            [Conv2d(Channels, Kernel = 3, Padding = 1), BatchNorm2d, Relu] Layer conv1;
            [Add(BlockAttribute.Input, nameof(conv1))] Layer merge;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            Widening wide;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "Widening wide;", "(16, 32, 32)", "(32, 32, 32)"));

    /// <summary>A residual "head" that flattens inside the block: no shortcut adds a (16, 32, 32) map to a (64) vector.</summary>
    [Fact]
    public Task Residual_block_that_flattens() => ReportsAsync(Snapshot + """
        [Block, Residual]
        public sealed partial class DenseHead
        {
            [Flatten, Linear(64), Relu] Layer fc;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            DenseHead head1;
            [Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0034", "DenseHead head1;", "(16, 32, 32)", "(64)"));

    /// <summary>A strided 1-D residual unit declared with an identity shortcut: length 50 against 25.</summary>
    [Fact]
    public Task Identity_shortcut_on_a_strided_1d_unit() => ReportsAsync(Motion + """
        [Block, Residual(Shortcut = Shortcut.Identity)]
        public sealed partial class Down1d
        {
            [Conv1d(32, Kernel = 3, Padding = 1, Stride = 2), BatchNorm1d, Relu] Layer conv;
        }

        [Model(typeof(Gesture))]
        public sealed partial class Net
        {
            [Conv1d(32, Kernel = 3, Padding = 1), Relu] Layer stem;
            Down1d down;
            [GlobalAvgPool1d, Linear(4)] Layer head;
        }
        """, new Expect("MLDSL0034", "Down1d down;", "(32, 50)", "(32, 25)"));

    /// <summary>A block given three arguments where it declares two (a stride added to the call, not to the block).</summary>
    [Fact]
    public Task Block_given_more_arguments_than_it_declares() => ReportsAsync(Snapshot + """
        [Block]
        public sealed partial class Stage
        {
            [BlockArgument] public const int Channels = 32;
            [BlockArgument] public const int Stride = 1;

            [Conv2d(Channels, Kernel = 3, Padding = 1, Stride = Stride), BatchNorm2d, Relu] Layer conv;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Arguments(32, 2, 1)] Stage stage1;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0035", "Stage stage1;", "3 arguments", "Channels", "Stride"));

    /// <summary>"Sizes of tensors must match except in dimension 1. Expected size 101 but got size 100": a U-Net on 101 × 101 salt tiles, pooled to 50 and upsampled to 100.</summary>
    [Fact]
    public Task Unet_on_odd_tiles_upsampled_to_100() => ReportsAsync(Salt + """
        [Model(typeof(Tile))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer enc;
            [MaxPool2d(2), Conv2d(16, Kernel = 3, Padding = 1), Relu, Upsample(2)] Layer dec;
            [Concatenate(nameof(enc), nameof(dec))] Layer skip;
            [GlobalAvgPool2d, Linear(2)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer skip;", "(16, 101, 101)", "(16, 100, 100)"));

    /// <summary>"Expected size 16 but got size 17": ConvTranspose2d(kernel 3, stride 2) without padding doubles 8 into 17, not 16.</summary>
    [Fact]
    public Task Unet_transposed_conv_gives_17_for_a_16_skip() => ReportsAsync(Snapshot + """
        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu, MaxPool2d(2)] Layer enc;
            [MaxPool2d(2), Conv2d(32, Kernel = 3, Padding = 1), Relu] Layer bottom;
            [ConvTranspose2d(16, Kernel = 3, Stride = 2)] Layer up;
            [Concatenate(nameof(enc), nameof(up))] Layer skip;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer skip;", "(16, 16, 16)", "(16, 17, 17)"));

    /// <summary>"Tensors must have same number of dimensions: got 4 and 2": the photo's map concatenated with the metadata before pooling.</summary>
    [Fact]
    public Task Metadata_joined_to_the_photo_map_before_pooling() => ReportsAsync(Product + """
        [Model(typeof(Product))]
        public sealed partial class Net
        {
            [Input(nameof(Product.Photo)), Conv2d(16, Kernel = 3), Relu, MaxPool2d(2)] Layer image;
            [Input(nameof(Product.Price), nameof(Product.Category)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(image), nameof(meta))] Layer join;
            [Linear(4)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer join;", "(16, 31, 31)", "(8)"));

    /// <summary>A siamese question/answer model whose towers were sized differently: adding (64) and (32).</summary>
    [Fact]
    public Task Siamese_towers_of_different_widths_added() => ReportsAsync(Qa + """
        [Model(typeof(Qa))]
        public sealed partial class Net
        {
            [Input(nameof(Qa.Question)), Embedding(5000, 64), Lstm(64)] Layer question;
            [Input(nameof(Qa.Answer)), Embedding(5000, 64), Lstm(32)] Layer answer;
            [Add(nameof(question), nameof(answer))] Layer sum;
            [Linear(2)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer sum;", "(64)", "(32)"));

    /// <summary>Keras "A Concatenate layer requires inputs with matching shapes except for the concatenation axis": per-step LSTM outputs joined with a price vector.</summary>
    [Fact]
    public Task Sequence_outputs_concatenated_with_a_price() => ReportsAsync(Advert + """
        [Model(typeof(Advert))]
        public sealed partial class Net
        {
            [Input(nameof(Advert.Text)), Embedding(8000, 32), Lstm(64, ReturnSequences = true)] Layer text;
            [Input(nameof(Advert.Price)), Linear(8), Relu] Layer meta;
            [Concatenate(nameof(text), nameof(meta))] Layer join;
            [Linear(3)] Layer head;
        }
        """, new Expect("MLDSL0039", "Layer join;", "(100, 64)", "(8)"));

    /// <summary>Could not be stated when set V was written (stated since with [From]): an Inception block whose parallel paths (1×1, and 3×3 without padding) all read the block's input, then concatenate maps of 32 and 30.</summary>
    [Fact]
    public Task Inception_paths_of_different_sizes() => ReportsAsync(Snapshot + """
        [Block]
        public sealed partial class Inception
        {
            [From(BlockAttribute.Input), Conv2d(16, Kernel = 1)] Layer path1;
            [From(BlockAttribute.Input), Conv2d(16, Kernel = 3)] Layer path3;
            [Concatenate(nameof(path1), nameof(path3))] Layer join;
        }

        [Model(typeof(Snapshot))]
        public sealed partial class Net
        {
            [Conv2d(16, Kernel = 3, Padding = 1), Relu] Layer stem;
            Inception mixed;
            [GlobalAvgPool2d, Linear(10)] Layer head;
        }
        """, new Expect("MLDSL0039", "Inception mixed;", "(16, 32, 32)", "(16, 30, 30)"));
}
