using MlDsl.Data.Files;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Adversarial.SetU;

/// <summary>
/// PNG files of rarer bit depths and layouts (16-bit, 2-bit, grey with alpha, an empty IDAT before the real one) and
/// damaged endings (IEND cut or with a wrong CRC) or pixel streams that end cleanly but hold too few rows. Each reads
/// the right pixels or is an <see cref="ImageFormatException"/> naming the file; never a picture padded with black.
/// </summary>
public sealed class PngVariantAttackTests() : TemporaryFolder("mldsl-setu-png")
{
    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static ImageFormatException Refused(Func<object> read, string file)
    {
        Exception? error = Record.Exception(read);
        var refusal = Assert.IsType<ImageFormatException>(error);
        Assert.Contains(file, refusal.Message);
        return refusal;
    }

    private static byte[] Rows(int height, Func<int, byte[]> row) =>
        Enumerable.Range(0, height).SelectMany(y => (byte[])[0, .. row(y)]).ToArray();

    private static byte[] TwoByTwoGrey() => GreyPng(2, 2, (x, y) => (byte)(x == y ? 255 : 0));

    [Fact]
    public void Sixteen_bit_grey_reads_its_levels_scaled_to_one()
    {
        byte[] raw = Rows(1, _ => [0xFF, 0xFF, 0x00, 0x00, 0x80, 0x80]);
        string path = Write("grey16.png", Png(Ihdr(3, 1, 16, 0), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadGrayscale(path, 1, 3);

        Assert.Equal(1f, pixels[0], 1e-2f);
        Assert.Equal(0f, pixels[1], 1e-2f);
        Assert.Equal(0.502f, pixels[2], 1e-2f);
    }

    [Fact]
    public void Two_bit_grey_reads_its_four_levels()
    {
        byte[] raw = Rows(1, _ => [0b00_01_10_11]);
        string path = Write("grey2.png", Png(Ihdr(4, 1, 2, 0), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadGrayscale(path, 1, 4);

        Assert.Equal(new[] { 0f, 1f / 3, 2f / 3, 1f }, pixels.Select(p => MathF.Round(p * 3) / 3).ToArray());
    }

    [Fact]
    public void Sixteen_bit_rgb_reads_each_channel()
    {
        byte[] raw = Rows(1, _ => [0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00]);
        string path = Write("rgb16.png", Png(Ihdr(1, 1, 16, 2), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadRgb(path, 1, 1);

        Assert.Equal(new[] { 1f, 0f, 0f }, pixels.Select(p => MathF.Round(p, 2)).ToArray());
    }

    [Fact]
    public void An_empty_idat_before_the_real_one_is_allowed_and_the_pixels_read()
    {
        byte[] raw = Rows(1, _ => [10, 250]);
        string path = Write("empty-idat-first.png", Png(Ihdr(2, 1, 8, 0), PngChunk("IDAT", []), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadGrayscale(path, 1, 2);

        Assert.Equal(new[] { 10 / 255f, 250 / 255f }, pixels.Select(p => MathF.Round(p * 255) / 255).ToArray());
    }

    [Fact]
    public void Only_an_empty_idat_is_refused_naming_the_file()
    {
        string path = Write("empty-idat.png", Png(Ihdr(2, 2, 8, 0), PngChunk("IDAT", [])));

        Refused(() => ImageFile.ReadGrayscale(path, 2, 2), "empty-idat.png");
    }

    [Fact]
    public void A_grey_pixel_stream_that_ends_cleanly_rows_short_is_refused_not_padded_black()
    {
        byte[] raw = Rows(2, _ => [200, 200, 200, 200]); // the header declares 4 rows
        string path = Write("short-rows.png", Png(Ihdr(4, 4, 8, 0), PngChunk("IDAT", Zlib(raw))));

        Refused(() => ImageFile.ReadGrayscale(path, 4, 4), "short-rows.png");
    }

    [Fact]
    public void An_rgb_pixel_stream_that_ends_cleanly_rows_short_is_refused_not_padded_black()
    {
        byte[] raw = Rows(1, _ => [200, 10, 10, 200, 10, 10]);
        string path = Write("short-rgb.png", Png(Ihdr(2, 3, 8, 2), PngChunk("IDAT", Zlib(raw))));

        Refused(() => ImageFile.ReadRgb(path, 3, 2), "short-rgb.png");
    }

    [Fact]
    public void A_grey_row_with_an_undefined_filter_type_is_refused_naming_the_file()
    {
        byte[] raw = [7, 1, 2, 3, 0, 4, 5, 6];
        string path = Write("bad-filter.png", Png(Ihdr(3, 2, 8, 0), PngChunk("IDAT", Zlib(raw))));

        Refused(() => ImageFile.ReadGrayscale(path, 2, 3), "bad-filter.png");
    }

    [Fact]
    public void An_iend_cut_inside_its_crc_keeps_every_pixel_or_is_refused_naming_the_file()
    {
        byte[] whole = TwoByTwoGrey();
        string path = Write("cut-iend.png", whole[..^2]);

        Exception? error = Record.Exception(() => Assert.Equal(new[] { 1f, 0f, 0f, 1f }, ImageFile.ReadGrayscale(path, 2, 2)));

        if (error is not null) Assert.Contains("cut-iend.png", Assert.IsType<ImageFormatException>(error).Message);
    }

    [Fact]
    public void An_iend_with_a_wrong_crc_keeps_every_pixel_or_is_refused_naming_the_file()
    {
        byte[] bytes = TwoByTwoGrey();
        bytes[^1] ^= 0xFF;
        string path = Write("crc-iend.png", bytes);

        Exception? error = Record.Exception(() => Assert.Equal(new[] { 1f, 0f, 0f, 1f }, ImageFile.ReadGrayscale(path, 2, 2)));

        if (error is not null) Assert.Contains("crc-iend.png", Assert.IsType<ImageFormatException>(error).Message);
    }

    [Fact]
    public void Grey_with_alpha_reads_the_grey_level_not_a_premultiplied_one()
    {
        byte[] raw = Rows(1, _ => [200, 0, 200, 255]);
        string path = Write("grey-alpha.png", Png(Ihdr(2, 1, 8, 4), PngChunk("IDAT", Zlib(raw))));

        float[] pixels = ImageFile.ReadGrayscale(path, 1, 2);

        Assert.Equal(200 / 255f, pixels[1], 1e-2f);
        Assert.True(pixels[0] is 0f or > 0.7f, $"a transparent pixel read as {pixels[0]}");
    }

    [Fact]
    public async Task A_declared_size_under_the_limit_whose_stream_holds_one_row_is_refused_without_decoding_megapixels()
    {
        byte[] raw = Rows(1, _ => new byte[6000]);
        string path = Write("bomb.png", Png(Ihdr(6000, 6000, 8, 0), PngChunk("IDAT", Zlib(raw))));

        Exception? error = await Task.Run<Exception?>(() => Record.Exception(() => ImageFile.ReadGrayscale(path, 8, 8))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("bomb.png", Assert.IsType<ImageFormatException>(error).Message);
    }
}
