using MlDsl.Data.Files;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Adversarial.SetI;

/// <summary>
/// Hostile image files for <see cref="ImageFile"/>: empty, foreign, cut inside the compressed pixels, absurd sizes, and
/// legal but less common PNG features. Each is an <see cref="ImageFormatException"/> naming the file, or the right pixels.
/// </summary>
public sealed class ImageAttackTests() : TemporaryFolder("mldsl-seti-image")
{
    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Refused(string path, Func<string, float[]> read)
    {
        var error = Assert.Throws<ImageFormatException>(() => read(path));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
    }

    [Fact]
    public void A_zero_byte_png_is_refused_naming_the_file()
    {
        Refused(Write("empty.png", []), path => ImageFile.ReadGrayscale(path, 4, 4));
    }

    [Fact]
    public void Text_with_a_png_extension_is_refused_naming_the_file()
    {
        Refused(Write("notes.png", Ascii("path,label\na.png,cat\n")), path => ImageFile.ReadRgb(path, 4, 4));
    }

    [Fact]
    public void A_folder_where_an_image_is_expected_is_refused_naming_it()
    {
        string path = Path.Combine(Root, "folder.png");
        Directory.CreateDirectory(path);

        Refused(path, file => ImageFile.ReadGrayscale(file, 4, 4));
    }

    [Fact]
    public void A_missing_image_is_refused_with_the_librarys_own_exception()
    {
        Refused(Path.Combine(Root, "missing.png"), path => ImageFile.ReadGrayscale(path, 4, 4));
    }

    [Theory]
    [InlineData(0u, 4u)]
    [InlineData(4u, 0u)]
    [InlineData(0x7FFFFFFFu, 0x7FFFFFFFu)]
    [InlineData(100_000u, 1_000u)]
    public void An_image_header_with_an_absurd_size_is_refused_before_decoding(uint width, uint height)
    {
        byte[] bytes = Png(Ihdr(width, height, 8, 0), PngChunk("IDAT", Zlib([0, 1, 2, 3, 4])));

        Refused(Write("huge.png", bytes), path => ImageFile.ReadGrayscale(path, 4, 4));
    }

    [Fact]
    public void A_png_cut_inside_its_compressed_pixels_is_refused_not_read_half_black()
    {
        byte[] whole = GreyPng(32, 32, (x, y) => (byte)(37 * x + 11 * y));
        int idat = IndexOf(whole, Ascii("IDAT"));
        byte[] cut = Concat(whole[..(idat + 4 + 40)]);

        Refused(Write("cut.png", cut), path => ImageFile.ReadGrayscale(path, 32, 32));
    }

    [Fact]
    public void A_png_whose_pixel_stream_is_damaged_but_whose_chunks_are_whole_is_refused()
    {
        byte[] raw = Enumerable.Range(0, 16).SelectMany(y => new byte[] { 0 }.Concat(Enumerable.Range(0, 16).Select(x => (byte)(x * y)))).ToArray();
        byte[] stream = Zlib(raw);
        byte[] damaged = stream[..(stream.Length / 2)];

        Refused(Write("damaged.png", Png(Ihdr(16, 16, 8, 0), PngChunk("IDAT", damaged))), path => ImageFile.ReadGrayscale(path, 16, 16));
    }

    [Fact]
    public void A_16_bit_greyscale_png_reads_its_values_in_0_to_1()
    {
        byte[] raw = [0, 0x00, 0x00, 0x80, 0x00, 0, 0xFF, 0xFF, 0x40, 0x00];
        string path = Write("deep.png", Png(Ihdr(2, 2, 16, 0), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadGrayscale(path, 2, 2);

        Assert.Equal([0f, 0.5f, 1f, 0.25f], pixels.Select(value => MathF.Round(value * 100) / 100));
    }

    [Fact]
    public void A_palette_png_with_transparency_reads_its_palette_colours()
    {
        byte[] palette = [255, 0, 0, 0, 0, 255];
        byte[] raw = [0, 0, 1];
        string path = Write("palette.png", Png(Ihdr(2, 1, 8, 3), PngChunk("PLTE", palette), PngChunk("tRNS", [255, 255]), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadRgb(path, 1, 2);

        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f], pixels); // [C, H, W]: red plane, green plane, blue plane
    }

    [Fact]
    public void A_half_transparent_pixel_keeps_its_own_colour_as_pil_convert_rgb_does_not_a_premultiplied_one()
    {
        byte[] raw = [0, 200, 100, 50, 128];
        string path = Write("alpha.png", Png(Ihdr(1, 1, 8, 6), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadRgb(path, 1, 1);

        Assert.Equal([200 / 255f, 100 / 255f, 50 / 255f], pixels.Select(value => MathF.Round(value * 255) / 255f));
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(4, -1)]
    public void A_target_size_that_is_not_positive_is_refused_naming_it(int height, int width)
    {
        string path = Write("ok.png", GreyPng(4, 4, (x, y) => 9));

        Exception? error = Record.Exception(() => ImageFile.ReadGrayscale(path, height, width));

        Assert.True(error is ImageFormatException || error is ArgumentOutOfRangeException { ParamName: "height" or "width" },
            $"expected ImageFormatException or ArgumentOutOfRangeException for height/width, got {error?.GetType().Name}: {error?.Message}");
    }

    [Fact]
    public void Writing_a_png_of_a_negative_size_is_refused_naming_the_size_not_failed_inside_the_encoder()
    {
        string path = Path.Combine(Root, "negative.png");

        Exception? error = Record.Exception(() => ImageFile.WriteGrayscalePng(path, [0.5f], -1, -1));

        Assert.True(error is ArgumentException { ParamName: "height" or "width" } || error is ImageFormatException,
            $"expected an ArgumentException for height/width, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Writing_a_png_of_a_nan_grey_level_is_refused_not_drawn_black()
    {
        string path = Path.Combine(Root, "nan.png");

        Exception? error = Record.Exception(() => ImageFile.WriteGrayscalePng(path, [0.5f, float.NaN, 0.25f, 1f], 2, 2));

        Assert.True(error is ArgumentException or ImageFormatException,
            $"expected the NaN grey level to be refused, got {error?.GetType().Name ?? "no exception"}: {error?.Message}");
        Assert.Contains("NaN", error!.Message);
    }

    [Fact]
    public void Writing_a_png_of_finite_grey_levels_outside_0_1_still_clips_them()
    {
        string path = Path.Combine(Root, "clipped.png");

        ImageFile.WriteGrayscalePng(path, [-3f, 7f, 0.5f, 0f], 2, 2);

        float[] read = ImageFile.ReadGrayscale(path, 2, 2);
        Assert.Equal([0f, 1f, 0.5f, 0f], read.Select(value => MathF.Round(value * 50) / 50).ToArray());
    }

    private static int IndexOf(byte[] bytes, byte[] part)
    {
        for (int i = 0; i + part.Length <= bytes.Length; i++)
            if (bytes.AsSpan(i, part.Length).SequenceEqual(part)) return i;
        return -1;
    }
}
