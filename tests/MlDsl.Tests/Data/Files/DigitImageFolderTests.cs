using MlDsl.Data.Files;
using MlDsl.Examples.Mnist;

namespace MlDsl.Tests.Data.Files;

/// <summary>The MNIST pipeline reads digits from class folders of images as well as from CSV.</summary>
public sealed class DigitImageFolderTests() : TemporaryFolder("mldsl-digit-images")
{
    [Fact]
    public void Real_digits_written_as_pngs_read_back_with_their_labels_and_grey_levels()
    {
        Digit[] digits = MnistDigits.Load().Where((_, i) => i % 500 == 0).ToArray(); // 20 digits, two of each (the package is sorted)
        DigitImages.Write(Root, digits);
        File.WriteAllText(Path.Combine(Root, "3", "notes.txt"), "not an image");

        IReadOnlyList<Digit> read = DigitImages.Read(Root);

        Assert.Equal(digits.Length, read.Count);
        Digit[] ordered = digits.OrderBy(digit => digit.Value.ToString()).ToArray();
        Assert.Equal(ordered.Select(digit => digit.Value), read.Select(digit => digit.Value));
        for (int i = 0; i < ordered.Length; i++)
        {
            Assert.Equal(784, read[i].Pixels.Length); // Zip below stops at the shorter array
            Assert.All(ordered[i].Pixels.Zip(read[i].Pixels), pair => Assert.Equal(pair.First, pair.Second, 1 / 255f));
        }
    }

    [Fact]
    public void A_folder_that_is_not_a_digit_is_refused_by_name()
    {
        ImageFile.WriteGrayscalePng(Path.Combine(Root, "seven", "a.png"), new float[784], 28, 28);

        var problem = Assert.Throws<LabelledFilesException>(() => DigitImages.Read(Root));

        Assert.Contains("the folder name 'seven' is not a digit 0-9", problem.Message);
        Assert.Contains(Path.Combine(Root, "seven"), problem.Message);
    }

    [Fact]
    public void The_pipeline_validates_a_folder_of_digit_images_given_with_data()
    {
        DigitImages.Write(Root, MnistDigits.Load().Where((_, i) => i % 100 == 0).ToArray());
        var output = new StringWriter();

        int exit = MlDsl.Pipelines.PipelineCommandLine.Run(MnistPipeline.Definition, new[] { "validate", "--data", Root }, output);

        Assert.Equal(0, exit);
        Assert.Contains("Digit, 70 train / 10 validation / 20 test rows", output.ToString());
    }
}
