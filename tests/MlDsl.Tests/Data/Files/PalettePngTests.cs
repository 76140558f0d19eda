using MlDsl.Data.Files;
using MlDsl.Tests.Adversarial.SetH;
using static MlDsl.Tests.Adversarial.SetI.CraftedBytes;

namespace MlDsl.Tests.Data.Files;

/// <summary>
/// Palette PNGs (colour type 3). A pixel whose index is past the PLTE's colours decoded, through Skia, as the palette's
/// last colour: wrong pixels without a word. It is now an <see cref="ImageFormatException"/> naming the file, the pixel
/// and the palette's size, found after undoing the scanline filters (so a filtered index is seen as it decodes) in plain
/// and Adam7 images; a damaged zlib stream, data that inflates to fewer or more scanlines than the header declares, an
/// undefined filter, a tRNS longer than the PLTE and a PLTE of part colours are refused naming the file. Valid palette
/// images of every bit depth, filter and interlacing still decode to the colours a hand-built reference gives.
/// </summary>
public sealed class PalettePngTests() : TemporaryFolder("mldsl-palette-png")
{
    private const int Width = 11, Height = 7; // odd: Adam7's passes are partial and rows end in filler bits

    private string Write(byte[] bytes, string name = "palette.png")
    {
        string path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int[,] Indices(int colours, int width = Width, int height = Height)
    {
        var indices = new int[height, width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) indices[y, x] = (x * 3 + y * 5 + x * y) % colours;
        return indices;
    }

    private ImageFormatException Refused(byte[] bytes, int height = Height, int width = Width)
    {
        string path = Write(bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageFormatException>(() => ImageFile.ReadRgb(path, height, width));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message);
        return error;
    }

    public static TheoryData<int, bool, int> EveryDepthFilterAndInterlacing()
    {
        var cases = new TheoryData<int, bool, int>();
        foreach (int depth in new[] { 1, 2, 4, 8 })
            foreach (bool interlaced in new[] { false, true })
                for (int filter = -1; filter <= 4; filter++) cases.Add(depth, interlaced, filter);
        return cases;
    }

    [Theory]
    [MemberData(nameof(EveryDepthFilterAndInterlacing))]
    public void A_valid_palette_png_decodes_to_its_palette_colours(int depth, bool interlaced, int filter)
    {
        (byte R, byte G, byte B)[] colours = PalettePng.Colours(depth == 8 ? 200 : 1 << depth);
        int[,] indices = Indices(colours.Length);
        // -1: the filters in turn, scanline by scanline, as an encoder choosing per row writes them.
        Func<int, byte> filters = filter < 0 ? scanline => (byte)(scanline % 5) : _ => (byte)filter;
        string path = Write(PalettePng.Encode(indices, depth, colours, interlaced, filters));

        float[] rgb = ImageFile.ReadRgb(path, Height, Width);

        Assert.Equal(PalettePng.Rgb(indices, colours), rgb);
    }

    [Fact]
    public void A_palette_smaller_than_its_bit_depth_allows_decodes_when_every_index_is_in_it()
    {
        // 3 colours at 2 bits: index 3 would be past the palette, but no pixel uses it. The filler bits of each row
        // (two, as 3 pixels take 6 bits) are ones: read as an index they would be 3, but they are no pixel.
        (byte R, byte G, byte B)[] colours = PalettePng.Colours(3);
        int[,] indices = Indices(3, width: 3, height: 2);
        byte[] scanlines = PalettePng.Scanlines(indices, 2, interlaced: false, _ => 0, fillerBitsSet: true);
        Assert.All(new[] { scanlines[1], scanlines[3] }, last => Assert.Equal(0b11, last & 0b11));
        string path = Write(new PngBytes().Header(3, 2, 2, 3).Palette(colours).Data(scanlines).End().ToArray());

        Assert.Equal(PalettePng.Rgb(indices, colours), ImageFile.ReadRgb(path, 2, 3));
    }

    [Fact]
    public void An_index_past_the_palette_is_refused_naming_the_pixel_and_the_palette_size()
    {
        int[,] indices = { { 0, 1, 1 }, { 1, 0, 2 } };

        var error = Refused(PalettePng.Encode(indices, 8, PalettePng.Colours(2)), height: 2, width: 3);

        Assert.EndsWith(": pixel (2, 1) has palette index 2, but the PLTE chunk holds 2 colours; expected an index below 2", error.Message);
    }

    [Fact]
    public void A_one_bit_index_past_a_single_colour_palette_is_refused()
    {
        int[,] indices = new int[2, 9];
        indices[1, 6] = 1;

        var error = Refused(PalettePng.Encode(indices, 1, PalettePng.Colours(1)), height: 2, width: 9);

        Assert.EndsWith(": pixel (6, 1) has palette index 1, but the PLTE chunk holds 1 colour; expected an index below 1", error.Message);
    }

    [Fact]
    public void An_index_past_the_palette_in_an_adam7_image_is_named_at_its_place_in_the_image_not_in_its_pass()
    {
        int[,] indices = Indices(5);
        indices[5, 3] = 9; // row 5, column 3: the last pass (odd rows), its 4th pixel of its 3rd scanline

        var error = Refused(PalettePng.Encode(indices, 4, PalettePng.Colours(5), interlaced: true));

        Assert.EndsWith(": pixel (3, 5) has palette index 9, but the PLTE chunk holds 5 colours; expected an index below 5", error.Message);
    }

    [Fact]
    public void An_index_hidden_behind_a_scanline_filter_is_found_as_it_decodes()
    {
        int[,] indices = Indices(200);
        indices[3, 4] = 250;
        byte[] scanlines = PalettePng.Scanlines(indices, 8, interlaced: false, scanline => (byte)(scanline % 5));
        // Row 3 is Average-filtered: the byte stored for the bad pixel is not 250, and bytes of good pixels are past 200.
        Assert.Equal(3, scanlines[3 * (Width + 1)]);
        Assert.NotEqual(250, scanlines[3 * (Width + 1) + 1 + 4]);
        Assert.Contains(scanlines.Where((_, i) => i % (Width + 1) != 0), stored => stored >= 200);
        byte[] png = new PngBytes().Header(Width, Height, 8, 3).Palette(PalettePng.Colours(200)).Data(scanlines).End().ToArray();

        var error = Refused(png);

        Assert.EndsWith(": pixel (4, 3) has palette index 250, but the PLTE chunk holds 200 colours; expected an index below 200", error.Message);
    }

    [Fact]
    public void Image_data_split_over_several_idat_chunks_is_read_as_one_stream()
    {
        static byte[] Split(int[,] indices, (byte R, byte G, byte B)[] colours)
        {
            byte[] stream = Zlib(PalettePng.Scanlines(indices, 4, interlaced: false, scanline => (byte)(scanline % 5)));
            int third = stream.Length / 3;
            return new PngBytes().Header(Width, Height, 4, 3).Palette(colours)
                .Chunk("IDAT", stream[..third]).Chunk("IDAT", stream[third..(2 * third)]).Chunk("IDAT", stream[(2 * third)..]).End().ToArray();
        }
        int[,] good = Indices(16), bad = Indices(15);
        bad[6, 10] = 15; // the last pixel, in the last chunk's part of the stream

        Assert.Equal(PalettePng.Rgb(good, PalettePng.Colours(16)), ImageFile.ReadRgb(Write(Split(good, PalettePng.Colours(16))), Height, Width));
        var error = Refused(Split(bad, PalettePng.Colours(15)));

        Assert.EndsWith(": pixel (10, 6) has palette index 15, but the PLTE chunk holds 15 colours; expected an index below 15", error.Message);
    }

    [Fact]
    public void A_damaged_zlib_stream_is_refused_naming_the_file()
    {
        byte[] stream = Zlib(PalettePng.Scanlines(Indices(4), 2, interlaced: false, _ => 0));
        byte[] badChecksum = [.. stream[..^1], (byte)(stream[^1] ^ 0xFF)];
        byte[] badHeader = [0x78, 0x00, .. stream[2..]]; // FCHECK no longer makes the header a multiple of 31
        byte[] badBlock = [stream[0], stream[1], 0xFF, .. stream[3..]]; // BTYPE 11, reserved

        foreach (byte[] damaged in new[] { badChecksum, badHeader, badBlock })
        {
            var error = Refused(new PngBytes().Header(Width, Height, 2, 3).Palette(PalettePng.Colours(4)).Chunk("IDAT", damaged).End().ToArray());
            Assert.Contains(": the image data (IDAT) is not a valid zlib stream (", error.Message);
            Assert.EndsWith("); the file is damaged", error.Message);
        }
    }

    [Fact]
    public void Image_data_that_inflates_to_fewer_scanlines_than_the_header_declares_is_refused_as_truncated()
    {
        byte[] scanlines = PalettePng.Scanlines(Indices(4), 2, interlaced: false, _ => 0); // 7 rows of 1 + 3 bytes

        var error = Refused(new PngBytes().Header(Width, Height, 2, 3).Palette(PalettePng.Colours(4)).Data(scanlines[..^5]).End().ToArray());

        Assert.EndsWith(": the image data (IDAT) inflates to 23 bytes, but the header's 11x7 2-bit palette image needs 28; the file is truncated or damaged", error.Message);
    }

    [Fact]
    public void Image_data_that_inflates_past_the_declared_scanlines_is_refused_without_inflating_the_rest()
    {
        // A 2x2 image whose stream holds 16 MB of zeros (all valid index 0): what the header declares, then far more.
        byte[] bomb = Zlib(new byte[16 << 20]);

        var error = Refused(new PngBytes().Header(2, 2, 8, 3).Palette(PalettePng.Colours(1)).Chunk("IDAT", bomb).End().ToArray(), height: 2, width: 2);

        Assert.EndsWith(": the image data (IDAT) inflates to more than the 6 bytes the header's 2x2 8-bit palette image needs; the file is damaged", error.Message);
    }

    [Fact]
    public void A_scanline_with_a_filter_png_does_not_define_is_refused_naming_it()
    {
        byte[] scanlines = PalettePng.Scanlines(Indices(4), 2, interlaced: false, scanline => scanline == 2 ? (byte)5 : (byte)0);

        var error = Refused(new PngBytes().Header(Width, Height, 2, 3).Palette(PalettePng.Colours(4)).Data(scanlines).End().ToArray());

        Assert.EndsWith(": scanline 2 declares filter type 5; expected 0 (None), 1 (Sub), 2 (Up), 3 (Average) or 4 (Paeth)", error.Message);
    }

    [Fact]
    public void A_trns_with_more_entries_than_the_palette_or_before_it_is_refused()
    {
        byte[] scanlines = PalettePng.Scanlines(Indices(2), 1, interlaced: false, _ => 0);
        PngBytes Header() => new PngBytes().Header(Width, Height, 1, 3);

        var longer = Refused(Header().Palette(PalettePng.Colours(2)).Chunk("tRNS", [255, 128, 0]).Data(scanlines).End().ToArray());
        var before = Refused(Header().Chunk("tRNS", [255]).Palette(PalettePng.Colours(2)).Data(scanlines).End().ToArray());

        Assert.EndsWith(": chunk 'tRNS' at byte 51 holds 3 alpha values for a PLTE of 2 colours; expected at most one per colour", longer.Message);
        Assert.EndsWith(": chunk 'tRNS' at byte 33 comes before any PLTE chunk; expected the palette first for colour type 3 (palette)", before.Message);
        // As many alpha values as colours, or fewer (the rest are opaque), are what PNG allows.
        foreach (byte[] alpha in new byte[][] { [255, 128], [255] })
            Assert.Equal(PalettePng.Rgb(Indices(2), PalettePng.Colours(2)),
                ImageFile.ReadRgb(Write(Header().Palette(PalettePng.Colours(2)).Chunk("tRNS", alpha).Data(scanlines).End().ToArray()), Height, Width));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(3 * 257)]
    public void A_plte_that_is_not_1_to_256_whole_colours_is_refused(int bytes)
    {
        byte[] scanlines = PalettePng.Scanlines(new int[Height, Width], 8, interlaced: false, _ => 0);

        var error = Refused(new PngBytes().Header(Width, Height, 8, 3).Chunk("PLTE", new byte[bytes]).Data(scanlines).End().ToArray());

        Assert.EndsWith($": chunk 'PLTE' at byte 33 holds {bytes} bytes; expected 1 to 256 colours of 3 bytes each", error.Message);
    }

    [Fact]
    public void A_suggested_palette_in_an_rgb_png_is_left_alone()
    {
        // Colour types 2 and 6 may carry a PLTE as a hint for displays with few colours; its size is not the pixels' concern.
        byte[] scanlines = PngBytes.Scanlines([[10, 20, 30, 40, 50, 60]]);
        string path = Write(new PngBytes().Header(2, 1, 8, 2).Chunk("PLTE", new byte[3]).Data(scanlines).End().ToArray());

        Assert.Equal([10 / 255f, 40 / 255f, 20 / 255f, 50 / 255f, 30 / 255f, 60 / 255f], ImageFile.ReadRgb(path, 1, 2));
    }
}
