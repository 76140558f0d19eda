using MlDsl.Data.Files;

namespace MlDsl.Tests.Adversarial.SetH;

/// <summary>
/// Hand-built PNGs against the image reader. The legal variants encoders rarely write (16-bit, palette, 2-bit palette,
/// Adam7 interlacing) decode to the right grey levels. A damaged or invalid one is an <see cref="ImageFormatException"/>
/// naming the file and the field at fault; Skia alone called every header fault "incomplete input ... expected a PNG".
/// </summary>
public sealed class PngReaderAttackTests() : TemporaryFolder("mldsl-seth-png")
{
    private static readonly byte[,] Grey = { { 0, 128 }, { 255, 64 } };
    private static readonly float[] Expected = [0f, 128 / 255f, 1f, 64 / 255f];
    private static readonly byte[] Scanlines = PngBytes.Scanlines([[0, 128], [255, 64]]);

    private string Write(byte[] bytes, string name = "crafted.png")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private ImageFormatException Refused(byte[] bytes)
    {
        string path = Write(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadGrayscale(path, 2, 2));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    private static byte[] Good() => new PngBytes().Header(2, 2, 8, 0).Data(Scanlines).End().ToArray();

    private void AssertGrey(byte[] bytes)
    {
        float[] grey = ImageFile.ReadGrayscale(Write(bytes), 2, 2);
        Assert.Equal(Expected, grey, (a, b) => Math.Abs(a - b) < 0.5f / 255);
    }

    [Fact]
    public void An_8_bit_grey_png_decodes_exactly()
    {
        AssertGrey(Good());
    }

    [Fact]
    public void A_16_bit_grey_png_decodes_to_its_high_bytes()
    {
        AssertGrey(new PngBytes().Header(2, 2, 16, 0).Data(PngBytes.Scanlines([[0, 0, 0x80, 0x80], [0xFF, 0xFF, 0x40, 0x40]])).End().ToArray());
    }

    [Fact]
    public void A_palette_png_decodes_to_its_palette_colours()
    {
        AssertGrey(new PngBytes().Header(2, 2, 8, 3).Palette((0, 0, 0), (128, 128, 128), (255, 255, 255), (64, 64, 64)).Data(PngBytes.Scanlines([[0, 1], [2, 3]])).End().ToArray());
    }

    [Fact]
    public void A_2_bit_palette_png_unpacks_its_indices()
    {
        AssertGrey(new PngBytes().Header(2, 2, 2, 3).Palette((0, 0, 0), (128, 128, 128), (255, 255, 255), (64, 64, 64)).Data(PngBytes.Scanlines([[0b0001_0000], [0b1011_0000]])).End().ToArray());
    }

    [Fact]
    public void An_interlaced_png_decodes_its_adam7_passes_into_place()
    {
        AssertGrey(new PngBytes().Header(2, 2, 8, 0, interlace: 1).Data(PngBytes.Adam7(Grey)).End().ToArray());
    }

    [Fact]
    public void A_png_cut_after_its_last_idat_keeps_every_pixel_and_reads()
    {
        AssertGrey(new PngBytes().Header(2, 2, 8, 0).Data(Scanlines).ToArray());
    }

    [Theory]
    [InlineData(0, 2, "width of 0")]
    [InlineData(2, 0, "height of 0")]
    [InlineData(-5, 2, "width of 4294967291")]
    public void A_zero_or_negative_dimension_is_refused_naming_it(int width, int height, string declared)
    {
        var error = Refused(new PngBytes().Header(width, height, 8, 0).Data(Scanlines).End().ToArray());

        Assert.Contains($"the PNG header declares a {declared}; expected 1 to 2147483647", error.Message);
    }

    [Theory]
    [InlineData(3, 0, "3 bits per sample for colour type 0 (grey); PNG allows 1, 2, 4, 8, 16")]
    [InlineData(4, 2, "4 bits per sample for colour type 2 (RGB); PNG allows 8, 16")]
    [InlineData(16, 3, "16 bits per sample for colour type 3 (palette); PNG allows 1, 2, 4, 8")]
    [InlineData(8, 5, "colour type 5; expected 0 (grey), 2 (RGB), 3 (palette), 4 (grey and alpha) or 6 (RGBA)")]
    public void A_bit_depth_or_colour_type_png_does_not_allow_is_refused_naming_both(byte depth, byte colourType, string problem)
    {
        var error = Refused(new PngBytes().Header(2, 2, depth, colourType).Data(Scanlines).End().ToArray());

        Assert.EndsWith("the PNG header declares " + problem, error.Message);
    }

    [Fact]
    public void An_unknown_interlace_compression_or_filter_method_is_refused_naming_it()
    {
        Assert.EndsWith("interlace method 2; expected 0 (none) or 1 (Adam7)", Refused(new PngBytes().Header(2, 2, 8, 0, interlace: 2).Data(Scanlines).End().ToArray()).Message);
        Assert.EndsWith("compression method 1; expected 0 (deflate), the only one PNG defines", Refused(new PngBytes().Header(2, 2, 8, 0, compression: 1).Data(Scanlines).End().ToArray()).Message);
        Assert.EndsWith("filter method 1; expected 0, the only one PNG defines", Refused(new PngBytes().Header(2, 2, 8, 0, filter: 1).Data(Scanlines).End().ToArray()).Message);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(32)]
    public void A_file_cut_inside_the_header_is_refused_as_truncated(int length)
    {
        var error = Refused(Good()[..length]);

        Assert.EndsWith($"the file ends after {length} bytes, inside the PNG header (33 bytes); the file is truncated", error.Message);
    }

    [Fact]
    public void A_file_cut_inside_its_pixel_data_is_refused_naming_the_chunk()
    {
        byte[] good = Good();

        var error = Refused(good[..50]); // the IDAT chunk starts at byte 33: its 12 bytes of length, type and CRC, then 5 of its data

        Assert.Matches(@"chunk 'IDAT' at byte 33 declares \d+ bytes but only 5 follow; the file is truncated or damaged$", error.Message);
    }

    [Fact]
    public void A_chunk_declaring_more_bytes_than_follow_is_refused_before_allocating()
    {
        byte[] file = new PngBytes().Header(2, 2, 8, 0).Chunk("tEXt", [1, 2, 3]).Data(Scanlines).End().ToArray();
        file[33] = 0x7F; // the tEXt length's high byte: about 2 GB

        var error = Refused(file);

        Assert.Contains("chunk 'tEXt' at byte 33 declares 2130706435 bytes but only", error.Message);
    }

    [Theory]
    [InlineData("IHDR", "at byte 8")]
    [InlineData("IDAT", "at byte 33")]
    [InlineData("IEND", @"at byte \d+")]
    public void A_critical_chunk_with_a_wrong_crc_is_refused_as_damaged(string chunk, string at)
    {
        var png = new PngBytes();
        png = chunk == "IHDR" ? png.Chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0], crc: 1) : png.Header(2, 2, 8, 0);
        png = chunk == "IDAT" ? png.Chunk("IDAT", new PngBytes().Data(Scanlines).ToArray()[(8 + 8)..^4], crc: 1) : png.Data(Scanlines);
        byte[] file = (chunk == "IEND" ? png.Chunk("IEND", [], crc: 1) : png.End()).ToArray();

        var error = Refused(file);

        Assert.Matches($"chunk '{chunk}' {at} has CRC 00000001 but its bytes give [0-9A-F]{{8}}; the file is damaged$", error.Message);
    }

    [Fact]
    public void An_ancillary_chunk_with_a_wrong_crc_is_skipped_as_libpng_skips_it()
    {
        AssertGrey(new PngBytes().Header(2, 2, 8, 0).Chunk("tEXt", "Comment\0hi"u8.ToArray(), crc: 1).Data(Scanlines).End().ToArray());
    }

    [Fact]
    public void A_png_without_pixel_data_or_a_palette_is_refused_naming_the_missing_chunk()
    {
        Assert.EndsWith("no IDAT chunk; the file holds no pixel data", Refused(new PngBytes().Header(2, 2, 8, 0).End().ToArray()).Message);
        Assert.EndsWith("chunk 'IDAT' at byte 33 comes before any PLTE chunk; expected the palette first for colour type 3 (palette)",
            Refused(new PngBytes().Header(2, 2, 8, 3).Data(PngBytes.Scanlines([[0, 1], [2, 3]])).End().ToArray()).Message);
    }

    [Fact]
    public void A_first_chunk_other_than_ihdr_is_refused()
    {
        var error = Refused(new PngBytes().Chunk("tEXt", new byte[13]).Header(2, 2, 8, 0).Data(Scanlines).End().ToArray());

        Assert.EndsWith("the first chunk is 'tEXt' of 13 bytes; expected the 13-byte IHDR header", error.Message);
    }

    [Fact]
    public void A_signature_mangled_by_a_text_mode_transfer_is_refused_naming_it()
    {
        byte[] good = Good();
        byte[] mangled = [.. good[..4], 0x0A, .. good[6..]]; // CR LF turned into LF

        var error = Refused(mangled);

        Assert.Contains("the PNG signature is damaged (89504E470A1A0A00; expected 89504E470D0A1A0A)", error.Message);
    }

    [Fact]
    public void A_file_with_another_signature_is_refused_with_its_first_bytes()
    {
        var error = Refused("not an image, only text"u8.ToArray());

        Assert.EndsWith("expected a PNG, JPEG or BMP image (the file starts with 6E6F7420616E2069)", error.Message);
    }

    [Fact]
    public void A_huge_declared_size_is_refused_before_decoding()
    {
        var error = Refused(new PngBytes().Header(100_000, 100_000, 8, 0).Data(Scanlines).End().ToArray());

        Assert.Contains("declares 100000x100000 pixels", error.Message);
    }

    [Fact]
    public void A_folder_or_a_read_error_is_an_image_format_exception_naming_it()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, "digit.png")).FullName;

        Assert.Equal($"{folder}: is a folder; expected an image file", Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(folder, 2, 2)).Message);
        if (!OperatingSystem.IsLinux()) return;
        // Reading /proc/self/mem from offset 0 fails with EIO, even as root: a real read error.
        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb("/proc/self/mem", 2, 2));
        Assert.StartsWith("/proc/self/mem: cannot be read (", error.Message);
    }

    [Fact]
    public void A_requested_size_whose_pixel_count_overflows_is_refused_before_the_file_is_read()
    {
        string path = Write(Good());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImageFile.ReadGrayscale(path, 65536, 65536));

        Assert.StartsWith($"{path}: asked to read it at 65536x65536 pixels (4,294,967,296); at most 40,000,000 are read", error.Message);
    }

    [Fact]
    public void Writing_a_png_whose_pixel_count_overflows_int_is_refused_not_wrapped()
    {
        string path = Path.Combine(Root, "huge.png");

        // 65536 x 65536 wraps to 0 in int: an empty span matched it, and Skia was asked for a 4 GB bitmap.
        var error = Assert.Throws<ArgumentException>(() => ImageFile.WriteGrayscalePng(path, ReadOnlySpan<float>.Empty, 65536, 65536));

        Assert.StartsWith($"{path}: 0 grey levels for a 65536x65536 image (expected 4294967296)", error.Message);
        Assert.False(File.Exists(path));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFile.WriteGrayscalePng(path, ReadOnlySpan<float>.Empty, 0, 5));
    }
}
